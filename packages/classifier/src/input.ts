import type { IndexedCatalog, PlacedLeaf } from "./catalog.ts";
import { ClassifierInputError } from "./errors.ts";
import {
  type ChecklistValue,
  type Decision,
  decisionSchema,
  ITEM_KIND,
  type ItemType,
  optionDocumentsSchema,
  type Verdict,
  verdictSchema,
} from "./schema.ts";
import { assertConsiderationAllowed, responseCode } from "./status.ts";

/**
 * The assessment by catalog position: leaf i's checklist values are `values[itemOffsets[i]]`
 * onwards and its live-file counts `liveFiles[slotOffsets[i]]` onwards. The arrays belong to the
 * catalog's reader and are overwritten by its next read: a classification reads, decides and
 * hashes one assessment before the next is read, and none of them ends up in a result.
 */
export type ReadAssessment = {
  /** Per leaf: its response's decision and override as a `responseCode`; 0 without a response. */
  responses: Uint8Array;
  /** Per leaf: 1 when any of its checklist values is not null. */
  reviewed: Uint8Array;
  /** Per item: its checklist value, null when absent; meaningful for answered leaves only. */
  values: ChecklistValue[];
  /**
   * Per item: the day a date item's value names, as `isoDay` gives it, read with the value;
   * -1 for items of other types. Meaningful only where `values` holds a string.
   */
  days: Int32Array;
  /** Per slot: its live files. */
  liveFiles: number[];
  /** Per leaf: which of its slots have a live file, as `filledSlots` (bits for its first 31 slots). */
  filledSlots: Int32Array;
  /** Per indicator: its explicit verdict, if any. */
  overrides: (Verdict | undefined)[];
  /** Whether an option's documents are the files in its upload slots rather than its items. */
  documentsByFiles: boolean;
};

const readers = new WeakMap<IndexedCatalog, ReadAssessment>();

/** The catalog's reader arrays, emptied for a new read; item values are set per answered leaf. */
function emptyReader(catalog: IndexedCatalog): ReadAssessment {
  let read = readers.get(catalog);
  if (read === undefined) {
    read = {
      responses: new Uint8Array(catalog.leaves.length),
      reviewed: new Uint8Array(catalog.leaves.length),
      values: new Array(catalog.itemCount).fill(null),
      days: new Int32Array(catalog.itemCount).fill(-1),
      liveFiles: new Array(catalog.slotCount).fill(0),
      filledSlots: new Int32Array(catalog.leaves.length),
      overrides: new Array(catalog.indicators.length).fill(undefined),
      documentsByFiles: false,
    };
    readers.set(catalog, read);
    return read;
  }
  read.responses.fill(0);
  read.reviewed.fill(0);
  read.filledSlots.fill(0);
  const { liveFiles, overrides } = read;
  for (let i = 0; i < liveFiles.length; i++) liveFiles[i] = 0;
  for (let i = 0; i < overrides.length; i++) overrides[i] = undefined;
  return read;
}

/** A time of day from 00:00 to 23:59:59.999…, with an offset from -23:59 to +23:59 or Z. */
const TIME_OF_DAY = /^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digit at `at` as its value; any other character gives a value outside 0–9. */
const digitAt = (text: string, at: number) => text.charCodeAt(at) - 48;

/** Negative exactly when `digit` is outside 0–9, so OR-ing several says whether any is. */
const outsideDigits = (digit: number) => digit | (9 - digit);

/**
 * The day a `YYYY-MM-DD` value names (optionally with a time of day and offset), as
 * year × 512 + month × 32 + day, which orders days as their text does; -1 for anything that is
 * not such a value naming a real day from year 100 on. Every date of a checklist goes through
 * here, so its ten characters are read once each, without a loop, a regular expression or a `Date`.
 */
export function isoDay(value: unknown): number {
  if (typeof value !== "string" || value.length < 10) return -1;
  const y0 = digitAt(value, 0), y1 = digitAt(value, 1), y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3), m0 = digitAt(value, 5), m1 = digitAt(value, 6);
  const d0 = digitAt(value, 8), d1 = digitAt(value, 9);
  const misfits = outsideDigits(y0) | outsideDigits(y1) | outsideDigits(y2) | outsideDigits(y3) |
    outsideDigits(m0) | outsideDigits(m1) | outsideDigits(d0) | outsideDigits(d1);
  if (misfits < 0 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 100 || month < 1 || month > 12 || day < 1) return -1;
  if (value.length > 10 && !TIME_OF_DAY.test(value.slice(10))) return -1;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return -1;
  return year * 512 + month * 32 + day;
}

