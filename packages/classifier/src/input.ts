import type { IndexedCatalog, PlacedLeaf } from "./catalog.ts";
import { ClassifierInputError } from "./errors.ts";
import type { ChecklistValue, Decision, ItemType, LeafResponse, Mov, Verdict } from "./schema.ts";
import { assertConsiderationAllowed } from "./status.ts";

/** The assessment indexed by code: responses, parent-level overrides, live files per upload slot. */
export type ReadAssessment = {
  responseByLeaf: ReadonlyMap<string, LeafResponse>;
  overrideByIndicator: ReadonlyMap<string, Verdict>;
  liveFilesByLeaf: ReadonlyMap<string, ReadonlyMap<string, number>>;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isIsoDate(value: unknown): boolean {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
}

const isDisplayValue = (v: unknown) => ["boolean", "number", "string"].includes(typeof v);

/** What a checklist value may be for each item type (contract value semantics); null is always allowed. */
const checklistValueRules: Record<
  ItemType,
  { accepts: (value: unknown) => boolean; expected: string }
> = {
  checkbox: { accepts: (v) => typeof v === "boolean", expected: "a boolean" },
  assessment_field: {
    accepts: (v) => v === "yes" || v === "no" || typeof v === "boolean",
    expected: '"yes", "no" or a boolean',
  },
  document_count: {
    accepts: (v) => Number.isInteger(v) && (v as number) >= 0,
    expected: "a whole number, 0 or more",
  },
  date_input: { accepts: isIsoDate, expected: "an ISO date" },
  calculation_field: {
    accepts: (v) => typeof v === "number" && Number.isFinite(v),
    expected: "a finite number",
  },
  info_text: { accepts: isDisplayValue, expected: "a boolean, number or string" },
  section_header: { accepts: isDisplayValue, expected: "a boolean, number or string" },
};

const DECISIONS: readonly Decision[] = ["met", "unmet", "considered"];
const VERDICTS: readonly Verdict[] = ["met", "unmet"];

function refuse(field: string, problem: string): never {
  throw new ClassifierInputError(field, problem);
}

function list(value: unknown, field: string): unknown[] {
  return Array.isArray(value) ? value : refuse(field, "expected a list");
}

function record(value: unknown, field: string): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as Record<string, unknown>
    : refuse(field, "expected an object");
}

function text(value: unknown, field: string): string {
  return typeof value === "string" && value !== ""
    ? value
    : refuse(field, "expected a non-empty string");
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  return allowed.includes(value as T)
    ? value as T
    : refuse(field, `expected one of ${allowed.join(", ")}`);
}

function decisionOrNull(value: unknown, field: string): Decision | null {
  return value === null ? null : oneOf(value, DECISIONS, field);
}

/** The checklist, each value checked against its item's type; unknown keys are refused. */
function readChecklist(value: unknown, { leaf }: PlacedLeaf, field: string) {
  const checklist = record(value, field);
  let known = 0;
  for (const item of leaf.items) {
    if (!Object.hasOwn(checklist, item.key)) continue;
    known += 1;
    const entry = checklist[item.key];
    const rule = checklistValueRules[item.type];
    if (entry !== null && entry !== undefined && !rule.accepts(entry)) {
      refuse(`${field}.${item.key}`, `expected ${rule.expected} or null`);
    }
  }
  if (known !== Object.keys(checklist).length) {
    const unknown = Object.keys(checklist).find((key) =>
      !leaf.items.some((item) => item.key === key)
    );
    refuse(`${field}.${unknown}`, "is not an item of this leaf");
  }
  return checklist as Record<string, ChecklistValue>;
}

function readResponses(value: unknown, catalog: IndexedCatalog): Map<string, LeafResponse> {
  const responseByLeaf = new Map<string, LeafResponse>();
  list(value, "responses").forEach((row, index) => {
    const at = `responses[${index}]`;
    const fields = record(row, at);
    const leafCode = text(fields.leafCode, `${at}.leafCode`);
    const placed = catalog.leafByCode.get(leafCode) ??
      refuse(`${at}.leafCode`, "is not a leaf of the catalog");
    if (responseByLeaf.has(leafCode)) refuse(`${at}.leafCode`, "duplicate response for this leaf");
    const response = {
      leafCode,
      checklist: readChecklist(fields.checklist, placed, `${at}.checklist`),
      decision: decisionOrNull(fields.decision, `${at}.decision`),
      override: decisionOrNull(fields.override, `${at}.override`),
    };
    assertConsiderationAllowed(placed.leaf, response, at);
    responseByLeaf.set(leafCode, response);
  });
  return responseByLeaf;
}

function readOverrides(value: unknown, catalog: IndexedCatalog): Map<string, Verdict> {
  const overrideByIndicator = new Map<string, Verdict>();
  list(value, "indicatorOverrides").forEach((row, index) => {
    const at = `indicatorOverrides[${index}]`;
    const fields = record(row, at);
    const indicatorCode = text(fields.indicatorCode, `${at}.indicatorCode`);
    const indicator = catalog.indicatorByCode.get(indicatorCode);
    if (indicator === undefined || indicator.isProfilingOnly) {
      refuse(`${at}.indicatorCode`, "is not a scored indicator of the catalog");
    }
    if (overrideByIndicator.has(indicatorCode)) refuse(`${at}.indicatorCode`, "duplicate override");
    overrideByIndicator.set(indicatorCode, oneOf(fields.decision, VERDICTS, `${at}.decision`));
  });
  return overrideByIndicator;
}

function readMovs(value: unknown, catalog: IndexedCatalog): Mov[] {
  return list(value, "movs").map((row, index) => {
    const at = `movs[${index}]`;
    const fields = record(row, at);
    const leafCode = text(fields.leafCode, `${at}.leafCode`);
    const placed = catalog.leafByCode.get(leafCode) ??
      refuse(`${at}.leafCode`, "is not a leaf of the catalog");
    const slotKey = text(fields.slotKey, `${at}.slotKey`);
    if (!placed.slotKeys.has(slotKey)) {
      refuse(`${at}.slotKey`, "is not an upload slot of this leaf");
    }
    return { leafCode, slotKey };
  });
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
  const liveFilesByLeaf = new Map<string, Map<string, number>>();
  for (const { leafCode, slotKey } of readMovs(input.movs, catalog)) {
    const liveFiles = liveFilesByLeaf.get(leafCode) ?? new Map<string, number>();
    liveFiles.set(slotKey, (liveFiles.get(slotKey) ?? 0) + 1);
    liveFilesByLeaf.set(leafCode, liveFiles);
  }
  return {
    responseByLeaf: readResponses(input.responses, catalog),
    overrideByIndicator: readOverrides(input.indicatorOverrides, catalog),
    liveFilesByLeaf,
  };
}
