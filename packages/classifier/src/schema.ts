import { z } from "zod";

/** Zod schemas for the classifier's boundary: the catalog, the assessment input and the result. */

export const validationRuleSchema = z.enum([
  "ALL_ITEMS_REQUIRED",
  "ANY_ITEM_REQUIRED",
  "ANY_OPTION_GROUP_REQUIRED",
  "OR_LOGIC_AT_LEAST_1_REQUIRED",
  "SHARED_PLUS_OR_LOGIC",
]);

export const itemTypeSchema = z.enum([
  "checkbox",
  "assessment_field",
  "document_count",
  "date_input",
  "calculation_field",
  "info_text",
  "section_header",
]);

/**
 * Item types as small integers, in `itemTypeSchema` order: the rules switch on these codes
 * (`ITEM_KIND.checkbox`, ...) instead of comparing strings. A module that switches on them keeps
 * the object in a constant of its own, which V8 reads as a constant; an imported binding it would
 * load again on every check.
 */
export const ITEM_KIND = Object.freeze(
  {
    checkbox: 0,
    assessment_field: 1,
    document_count: 2,
    date_input: 3,
    calculation_field: 4,
    info_text: 5,
    section_header: 6,
  } as const satisfies Record<z.infer<typeof itemTypeSchema>, number>,
);

export const areaKindSchema = z.enum(["core", "essential"]);
export const decisionSchema = z.enum(["met", "unmet", "considered"]);
export const verdictSchema = z.enum(["met", "unmet"]);
export const checklistValueSchema = z.union([z.boolean(), z.number(), z.string(), z.null()]);

const code = z.string().min(1);

const catalogItemSchema = z.object({
  key: code,
  type: itemTypeSchema,
  required: z.boolean(),
  optionGroup: code.nullable(),
  isProfiling: z.boolean(),
});

const catalogSlotSchema = z.object({ key: code, optionGroup: code.nullable() });

/** A calendar day, `YYYY-MM-DD`; in an edition the year may be a placeholder resolved per cycle. */
const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const editionDay = z.string().regex(
  /^(\d{4}|\{CURRENT_YEAR\}|\{PREVIOUS_YEAR\})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
);

/** The Technical Notes page a requirement is stated on. */
const page = z.number().int().min(1);

/**
 * A requirement's words in each language its shortfalls are written in: English (`en`, the
 * notes' own) and Filipino (`fil`), so a shortfall is rendered in either from its data alone.
 */
export const wordingSchema = z.object({ en: z.string().min(1), fil: z.string().min(1) });

/**
 * The quantitative requirements of a leaf (sglgb.md §5.2), each naming the items that hold its
 * amounts, count or date:
 * - `count`: the item's count is at least `min` (`counted` names what is counted as it follows a
 *   number: "CIR transmittals", "CIR transmittal"); one naming an `option` applies only when the
 *   leaf is met through that option: its items met (or, for readiness, its upload slots filled)
 *   and no other option's;
 * - `ratio`: at least one alternative reaches its minimum: numerator ≥ `minPercent` % of a
 *   positive denominator. An alternative naming an option holds only with that option's items met
 *   (its documents); one ratio with one alternative is a budget share;
 * - `deadline`: the item's date is on or before `onOrBefore`; a date after it but on or before
 *   `considerationUntil` is still unmet, and the validator may consider it;
 * - `since`: the item's date is on or after `onOrAfter` ("not earlier than CY 2020");
 * - `period`: the period from the `from` item's date to the `until` item's date covers the whole
 *   of `covers` ("covering January to October").
 */
function requirementSchema(day: z.ZodString) {
  return z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("count"),
      item: code,
      min: z.number().int().min(1),
      counted: wordingSchema,
      option: code.optional(),
      page,
    }),
    z.object({
      kind: z.literal("ratio"),
      alternatives: z.array(z.object({
        numerator: code,
        denominator: code,
        minPercent: z.number().positive().max(100),
        option: code.nullable(),
        measure: wordingSchema,
      })).min(1),
      page,
    }),
    z.object({
      kind: z.literal("deadline"),
      item: code,
      onOrBefore: day,
      considerationUntil: day.nullable(),
      dated: wordingSchema,
      page,
    }),
    z.object({ kind: z.literal("since"), item: code, onOrAfter: day, dated: wordingSchema, page }),
    z.object({
      kind: z.literal("period"),
      from: code,
      until: code,
      covers: z.object({ from: day, until: day }),
      covered: wordingSchema,
      page,
    }),
  ]);
}

