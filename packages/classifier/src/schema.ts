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
 * Item types as small integers, in `itemTypeSchema` order: the rules switch on these (as literal
 * cases, commented with the type) instead of comparing strings.
 */
export const ITEM_KIND = Object.freeze(
  Object.fromEntries(itemTypeSchema.options.map((type, kind) => [type, kind])),
) as Readonly<Record<z.infer<typeof itemTypeSchema>, number>>;

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

const accomplishmentFallbackSchema = z.object({
  physical: z.object({ accomplished: code, target: code }),
  financial: z.object({ utilized: code, allocated: code }),
  physicalOption: code,
  financialOption: code,
});

const catalogLeafSchema = z.object({
  code,
  validationRule: validationRuleSchema,
  isProfilingOnly: z.boolean(),
  hasConsiderationRule: z.boolean(),
  accomplishmentFallback: accomplishmentFallbackSchema.nullable(),
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
      items: z.array(catalogItemSchema.extend({
        label: z.string(),
        group: z.string().nullable(),
        movHint: z.string().nullable(),
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

/** The contract shape of a classifier input; classify() checks it against the catalog it carries. */
export const classifierInputSchema = z.object({
  catalog: catalogSchema,
  responses: z.array(responseSchema),
  indicatorOverrides: z.array(indicatorOverrideSchema),
  movs: z.array(movSchema),
});

const failureSchema = z.object({ leafCode: z.string(), reason: z.string() });

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
