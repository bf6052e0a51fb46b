import { createHash } from "node:crypto";
import type { IndexedCatalog } from "./catalog.ts";
import type { ReadAssessment } from "./input.ts";
import type { ChecklistValue } from "./schema.ts";

/** §5 rule 10, provenance: the classifier version and a SHA-256 of a canonical encoding of the input. */
export const CLASSIFIER_VERSION = "1.4.0";

type Json = null | boolean | number | string | readonly Json[] | {
  readonly [key: string]: Json | undefined;
};

/**
 * JSON with object keys sorted, so equal values always encode to the same text. The engine's own
 * JSON.stringify writes it, which keeps a catalog's first classification short. JavaScript lists
 * integer-like keys first, in numeric order, so such keys would precede the sorted others; a
 * catalog has none.
 */
export function canonicalJson(value: Json | undefined): string {
  return JSON.stringify(value ?? null, withSortedKeys);
}

/** A JSON.stringify replacer that writes every object with its keys in sorted order. */
function withSortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
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
const VALUE = {
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
  /**
   * A string with a lone surrogate, which UTF-8 cannot spell (a TextEncoder writes U+FFFD for
   * each), as its UTF-16 code unit count (LEB128) and code units, little-endian.
   */
  utf16: 8,
  /**
   * A date item's `YYYY-MM-DD` value (ten characters, no time of day), as the reader's day number
   * (year × 512 + month × 32 + day, which spells the text out again) in three bytes, little-endian.
   */
  day: 9,
} as const;

const utf8 = new TextEncoder();

/** Most bytes one LEB128 count or one tagged value other than text takes. */
const MAX_COUNT_BYTES = 5;
const MAX_VALUE_BYTES = 9;

/**
 * The canonical encoding is written into one buffer, reused and grown as needed. Each write takes
 * the position to write at and returns the position after it, so the hot loop keeps the position
 * in a local. The buffer is sized once per call for everything but text; a text write makes room
 * for the text and, after it, for `rest` bytes, the room of a whole encoding without text, so
 * whatever follows fits as well. After a text write, `buffer` may be a new array.
 */
class EncodingBuffer {
  bytes = new Uint8Array(4096);
  view = new DataView(this.bytes.buffer);
  rest = 0;

  /** Room for `count` bytes at `at`, keeping the bytes before it. */
  reserve(at: number, count: number): Uint8Array {
    if (at + count <= this.bytes.length) return this.bytes;
    const bytes = new Uint8Array(Math.max(this.bytes.length * 2, at + count));
    bytes.set(this.bytes.subarray(0, at));
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer);
    return bytes;
  }
}

const buffer = new EncodingBuffer();

/** An unsigned integer below 2³⁵ as LEB128: 7 bits a byte, low bits first, high bit set on all but the last. */
function writeUnsigned(bytes: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    bytes[at++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  bytes[at++] = value;
  return at;
}

/** Any text but "yes" and "no", as its UTF-8 byte length (LEB128) and bytes. */
function writeText(at: number, value: string): number {
  let bytes = buffer.reserve(at, 1 + MAX_COUNT_BYTES + value.length + buffer.rest);
  bytes[at++] = VALUE.text;
  // ASCII text is copied as it is checked; other text goes through a TextEncoder.
  const lengthAt = at;
  at = writeUnsigned(bytes, at, value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80) {
      if (!isWellFormed(value)) return writeCodeUnits(lengthAt - 1, value);
      const encoded = utf8.encode(value);
      bytes = buffer.reserve(lengthAt, MAX_COUNT_BYTES + encoded.length + buffer.rest);
      at = writeUnsigned(bytes, lengthAt, encoded.length);
      bytes.set(encoded, at);
      return at + encoded.length;
    }
    bytes[at++] = code;
  }
  return at;
}