const KIND = ITEM_KIND;

/**
 * What a checklist value may be for each item type, by `ITEM_KIND` (contract value semantics);
 * null is always allowed.
 */
function fitsItemKind(kind: number, value: unknown): boolean {
  switch (kind) {
    case KIND.checkbox:
      return typeof value === "boolean";
    case KIND.assessment_field:
      return value === "yes" || value === "no" || typeof value === "boolean";
    case KIND.document_count:
      return Number.isInteger(value) && (value as number) >= 0;
    case KIND.date_input:
      return isoDay(value) >= 0;
    case KIND.calculation_field:
      return typeof value === "number" && Number.isFinite(value);
    default: // info_text, section_header: display only
      return typeof value === "boolean" || typeof value === "string" || Number.isFinite(value);
  }
}

const expectedValue: Record<ItemType, string> = {
  checkbox: "a boolean",
  assessment_field: '"yes", "no" or a boolean',
  document_count: "a whole number, 0 or more",
  date_input: "an ISO date",
  calculation_field: "a finite number",
  info_text: "a boolean, finite number or string",
  section_header: "a boolean, finite number or string",
};

const DECISIONS: readonly Decision[] = decisionSchema.options;
const VERDICTS: readonly Verdict[] = verdictSchema.options;
const EXPECTED_TEXT = "expected a non-empty string";
const EXPECTED_OBJECT = "expected an object";
const EXPECTED_PLAIN_OBJECT = "expected a plain object keyed by item";

// Field paths are spelled out only on the refusing branch: building them for every row would
// cost more than reading the row.

function refuse(field: string, problem: string): never {
  throw new ClassifierInputError(field, problem);
}

function list(value: unknown, field: string): unknown[] {
  return Array.isArray(value) ? value : refuse(field, "expected a list");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === "string" && value !== "";

const expectedOneOf = (allowed: readonly string[]) => `expected one of ${allowed.join(", ")}`;

function isDecisionOrNull(value: unknown): value is Decision | null {
  return value === null || value === "met" || value === "unmet" || value === "considered";
}

/**
 * Whether a key `for…in` visited is the object's own: V8 answers `hasOwnProperty` on the key and
 * object of a `for…in` from the loop's own map check, without a lookup (`Object.hasOwn` gets no
 * such treatment).
 */
const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * What `z.record` accepts: an object made by `{}`, `Object.create(null)` or `Object.create` of
 * such a prototype; never a Map, Set, Date, RegExp, array or class instance. (zod's
 * `isPlainObject`, with the usual object literal answered first.)
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const constructor: unknown = value.constructor;
  if (constructor === Object || typeof constructor !== "function") return true;
  const prototype: unknown = constructor.prototype;
  return typeof prototype === "object" && prototype !== null &&
    hasOwnProperty.call(prototype, "isPrototypeOf");
}

/**
 * The checklist as values by item position, each checked against its item's type; unknown keys
 * are refused. Keys usually arrive in catalog order, so each is compared with the item after the
 * previous key's before it is looked up. Anything amiss, including a key the object only inherits,
 * is left to the walk over its own keys, which names the offending field. Returns whether any
 * value was given.
 */
