import type { Assessment } from "./input.ts";

/** §5.10 Provenance: the classifier version and a SHA-256 of a canonical encoding of the input. */
export const CLASSIFIER_VERSION = "1.0.0";

type Json = null | boolean | number | string | readonly Json[] | {
  readonly [key: string]: Json | undefined;
};

/** JSON with object keys sorted, so equal values always encode to the same text. */
export function canonicalJson(value: Json | undefined): string {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as { readonly [key: string]: Json | undefined };
  const fields = Object.keys(record).filter((key) => record[key] !== undefined).sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${fields.join(",")}}`;
}

const utf8 = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest("SHA-256", utf8.encode(text)),
  );
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

type Row = readonly [string, ...unknown[]];
const byFirst = (a: Row, b: Row) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The assessment as tuples in code order, checklist entries in key order:
 * `[[leafCode, decision, override, [[key, value]...]]...], [[indicatorCode, decision]...], [[leafCode, slotKey]...]`.
 * Neither the order rows were loaded in nor the order of checklist keys changes it.
 */
export function canonicalAssessment(assessment: Assessment): Json {
  const responses = assessment.responses
    .map(({ leafCode, decision, override, checklist }) =>
      [leafCode, decision, override, Object.entries(checklist).sort(byFirst)] as const
    )
    .sort(byFirst);
  const overrides = assessment.indicatorOverrides
    .map(({ indicatorCode, decision }) => [indicatorCode, decision] as const)
    .sort(byFirst);
  const movs = assessment.movs
    .map(({ leafCode, slotKey }) => [leafCode, slotKey] as const)
    .sort((a, b) => byFirst(a, b) || byFirst([a[1]], [b[1]]));
  return [responses, overrides, movs];
}

/**
 * The input hash: SHA-256 over the catalog's own SHA-256 (of its canonical JSON) and the canonical
 * assessment, so a catalog is encoded and hashed once however many assessments use it.
 */
export function inputHash(catalogSha256: string, assessment: Assessment): Promise<string> {
  return sha256Hex(JSON.stringify([catalogSha256, canonicalAssessment(assessment)]));
}
