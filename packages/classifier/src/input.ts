import { z } from "zod";
import type { IndexedCatalog } from "./catalog.ts";
import { ClassifierInputError, fromZodError } from "./errors.ts";
import { assertConsiderationAllowed } from "./status.ts";
import {
  type CatalogLeaf,
  decisionSchema,
  type IndicatorOverride,
  type ItemType,
  type LeafResponse,
  type Mov,
  verdictSchema,
} from "./schema.ts";

export type Assessment = {
  responses: LeafResponse[];
  indicatorOverrides: IndicatorOverride[];
  movs: Mov[];
};

/** An assessment checked against its catalog and indexed by code. */
export type ReadAssessment = {
  assessment: Assessment;
  responseByLeaf: ReadonlyMap<string, LeafResponse>;
  uploadedSlotsByLeaf: ReadonlyMap<string, ReadonlySet<string>>;
  overrideByIndicator: ReadonlyMap<string, IndicatorOverride["decision"]>;
};

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** What a checklist value may be for each item type (contract value semantics). */
const checklistValueByType: Record<ItemType, z.ZodType> = {
  checkbox: z.boolean(),
  assessment_field: z.union([z.enum(["yes", "no"]), z.boolean()]),
  document_count: z.number().int().nonnegative(),
  date_input: isoDate,
  calculation_field: z.number(),
  info_text: z.union([z.boolean(), z.number(), z.string()]),
  section_header: z.union([z.boolean(), z.number(), z.string()]),
};

function responseSchemaFor(leaf: CatalogLeaf) {
  const checklist = Object.fromEntries(
    leaf.items.map((item) => [item.key, checklistValueByType[item.type].nullable().optional()]),
  );
  return z.object({
    leafCode: z.literal(leaf.code),
    checklist: z.strictObject(checklist),
    decision: decisionSchema.nullable(),
    override: decisionSchema.nullable(),
  });
}

function movSchemaFor(leaf: CatalogLeaf) {
  const [first, ...rest] = leaf.slots.map((slot) => slot.key);
  return z.object({
    leafCode: z.literal(leaf.code),
    slotKey: z.enum([first, ...rest], { error: "is not an upload slot of this leaf" }),
  });
}

function byLeafCode<T extends z.ZodObject>(options: T[], unknown: string) {
  const [first, ...rest] = options;
  if (first === undefined) return z.never({ error: unknown });
  return z.discriminatedUnion("leafCode", [first, ...rest], { error: unknown });
}

/** The zod schema of an assessment over one catalog: leaf codes, item keys, slot keys and value types. */
export function assessmentSchemaFor(catalog: IndexedCatalog) {
  const leaves = catalog.leaves.map(({ leaf }) => leaf);
  const decidable = catalog.indicators.filter((indicator) => !indicator.isProfilingOnly).map((i) =>
    i.code
  );
  return z.object({
    responses: z.array(byLeafCode(leaves.map(responseSchemaFor), "is not a leaf of the catalog")),
    indicatorOverrides: z.array(z.object({
      indicatorCode: decidable.length > 0
        ? z.enum(decidable as [string, ...string[]], {
          error: "is not a scored indicator of the catalog",
        })
        : z.never(),
      decision: verdictSchema,
    })),
    movs: z.array(byLeafCode(
      leaves.filter((leaf) => leaf.slots.length > 0).map(movSchemaFor),
      "is not a leaf of the catalog with upload slots",
    )),
  });
}

export function readAssessment(
  input: unknown,
  catalog: IndexedCatalog,
  schema: ReturnType<typeof assessmentSchemaFor>,
): ReadAssessment {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const assessment = parsed.data as Assessment;

  const responseByLeaf = new Map<string, LeafResponse>();
  assessment.responses.forEach((response, index) => {
    if (responseByLeaf.has(response.leafCode)) {
      throw new ClassifierInputError(
        `responses[${index}].leafCode`,
        "duplicate response for this leaf",
      );
    }
    assertConsiderationAllowed(
      catalog.leafByCode.get(response.leafCode)!.leaf,
      response,
      `responses[${index}]`,
    );
    responseByLeaf.set(response.leafCode, response);
  });

  const overrideByIndicator = new Map<string, IndicatorOverride["decision"]>();
  assessment.indicatorOverrides.forEach(({ indicatorCode, decision }, index) => {
    if (overrideByIndicator.has(indicatorCode)) {
      throw new ClassifierInputError(
        `indicatorOverrides[${index}].indicatorCode`,
        "duplicate override",
      );
    }
    overrideByIndicator.set(indicatorCode, decision);
  });

  const uploadedSlotsByLeaf = new Map<string, Set<string>>();
  for (const { leafCode, slotKey } of assessment.movs) {
    const uploaded = uploadedSlotsByLeaf.get(leafCode) ?? new Set<string>();
    uploaded.add(slotKey);
    uploadedSlotsByLeaf.set(leafCode, uploaded);
  }

  return { assessment, responseByLeaf, uploadedSlotsByLeaf, overrideByIndicator };
}