const catalogLeafSchema = z.object({
  code,
  validationRule: validationRuleSchema,
  isProfilingOnly: z.boolean(),
  hasConsiderationRule: z.boolean(),
  requirements: z.array(requirementSchema(isoDay)),
  items: z.array(catalogItemSchema),
  slots: z.array(catalogSlotSchema),
});

const catalogIndicatorSchema = z.object({
  code,
  area: z.number().int(),
  isBbi: z.boolean(),
  isProfilingOnly: z.boolean(),
  leaves: z.array(catalogLeafSchema),
});

const catalogAreaSchema = z.object({ code: z.number().int(), kind: areaKindSchema });

/** The part of an edition document the rules read; names, labels and texts are ignored. */
export const catalogSchema = z.object({
  areas: z.array(catalogAreaSchema),
  indicators: z.array(catalogIndicatorSchema),
});

/** The full catalog edition document, as generated from the published catalog. */
export const editionDocumentSchema = z.object({
  edition: z.string().min(1),
  areas: z.array(catalogAreaSchema.extend({
    code: z.union([1, 2, 3, 4, 5, 6].map((n) => z.literal(n))),
    name: z.string(),
  })),
  indicators: z.array(catalogIndicatorSchema.extend({
    name: z.string(),
    leaves: z.array(catalogLeafSchema.extend({
      name: z.string(),
      description: z.string(),
      considerationText: z.string().nullable(),
      notesPage: page,
      requirements: z.array(requirementSchema(editionDay)),
      items: z.array(catalogItemSchema.extend({
        label: z.string(),
        group: z.string().nullable(),
        movHint: z.string().nullable(),
        enteredBy: z.enum(["barangay", "reviewer"]),
      })),
      slots: z.array(catalogSlotSchema.extend({ label: z.string() })),
    })),
  })),
});

export const responseSchema = z.object({
  leafCode: code,
  checklist: z.record(z.string(), checklistValueSchema),
  decision: decisionSchema.nullable(),
  override: decisionSchema.nullable(),
});

export const indicatorOverrideSchema = z.object({ indicatorCode: code, decision: verdictSchema });
export const movSchema = z.object({ leafCode: code, slotKey: code });

/**
 * What an option's documents are for a ratio: the checklist's items of the option ("checklist",
 * the default: a reviewer's judgement) or the files in the option's upload slots ("files": the
 * barangay's readiness, whose answers never tick a reviewer's document items).
 */
export const optionDocumentsSchema = z.enum(["checklist", "files"]);

/** The contract shape of a classifier input; classify() checks it against the catalog it carries. */
export const classifierInputSchema = z.object({
  catalog: catalogSchema,
  responses: z.array(responseSchema),
  indicatorOverrides: z.array(indicatorOverrideSchema),
  movs: z.array(movSchema),
  optionDocuments: optionDocumentsSchema.optional(),
});

const failureSchema = z.object({ leafCode: z.string(), reason: z.string() });

/**
 * A quantitative requirement a leaf's values fall short of, with the numbers it was judged on,
 * so a report renders it in its own words and language (`describeShortfall` writes English or
 * Filipino).
 * `actual` is null when no value was entered (for a ratio, also when its base is not positive);
 * a deadline's date within the consideration window `mayBeConsidered` by the validator.
 */
export const shortfallSchema = z.discriminatedUnion("rule", [
  z.object({
    rule: z.literal("count"),
    item: z.string(),
    actual: z.number().nullable(),
    required: z.number(),
    counted: wordingSchema,
    page: z.number(),
  }),
  z.object({
    rule: z.literal("ratio"),
    ratios: z.array(z.object({
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      actual: z.number().nullable(),
      required: z.number(),
      measure: wordingSchema,
      option: z.string().nullable(),
      /** Whether the option this ratio belongs to has all its items met (true without an option). */
      optionMet: z.boolean(),
    })),
    page: z.number(),
  }),
  z.object({
    rule: z.literal("deadline"),
    item: z.string(),
    actual: z.string().nullable(),
    deadline: z.string(),
    considerationUntil: z.string().nullable(),
    mayBeConsidered: z.boolean(),
    dated: wordingSchema,
    page: z.number(),
  }),
  z.object({
    rule: z.literal("since"),
    item: z.string(),
    actual: z.string().nullable(),
    earliest: z.string(),
    dated: wordingSchema,
    page: z.number(),
  }),
  z.object({
    rule: z.literal("period"),
    /** The days entered for the start and end of the period covered (null when not entered). */
    actual: z.object({ from: z.string().nullable(), until: z.string().nullable() }),
    required: z.object({ from: z.string(), until: z.string() }),
    covered: wordingSchema,
    page: z.number(),
  }),
]);

