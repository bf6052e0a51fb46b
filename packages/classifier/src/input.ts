import type { IndexedCatalog } from "./catalog.ts";
import { ClassifierInputError } from "./errors.ts";
import type {
  ChecklistValue,
  Decision,
  IndicatorOverride,
  ItemType,
  LeafResponse,
  Mov,
  Verdict,
} from "./schema.ts";
import { assertConsiderationAllowed } from "./status.ts";

/**
 * The assessment part of the input (responses, overrides, MOVs), checked against its catalog in
 * one pass. It accepts exactly what `classifierInputSchema` describes, narrowed by the catalog:
 * known leaf codes, item keys and slot keys, and checklist values that fit their item type.
 * Classifying 42,000 assessments makes this the hot path, which a generic schema walk is not
 * fast enough for; extra fields are dropped as the schema would.
 */
export type Assessment = {
  responses: LeafResponse[];
  indicatorOverrides: IndicatorOverride[];
  movs: Mov[];
};

export type ReadAssessment = {
  assessment: Assessment;
  responseByLeaf: ReadonlyMap<string, LeafResponse>;
  uploadedSlotsByLeaf: ReadonlyMap<string, ReadonlySet<string>>;
  overrideByIndicator: ReadonlyMap<string, Verdict>;
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

function readChecklist(
  value: unknown,
  leaf: IndexedCatalog["leaves"][number]["leaf"],
  field: string,
) {
  const checklist: Record<string, ChecklistValue> = {};
  for (const [key, entry] of Object.entries(record(value, field))) {
    const item = leaf.items.find((candidate) => candidate.key === key);
    if (item === undefined) refuse(`${field}.${key}`, "is not an item of this leaf");
    if (entry === undefined) continue;
    const rule = checklistValueRules[item.type];
    if (entry !== null && !rule.accepts(entry)) {
      refuse(`${field}.${key}`, `expected ${rule.expected} or null`);
    }
    checklist[key] = entry as ChecklistValue;
  }
  return checklist;
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
      checklist: readChecklist(fields.checklist, placed.leaf, `${at}.checklist`),
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
    if (!placed.leaf.slots.some((slot) => slot.key === slotKey)) {
      refuse(`${at}.slotKey`, "is not an upload slot of this leaf");
    }
    return { leafCode, slotKey };
  });
}

export function readAssessment(
  input: Record<string, unknown>,
  catalog: IndexedCatalog,
): ReadAssessment {
  const responseByLeaf = readResponses(input.responses, catalog);
  const overrideByIndicator = readOverrides(input.indicatorOverrides, catalog);
  const movs = readMovs(input.movs, catalog);

  const uploadedSlotsByLeaf = new Map<string, Set<string>>();
  for (const { leafCode, slotKey } of movs) {
    const uploaded = uploadedSlotsByLeaf.get(leafCode) ?? new Set<string>();
    uploaded.add(slotKey);
    uploadedSlotsByLeaf.set(leafCode, uploaded);
  }

  const assessment = {
    responses: [...responseByLeaf.values()],
    indicatorOverrides: [...overrideByIndicator].map(([indicatorCode, decision]) => ({
      indicatorCode,
      decision,
    })),
    movs,
  };
  return { assessment, responseByLeaf, uploadedSlotsByLeaf, overrideByIndicator };
}
