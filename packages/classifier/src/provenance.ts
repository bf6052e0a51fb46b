import type { IndexedCatalog } from "./catalog.ts";
import type { ReadAssessment } from "./input.ts";

/** §5 rule 10, provenance: the classifier version and a SHA-256 of a canonical encoding of the input. */
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

/**
 * The assessment in catalog order, as tuples: responses `[leafCode, decision, override, values]`
 * with one checklist value per catalog item (null when absent), overrides `[indicatorCode,
 * decision]`, live files `[leafCode, slotKey, count]`. The order rows or keys arrive in never
 * changes it.
 */
export function canonicalAssessment(catalog: IndexedCatalog, read: ReadAssessment): Json {
  const responses: Json[] = [];
  const liveFiles: Json[] = [];
  for (const { leaf } of catalog.leaves) {
    const response = read.responseByLeaf.get(leaf.code);
    if (response !== undefined) {
      const values = leaf.items.map((item) => response.checklist[item.key] ?? null);
      responses.push([leaf.code, response.decision, response.override, values]);
    }
    const files = read.liveFilesByLeaf.get(leaf.code);
    if (files === undefined) continue;
    for (const { key } of leaf.slots) {
      const count = files.get(key);
      if (count !== undefined) liveFiles.push([leaf.code, key, count]);
    }
  }
  const overrides = catalog.indicators.flatMap(({ code }) => {
    const decision = read.overrideByIndicator.get(code);
    return decision === undefined ? [] : [[code, decision]];
  });
  return [responses, overrides, liveFiles];
}

/**
 * The input hash: SHA-256 over the catalog's own SHA-256 (of its canonical JSON) and the canonical
 * assessment, so a catalog is encoded and hashed once however many assessments use it.
 */
export async function inputHash(catalogSha256: Promise<string>, assessment: Json): Promise<string> {
  return sha256Hex(JSON.stringify([await catalogSha256, assessment]));
}