function readChecklist(
  value: unknown,
  catalog: IndexedCatalog,
  placed: PlacedLeaf,
  index: number,
  read: ReadAssessment,
): boolean {
  if (!isPlainRecord(value)) refuse(`responses[${index}].checklist`, EXPECTED_PLAIN_OBJECT);
  const { values, days } = read;
  const { itemKeys, plans: { kinds: itemKinds } } = catalog;
  const { itemOffset: offset, itemCount: count } = placed;
  for (let i = 0; i < count; i++) values[offset + i] = null;
  let next = 0;
  let given = false;
  for (const key in value) {
    const position = next < count && itemKeys[offset + next] === key
      ? next
      : placed.itemPositions.get(key);
    if (position === undefined || !hasOwnProperty.call(value, key)) {
      return readChecklistByOwnKeys(value, catalog, placed, index, read);
    }
    next = position + 1;
    const entry = value[key];
    if (entry === null) continue;
    const kind = itemKinds[offset + position];
    if (kind === KIND.date_input) {
      const day = isoDay(entry);
      if (day < 0) return readChecklistByOwnKeys(value, catalog, placed, index, read);
      days[offset + position] = day;
    } else if (!fitsItemKind(kind, entry)) {
      return readChecklistByOwnKeys(value, catalog, placed, index, read);
    }
    values[offset + position] = entry as ChecklistValue;
    given = true;
  }
  return given;
}

/**
 * The checklist read by its own keys. A misfit value is named before an unknown key, the first in
 * catalog order.
 */
function readChecklistByOwnKeys(
  value: Record<string, unknown>,
  catalog: IndexedCatalog,
  placed: PlacedLeaf,
  index: number,
  read: ReadAssessment,
): boolean {
  const { values, days } = read;
  const at = `responses[${index}]`;
  const kindAt = (position: number) => catalog.plans.kinds[placed.itemOffset + position];
  let misfit = placed.itemCount;
  let unknownKey: string | undefined;
  let given = false;
  for (const key of Object.keys(value)) {
    const position = placed.itemPositions.get(key);
    if (position === undefined) {
      unknownKey ??= key;
      continue;
    }
    const entry = value[key];
    if (entry === null) continue;
    if (fitsItemKind(kindAt(position), entry)) {
      values[placed.itemOffset + position] = entry as ChecklistValue;
      if (kindAt(position) === KIND.date_input) days[placed.itemOffset + position] = isoDay(entry);
      given = true;
    } else if (position < misfit) misfit = position;
  }
  if (misfit < placed.itemCount) {
    const item = placed.leaf.items[misfit];
    refuse(
      `${at}.checklist.${item.key}`,
      `expected ${expectedValue[item.type]} or null`,
    );
  }
  if (unknownKey !== undefined) {
    refuse(`${at}.checklist.${unknownKey}`, "is not an item of this leaf");
  }
  return given;
}

/** How many leaves past the previous row's are tried before a lookup by code. */
const LEAVES_TRIED_AHEAD = 4;

/**
 * Rows usually arrive in catalog order, though leaves without a row are skipped: the few leaves
 * after the previous row's are compared before the code is looked up.
 */
function leafNamed(catalog: IndexedCatalog, code: string, after: number): PlacedLeaf | undefined {
  const { leaves } = catalog;
  const last = Math.min(after + LEAVES_TRIED_AHEAD, leaves.length - 1);
  for (let i = after + 1; i <= last; i++) if (leaves[i].code === code) return leaves[i];
  return catalog.leafByCode.get(code);
}

function readResponses(value: unknown, catalog: IndexedCatalog, read: ReadAssessment): void {
  const rows = list(value, "responses");
  let previous = -1;
  for (let index = 0; index < rows.length; index++) {
    const fields = rows[index];
    if (!isRecord(fields)) refuse(`responses[${index}]`, EXPECTED_OBJECT);
    const leafCode = fields.leafCode;
    if (!isText(leafCode)) refuse(`responses[${index}].leafCode`, EXPECTED_TEXT);
    const placed = leafNamed(catalog, leafCode, previous) ??
      refuse(`responses[${index}].leafCode`, "is not a leaf of the catalog");
    const position = placed.position;
    if (read.responses[position] !== 0) {
      refuse(`responses[${index}].leafCode`, "duplicate response for this leaf");
    }
    const given = readChecklist(fields.checklist, catalog, placed, index, read);
    const { decision, override } = fields;
    if (!isDecisionOrNull(decision)) {
      refuse(`responses[${index}].decision`, expectedOneOf(DECISIONS));
    }
    if (!isDecisionOrNull(override)) {
      refuse(`responses[${index}].override`, expectedOneOf(DECISIONS));
    }
    if (decision === "considered" || override === "considered") {
      assertConsiderationAllowed(placed.leaf, { decision, override }, `responses[${index}]`);
    }
    read.responses[position] = responseCode(decision, override);
    read.reviewed[position] = given ? 1 : 0;
    previous = position;
  }
}

