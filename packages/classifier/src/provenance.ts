import type { IndexedCatalog } from "./catalog.ts";
import type { ReadAssessment } from "./input.ts";
import type { ChecklistValue } from "./schema.ts";

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
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest("SHA-256", utf8.encode(text)),
  );
  let hex = "";
  for (let i = 0; i < digest.length; i++) hex += HEX[digest[i]];
  return hex;
}

const encodeValue = (value: ChecklistValue): string =>
  value === null
    ? "null"
    : value === true
    ? "true"
    : value === false
    ? "false"
    : JSON.stringify(value);

/**
 * The assessment in catalog order, as JSON text of tuples: responses `[leafCode, decision,
 * override, values]` with one checklist value per catalog item (null when absent), overrides
 * `[indicatorCode, decision]`, live files `[leafCode, slotKey, count]`. The order rows or keys
 * arrive in never changes it. Built as one string from the catalog's pre-encoded codes.
 */
export function canonicalAssessment(catalog: IndexedCatalog, read: ReadAssessment): string {
  let responses = "";
  let liveFiles = "";
  for (let i = 0; i < catalog.leaves.length; i++) {
    const { json } = catalog.leaves[i];
    const response = read.responses[i];
    if (response !== undefined) {
      let values = "";
      for (let k = 0; k < response.values.length; k++) {
        values += (k === 0 ? "" : ",") + encodeValue(response.values[k]);
      }
      responses += `${responses === "" ? "" : ","}[${json.code},${encodeValue(response.decision)},${
        encodeValue(response.override)
      },[${values}]]`;
    }
    const files = read.liveFiles[i];
    if (files === undefined) continue;
    for (let k = 0; k < files.length; k++) {
      if (files[k] > 0) {
        liveFiles += `${liveFiles === "" ? "" : ","}[${json.code},${json.slotKeys[k]},${files[k]}]`;
      }
    }
  }
  let overrides = "";
  for (let i = 0; i < catalog.indicators.length; i++) {
    const decision = read.overrides[i];
    if (decision === undefined) continue;
    overrides += `${overrides === "" ? "" : ","}[${
      JSON.stringify(catalog.indicators[i].code)
    },"${decision}"]`;
  }
  return `[[${responses}],[${overrides}],[${liveFiles}]]`;
}

/**
 * The input hash: SHA-256 over the catalog's own SHA-256 (of its canonical JSON) and the canonical
 * assessment text, so a catalog is encoded and hashed once however many assessments use it.
 */
export async function inputHash(
  catalogSha256: Promise<string>,
  assessment: string,
): Promise<string> {
  return sha256Hex(`["${await catalogSha256}",${assessment}]`);
}
