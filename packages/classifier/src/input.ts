import type { IndexedCatalog, PlacedLeaf } from "./catalog.ts";
import { ClassifierInputError } from "./errors.ts";
import type { ChecklistValue, Decision, ItemType, Verdict } from "./schema.ts";
import { hasReviewerValues } from "./projection.ts";
import { assertConsiderationAllowed } from "./status.ts";

/** A checked response: decisions and the checklist values by item position (null when absent). */
export type ReadResponse = {
  decision: Decision | null;
  override: Decision | null;
  values: ChecklistValue[];
  /** Whether any checklist value is not null. */
  reviewed: boolean;
};

/** The assessment by catalog position: responses and live files per leaf, overrides per indicator. */
export type ReadAssessment = {
  responses: (ReadResponse | undefined)[];
  overrides: (Verdict | undefined)[];
  /** Live files per slot, in catalog order (a leaf's slots start at its `slotOffset`). */
  liveFiles: number[];
};

const TIME_OF_DAY = /^T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written with `count` ASCII digits at `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let number = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** `YYYY-MM-DD`, optionally with a time of day and offset, naming a real day from year 100 on. */
function isIsoDate(value: unknown): boolean {
  if (typeof value !== "string" || value.length < 10) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  if (value.length > 10 && !TIME_OF_DAY.test(value.slice(10))) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

/** What a checklist value may be for each item type (contract value semantics); null is always allowed. */
function fitsItemType(type: ItemType, value: unknown): boolean {
  switch (type) {
    case "checkbox":
      return typeof value === "boolean";
    case "assessment_field":
      return value === "yes" || value === "no" || typeof value === "boolean";
    case "document_count":
      return Number.isInteger(value) && (value as number) >= 0;
    case "date_input":
      return isIsoDate(value);
    case "calculation_field":
      return typeof value === "number" && Number.isFinite(value);
    case "info_text":
    case "section_header":
      return typeof value === "boolean" || typeof value === "number" || typeof value === "string";
  }
}

const expectedValue: Record<ItemType, string> = {
  checkbox: "a boolean",
  assessment_field: '"yes", "no" or a boolean',
  document_count: "a whole number, 0 or more",
  date_input: "an ISO date",
  calculation_field: "a finite number",
  info_text: "a boolean, number or string",
  section_header: "a boolean, number or string",
};

const DECISIONS: readonly Decision[] = ["met", "unmet", "considered"];
const VERDICTS: readonly Verdict[] = ["met", "unmet"];
const EXPECTED_TEXT = "expected a non-empty string";
const EXPECTED_OBJECT = "expected an object";

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

/** Whether `for…in` over the object visits exactly its own enumerable keys. */
function enumeratesOwnKeysOnly(value: object, plainPrototype: boolean): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || (prototype === Object.prototype && plainPrototype);
}

function hasEnumerableKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

/**
 * The checklist as values by item position, each checked against its item's type; unknown keys
 * are refused. Keys usually arrive in catalog order, so each is compared with the item after the
 * previous key's before it is looked up. Anything amiss, or an object whose `for…in` would also
 * visit inherited keys, is left to the walk over its own keys, which names the offending field.
 */
function readChecklist(
  value: unknown,
  placed: PlacedLeaf,
  index: number,
  plainPrototype: boolean,
): ChecklistValue[] {
  if (!isRecord(value)) refuse(`responses[${index}].checklist`, EXPECTED_OBJECT);
  if (!enumeratesOwnKeysOnly(value, plainPrototype)) {
    return readChecklistByOwnKeys(value, placed, index);
  }
  const { types } = placed.recommendation;
  const keys = placed.itemKeys;
  const values: ChecklistValue[] = new Array(types.length);
  for (let i = 0; i < values.length; i++) values[i] = null;
  let next = 0;
  for (const key in value) {
    const position = keys[next] === key ? next : placed.itemPositions.get(key);
    if (position === undefined) return readChecklistByOwnKeys(value, placed, index);
    next = position + 1;
    const entry = value[key];
    if (entry === null || entry === undefined) continue;
    if (!fitsItemType(types[position], entry)) return readChecklistByOwnKeys(value, placed, index);
    values[position] = entry as ChecklistValue;
  }
  return values;
}

/**
 * The checklist read by its own keys. A misfit value is named before an unknown key, the first in
 * catalog order.
 */
function readChecklistByOwnKeys(
  value: Record<string, unknown>,
  placed: PlacedLeaf,
  index: number,
): ChecklistValue[] {
  const at = `responses[${index}]`;
  const types = placed.recommendation.types;
  const values: ChecklistValue[] = new Array(types.length).fill(null);
  let misfit = types.length;
  let unknownKey: string | undefined;
  for (const key of Object.keys(value)) {
    const position = placed.itemPositions.get(key);
    if (position === undefined) {
      unknownKey ??= key;
      continue;
    }
    const entry = value[key];
    if (entry === null || entry === undefined) continue;
    if (fitsItemType(types[position], entry)) {
      values[position] = entry as ChecklistValue;
    } else if (position < misfit) misfit = position;
  }
  if (misfit < types.length) {
    const item = placed.leaf.items[misfit];
    refuse(
      `${at}.checklist.${item.key}`,
      `expected ${expectedValue[item.type]} or null`,
    );
  }
  if (unknownKey !== undefined) {
    refuse(`${at}.checklist.${unknownKey}`, "is not an item of this leaf");
  }
  return values;
}

/** An array of `length` slots set to `value`; `fill` is a call V8 does not inline. */
function filled<T>(length: number, value: T): T[] {
  const array: T[] = new Array(length);
  for (let i = 0; i < length; i++) array[i] = value;
  return array;
}

function readResponses(value: unknown, catalog: IndexedCatalog): ReadAssessment["responses"] {
  const responses: ReadAssessment["responses"] = filled(catalog.leaves.length, undefined);
  // Checked once per read, not per checklist: whether plain objects inherit enumerable keys.
  const plainPrototype = !hasEnumerableKeys(Object.prototype);
  const rows = list(value, "responses");
  for (let index = 0; index < rows.length; index++) {
    const fields = rows[index];
    if (!isRecord(fields)) refuse(`responses[${index}]`, EXPECTED_OBJECT);
    const leafCode = fields.leafCode;
    if (!isText(leafCode)) refuse(`responses[${index}].leafCode`, EXPECTED_TEXT);
    const placed = catalog.leafByCode.get(leafCode) ??
      refuse(`responses[${index}].leafCode`, "is not a leaf of the catalog");
    if (responses[placed.position] !== undefined) {
      refuse(`responses[${index}].leafCode`, "duplicate response for this leaf");
    }
    const values = readChecklist(fields.checklist, placed, index, plainPrototype);
    const { decision, override } = fields;
    if (!isDecisionOrNull(decision)) {
      refuse(`responses[${index}].decision`, expectedOneOf(DECISIONS));
    }
    if (!isDecisionOrNull(override)) {
      refuse(`responses[${index}].override`, expectedOneOf(DECISIONS));
    }
    const response = { decision, override, values, reviewed: hasReviewerValues(values) };
    if (decision === "considered" || override === "considered") {
      assertConsiderationAllowed(placed.leaf, response, `responses[${index}]`);
    }
    responses[placed.position] = response;
  }
  return responses;
}

function readOverrides(value: unknown, catalog: IndexedCatalog): ReadAssessment["overrides"] {
  const overrides: ReadAssessment["overrides"] = filled(catalog.indicators.length, undefined);
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
  return overrides;
}

/** A leaf has a handful of slots: a scan beats hashing the key, and a loop beats `indexOf`. */
function slotPosition(keys: readonly string[], key: string): number {
  for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
  return -1;
}

function readMovs(value: unknown, catalog: IndexedCatalog): ReadAssessment["liveFiles"] {
  const liveFiles = filled(catalog.slotCount, 0);
  const rows = list(value, "movs");
  // Rows grouped by leaf reuse the previous row's leaf instead of looking it up again.
  let placed: PlacedLeaf | undefined;
  for (let index = 0; index < rows.length; index++) {
    const fields = rows[index];
    if (!isRecord(fields)) refuse(`movs[${index}]`, EXPECTED_OBJECT);
    const { leafCode, slotKey } = fields;
    if (!isText(leafCode)) refuse(`movs[${index}].leafCode`, EXPECTED_TEXT);
    if (placed === undefined || placed.leaf.code !== leafCode) {
      placed = catalog.leafByCode.get(leafCode) ??
        refuse(`movs[${index}].leafCode`, "is not a leaf of the catalog");
    }
    if (!isText(slotKey)) refuse(`movs[${index}].slotKey`, EXPECTED_TEXT);
    const slot = slotPosition(placed.slots.keys, slotKey);
    if (slot < 0) refuse(`movs[${index}].slotKey`, "is not an upload slot of this leaf");
    liveFiles[placed.slotOffset + slot] += 1;
  }
  return liveFiles;
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
  const liveFiles = readMovs(input.movs, catalog);
  return {
    responses: readResponses(input.responses, catalog),
    overrides: readOverrides(input.indicatorOverrides, catalog),
    liveFiles,
  };
}