export const leafResultSchema = z.object({
  code: z.string(),
  indicatorCode: z.string(),
  area: z.number().int(),
  scored: z.boolean(),
  completeness: z.object({
    complete: z.boolean(),
    missingSlots: z.array(z.string()),
    satisfiedOption: z.string().nullable(),
  }),
  recommendation: verdictSchema,
  /** Why the recommendation is Unmet as far as the leaf's quantitative requirements go. */
  shortfalls: z.array(shortfallSchema),
  status: z.enum(["met", "unmet", "considered", "no_decision"]),
  passes: z.boolean(),
  projected: verdictSchema,
  projectedFrom: z.enum(["decision", "recommendation", "completeness"]),
});

export const classificationResultSchema = z.object({
  classifierVersion: z.string(),
  inputHash: z.string().regex(/^[0-9a-f]{64}$/),
  leaves: z.array(leafResultSchema),
  indicators: z.array(z.object({
    code: z.string(),
    area: z.number().int(),
    passes: z.boolean(),
    explicitUnmet: z.boolean(),
  })),
  areas: z.array(z.object({
    code: z.number().int(),
    kind: areaKindSchema,
    passes: z.boolean(),
    scoredLeaves: z.number().int(),
    passedLeaves: z.number().int(),
    failures: z.array(failureSchema),
  })),
  overall: z.object({
    passed: z.boolean(),
    coreAreasPassed: z.number().int(),
    essentialAreasPassed: z.number().int(),
  }),
  bbis: z.array(z.object({
    indicatorCode: z.string(),
    scoredLeaves: z.number().int(),
    passedLeaves: z.number().int(),
    share: z.number(),
    rating: z.enum([
      "highly_functional",
      "moderately_functional",
      "low_functional",
      "non_functional",
    ]),
  })),
  projection: z.object({
    kind: z.literal("projection"),
    passed: z.boolean(),
    readinessPercent: z.number(),
    areas: z.array(
      z.object({ code: z.number().int(), passes: z.boolean(), failures: z.array(failureSchema) }),
    ),
  }),
});

export type ValidationRule = z.infer<typeof validationRuleSchema>;
export type ItemType = z.infer<typeof itemTypeSchema>;
export type AreaKind = z.infer<typeof areaKindSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type ChecklistValue = z.infer<typeof checklistValueSchema>;
export type CatalogItem = z.infer<typeof catalogItemSchema>;
export type CatalogSlot = z.infer<typeof catalogSlotSchema>;
export type CatalogLeaf = z.infer<typeof catalogLeafSchema>;
export type Requirement = CatalogLeaf["requirements"][number];

/**
 * The items whose values a leaf's requirements read (a count, the amounts of a ratio, a date, the
 * days of a period). Such an item states a number or a day for a requirement; it is not a document,
 * so it never meets an "any item" or "one option" rule on its own.
 */
export function requirementItemKeys(leaf: CatalogLeaf): Set<string> {
  return new Set(leaf.requirements.flatMap((requirement) => {
    switch (requirement.kind) {
      case "ratio":
        return requirement.alternatives.flatMap((ratio) => [ratio.numerator, ratio.denominator]);
      case "period":
        return [requirement.from, requirement.until];
      default:
        return [requirement.item];
    }
  }));
}
export type EditionRequirement = EditionDocument["indicators"][number]["leaves"][number][
  "requirements"
][number];
export type CatalogIndicator = z.infer<typeof catalogIndicatorSchema>;
export type CatalogArea = z.infer<typeof catalogAreaSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
export type EditionDocument = z.infer<typeof editionDocumentSchema>;
export type LeafResponse = z.infer<typeof responseSchema>;
export type IndicatorOverride = z.infer<typeof indicatorOverrideSchema>;
export type Mov = z.infer<typeof movSchema>;
export type ClassifierInput = z.infer<typeof classifierInputSchema>;
export type LeafResult = z.infer<typeof leafResultSchema>;
export type ClassificationResult = z.infer<typeof classificationResultSchema>;
export type Failure = z.infer<typeof failureSchema>;
export type Shortfall = z.infer<typeof shortfallSchema>;
export type Wording = z.infer<typeof wordingSchema>;
