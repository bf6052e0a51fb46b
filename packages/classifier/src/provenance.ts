/** §5.10 Provenance: the classifier version and a SHA-256 of a canonical encoding of the input. */
export const CLASSIFIER_VERSION = "1.0.0";

type Json = null | boolean | number | string | readonly Json[] | {
  readonly [key: string]: Json | undefined;
};

/** JSON with object keys sorted, so equal values always encode to the same text. */
export function canonicalJson(value: Json | undefined): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
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

type Assessment = {
  responses: readonly { leafCode: string }[];
  indicatorOverrides: readonly { indicatorCode: string }[];
  movs: readonly { leafCode: string; slotKey: string }[];
};

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Rows in code order, so the order the rows were loaded in never changes the hash. */
export function canonicalAssessment<A extends Assessment>(assessment: A): Assessment {
  return {
    responses: [...assessment.responses].sort(byKey((row) => row.leafCode)),
    indicatorOverrides: [...assessment.indicatorOverrides].sort(byKey((row) => row.indicatorCode)),
    movs: [...assessment.movs].sort(byKey((row) => `${row.leafCode}\u0000${row.slotKey}`)),
  };
}

/**
 * The input hash: SHA-256 over the catalog's own SHA-256 and the canonical assessment, so a
 * catalog is hashed once however many assessments are classified against it.
 */
export function inputHash(catalogSha256: string, assessment: Assessment): Promise<string> {
  return sha256Hex(
    canonicalJson({ catalog: catalogSha256, ...canonicalAssessment(assessment) } as Json),
  );
}
