import { createHash } from "node:crypto";
import type { IndexedCatalog } from "./catalog.ts";
import type { ReadAssessment } from "./input.ts";
import type { ChecklistValue, Decision } from "./schema.ts";

/** §5 rule 10, provenance: the classifier version and a SHA-256 of a canonical encoding of the input. */
export const CLASSIFIER_VERSION = "1.1.0";

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

/**
 * SHA-256 from `node:crypto`, which Node, Deno and the Supabase Edge Runtime all provide: it is
 * synchronous, where Web Crypto's awaited digest costs more than the rest of a classification.
 */
export function sha256(data: string | Uint8Array): Uint8Array {
  return createHash("sha256").update(data).digest();
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Byte tags of checklist values in the canonical encoding. */
export const VALUE = {
  absent: 0,
  false: 1,
  true: 2,
  yes: 3,
  no: 4,
  /** An integer from 0 to 255, in the next byte. */
  byte: 5,
  /** Any other number, as a float64, little-endian. */
  float64: 6,
  /** Any other string, as its UTF-8 byte length (LEB128) and bytes. */
  text: 7,
} as const;

function decisionCode(decision: Decision | null): number {
  if (decision === null) return 0;
  return decision === "met" ? 1 : decision === "unmet" ? 2 : 3;
}

const utf8 = new TextEncoder();

/** Most bytes one LEB128 count or one tagged value other than text takes. */
const MAX_COUNT_BYTES = 5;
const MAX_VALUE_BYTES = 9;

/**
 * The canonical encoding is written into one buffer, reused and grown as needed. `begin` makes
 * room for everything but text, which makes its own room: the writes in between need no check.
 */
class ByteWriter {
  bytes = new Uint8Array(4096);
  view = new DataView(this.bytes.buffer);
  length = 0;

  begin(room: number): void {
    this.length = 0;
    this.reserve(room);
  }

  reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    bytes.set(this.bytes.subarray(0, this.length));
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer);
  }

  /** An unsigned integer below 2³⁵ as LEB128: 7 bits a byte, low bits first, high bit set on all but the last. */
  unsigned(value: number): void {
    while (value > 0x7f) {
      this.bytes[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }

  value(value: ChecklistValue): void {
    const bytes = this.bytes;
    if (value === null) bytes[this.length++] = VALUE.absent;
    else if (value === true) bytes[this.length++] = VALUE.true;
    else if (value === false) bytes[this.length++] = VALUE.false;
    else if (typeof value === "number") {
      if (Number.isInteger(value) && value >= 0 && value <= 0xff) {
        bytes[this.length++] = VALUE.byte;
        bytes[this.length++] = value;
      } else {
        bytes[this.length++] = VALUE.float64;
        this.view.setFloat64(this.length, value, true);
        this.length += 8;
      }
    } else if (value === "yes") bytes[this.length++] = VALUE.yes;
    else if (value === "no") bytes[this.length++] = VALUE.no;
    else this.text(value);
  }

  /** ASCII text (ISO dates) is copied byte by byte; other text goes through a TextEncoder. */
  text(value: string): void {
    let ascii = true;
    for (let i = 0; i < value.length && ascii; i++) ascii = value.charCodeAt(i) < 0x80;
    const encoded = ascii ? null : utf8.encode(value);
    const length = encoded === null ? value.length : encoded.length;
    this.reserve(1 + MAX_COUNT_BYTES + length);
    this.bytes[this.length++] = VALUE.text;
    this.unsigned(length);
    if (encoded !== null) this.bytes.set(encoded, this.length);
    else for (let i = 0; i < length; i++) this.bytes[this.length + i] = value.charCodeAt(i);
    this.length += length;
  }
}

const writer = new ByteWriter();

/** Room for a catalog's whole encoding, text values aside. */
function encodingRoom(catalog: IndexedCatalog, catalogSha256: Uint8Array): number {
  return catalogSha256.length + catalog.leaves.length + MAX_VALUE_BYTES * catalog.itemCount +
    MAX_COUNT_BYTES * catalog.slotCount + catalog.indicators.length;
}

/**
 * The input as bytes, in catalog order: the catalog's own SHA-256 (32 bytes, of its canonical
 * JSON), then per leaf its response (0 when there is none, else 1 + 4 × decision + override, each
 * coded null 0, met 1, unmet 2, considered 3, followed by one tagged value per catalog item) and
 * its live-file count per slot (LEB128), then per indicator its override (0 none, 1 met, 2 unmet).
 * The rules read nothing else, and the order rows or keys arrive in never changes it. The bytes
 * stay valid until the next call.
 */
export function canonicalInput(
  catalog: IndexedCatalog,
  catalogSha256: Uint8Array,
  read: ReadAssessment,
): Uint8Array {
  writer.begin(encodingRoom(catalog, catalogSha256));
  writer.bytes.set(catalogSha256);
  writer.length = catalogSha256.length;
  const { slotOffsets, itemOffsets } = catalog;
  const { answered, values, liveFiles, overrides } = read;
  for (let i = 0; i < answered.length; i++) {
    if (answered[i] === 0) writer.bytes[writer.length++] = 0;
    else {
      writer.bytes[writer.length++] = 1 + 4 * decisionCode(read.decisions[i]) +
        decisionCode(read.decisionOverrides[i]);
      for (let k = itemOffsets[i]; k < itemOffsets[i + 1]; k++) writer.value(values[k]);
    }
    for (let k = slotOffsets[i]; k < slotOffsets[i + 1]; k++) writer.unsigned(liveFiles[k]);
  }
  for (let i = 0; i < overrides.length; i++) {
    writer.bytes[writer.length++] = decisionCode(overrides[i] ?? null);
  }
  return writer.bytes.subarray(0, writer.length);
}

/** The input hash: SHA-256 of the canonical input, in hex. */
export function inputHash(
  catalog: IndexedCatalog,
  catalogSha256: Uint8Array,
  read: ReadAssessment,
): string {
  return sha256Hex(canonicalInput(catalog, catalogSha256, read));
}