function readOverrides(value: unknown, catalog: IndexedCatalog, read: ReadAssessment): void {
  const overrides = read.overrides;
  const rows = list(value, "indicatorOverrides");
  for (let index = 0; index < rows.length; index++) {
    const fields = rows[index];
    if (!isRecord(fields)) refuse(`indicatorOverrides[${index}]`, EXPECTED_OBJECT);
    const code = fields.indicatorCode;
    if (!isText(code)) refuse(`indicatorOverrides[${index}].indicatorCode`, EXPECTED_TEXT);
    const placed = catalog.indicatorByCode.get(code);
    if (placed === undefined || placed.indicator.isProfilingOnly) {
      refuse(
        `indicatorOverrides[${index}].indicatorCode`,
        "is not a scored indicator of the catalog",
      );
    }
    if (overrides[placed.position] !== undefined) {
      refuse(`indicatorOverrides[${index}].indicatorCode`, "duplicate override");
    }
    const decision = fields.decision;
    if (!VERDICTS.includes(decision as Verdict)) {
      refuse(`indicatorOverrides[${index}].decision`, expectedOneOf(VERDICTS));
    }
    overrides[placed.position] = decision as Verdict;
  }
}

/** The slot's position within its leaf: a leaf has a handful of slots, so a scan beats a lookup. */
function slotPosition(catalog: IndexedCatalog, placed: PlacedLeaf, key: string): number {
  const { slotKeys } = catalog;
  const from = placed.slotOffset;
  const count = placed.slotCount;
  for (let i = 0; i < count; i++) if (slotKeys[from + i] === key) return i;
  return -1;
}

function readMovs(value: unknown, catalog: IndexedCatalog, read: ReadAssessment): void {
  const liveFiles = read.liveFiles;
  const rows = list(value, "movs");
  // Rows grouped by leaf reuse the previous row's leaf instead of looking it up again.
  let placed: PlacedLeaf | undefined;
  for (let index = 0; index < rows.length; index++) {
    const fields = rows[index];
    if (!isRecord(fields)) refuse(`movs[${index}]`, EXPECTED_OBJECT);
    const { leafCode, slotKey } = fields;
    if (!isText(leafCode)) refuse(`movs[${index}].leafCode`, EXPECTED_TEXT);
    if (placed === undefined || placed.code !== leafCode) {
      placed = leafNamed(catalog, leafCode, placed === undefined ? -1 : placed.position) ??
        refuse(`movs[${index}].leafCode`, "is not a leaf of the catalog");
    }
    if (!isText(slotKey)) refuse(`movs[${index}].slotKey`, EXPECTED_TEXT);
    const slot = slotPosition(catalog, placed, slotKey);
    if (slot < 0) refuse(`movs[${index}].slotKey`, "is not an upload slot of this leaf");
    liveFiles[placed.slotOffset + slot] += 1;
    read.filledSlots[placed.position] |= 1 << slot;
  }
}

const OPTION_DOCUMENTS: readonly string[] = optionDocumentsSchema.options;

/** Whether the input asks for an option's documents to be read from its files. */
function readOptionDocuments(value: unknown): boolean {
  if (value === undefined || value === "checklist") return false;
  if (value === "files") return true;
  return refuse("optionDocuments", expectedOneOf(OPTION_DOCUMENTS));
}

/**
 * The assessment part of the input (responses, overrides, MOVs), checked against its catalog in
 * one pass. It accepts exactly what `classifierInputSchema` describes, narrowed by the catalog:
 * known leaf codes, item keys and slot keys, and checklist values that fit their item type.
 * Classifying 42,000 assessments makes this the hot path, which a generic schema walk is not
 * fast enough for; extra fields are dropped as the schema would.
 */
export function readAssessment(
  input: Record<string, unknown>,
  catalog: IndexedCatalog,
): ReadAssessment {
  const read = emptyReader(catalog);
  readMovs(input.movs, catalog, read);
  readResponses(input.responses, catalog, read);
  readOverrides(input.indicatorOverrides, catalog, read);
  read.documentsByFiles = readOptionDocuments(input.optionDocuments);
  return read;
}