/** Whether every surrogate of the text is half of a pair. */
function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/** A text with a lone surrogate, as its code unit count (LEB128) and code units. */
function writeCodeUnits(at: number, value: string): number {
  const bytes = buffer.reserve(at, 1 + MAX_COUNT_BYTES + 2 * value.length + buffer.rest);
  bytes[at++] = VALUE.utf16;
  at = writeUnsigned(bytes, at, value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    bytes[at++] = code & 0xff;
    bytes[at++] = code >>> 8;
  }
  return at;
}

/**
 * A checklist value with its tag; `day` is the reader's day number for a date item's value, -1
 * otherwise. Text goes through `writeText`, which may grow the buffer.
 */
function writeValue(bytes: Uint8Array, at: number, value: ChecklistValue, day: number): number {
  if (value === null) bytes[at++] = VALUE.absent;
  else if (value === true) bytes[at++] = VALUE.true;
  else if (value === false) bytes[at++] = VALUE.false;
  else if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0 && value <= 0xff) {
      bytes[at++] = VALUE.byte;
      bytes[at++] = value;
    } else {
      bytes[at++] = VALUE.float64;
      buffer.view.setFloat64(at, value, true);
      at += 8;
    }
  } else if (value === "yes") bytes[at++] = VALUE.yes;
  else if (value === "no") bytes[at++] = VALUE.no;
  else if (day >= 0 && value.length === 10) {
    bytes[at++] = VALUE.day;
    bytes[at++] = day & 0xff;
    bytes[at++] = (day >>> 8) & 0xff;
    bytes[at++] = day >>> 16;
  } else at = writeText(at, value);
  return at;
}

/** Room for a catalog's whole encoding, text values aside. */
function encodingRoom(catalog: IndexedCatalog, catalogSha256: Uint8Array): number {
  return catalogSha256.length + catalog.leaves.length + MAX_VALUE_BYTES * catalog.itemCount +
    MAX_COUNT_BYTES * catalog.slotCount + catalog.indicators.length + 1;
}

/**
 * The input as bytes, in catalog order: the catalog's own SHA-256 (32 bytes, of its canonical
 * JSON), then per leaf its `responseCode` (0 when there is none, else 1 + 4 × decision +
 * override, each coded null 0, met 1, unmet 2, considered 3, followed by one tagged value per
 * catalog item, a date of a date item as its day) and
 * its live-file count per slot (LEB128), then per indicator its override (0 none, 1 met, 2 unmet),
 * then what an option's documents are (0 its checklist items, 1 its files).
 * The rules read nothing else, and the order rows or keys arrive in never changes it. The bytes
 * stay valid until the next call.
 */
export function canonicalInput(
  catalog: IndexedCatalog,
  catalogSha256: Uint8Array,
  read: ReadAssessment,
): Uint8Array {
  buffer.rest = encodingRoom(catalog, catalogSha256);
  let bytes = buffer.reserve(0, buffer.rest);
  let at = 0;
  for (let i = 0; i < catalogSha256.length; i++) bytes[at++] = catalogSha256[i];
  const { slotOffsets, itemOffsets } = catalog;
  const { responses, values, days, liveFiles, overrides } = read;
  for (let i = 0; i < responses.length; i++) {
    bytes[at++] = responses[i];
    if (responses[i] !== 0) {
      for (let k = itemOffsets[i]; k < itemOffsets[i + 1]; k++) {
        at = writeValue(bytes, at, values[k], days[k]);
        bytes = buffer.bytes;
      }
    }
    for (let k = slotOffsets[i]; k < slotOffsets[i + 1]; k++) {
      at = writeUnsigned(bytes, at, liveFiles[k]);
    }
  }
  for (let i = 0; i < overrides.length; i++) {
    const override = overrides[i];
    bytes[at++] = override === undefined ? 0 : override === "met" ? 1 : 2;
  }
  bytes[at++] = read.documentsByFiles ? 1 : 0;
  return bytes.subarray(0, at);
}

/** The input hash: SHA-256 of the canonical input, in hex. */
export function inputHash(
  catalog: IndexedCatalog,
  catalogSha256: Uint8Array,
  read: ReadAssessment,
): string {
  return sha256Hex(canonicalInput(catalog, catalogSha256, read));
}
