// The transcribed SGLGB catalog (reference/sglgb-2024-catalog.json), validated on read.
import { z } from "zod";
import { itemTypeSchema, validationRuleSchema } from "../../packages/classifier/src/schema.ts";

const sourceItemSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  label: z.string(),
  type: itemTypeSchema,
  required: z.boolean(),
  group: z.string().nullable(),
  option_group: z.string().nullable(),
  mov: z.string().nullable(),
  profiling: z.boolean(),
});

const sourceLeafSchema = z.strictObject({
  code: z.string().regex(/^\d\.\d+\.\d+$/),
  name: z.string(),
  validation_rule: validationRuleSchema,
  is_profiling_only: z.boolean(),
  upload_instructions: z.string().min(1),
  checklist: z.array(sourceItemSchema),
  children: z.array(z.never()),
});

const sourceIndicatorSchema = z.strictObject({
  code: z.string().regex(/^\d\.\d+$/),
  name: z.string(),
  area: z.number().int().min(1).max(6),
  is_bbi: z.boolean(),
  is_profiling_only: z.boolean(),
  children: z.array(sourceLeafSchema).min(1),
});

export const sourceCatalogSchema = z.array(sourceIndicatorSchema);

export type SourceCatalog = z.infer<typeof sourceCatalogSchema>;
export type SourceLeaf = z.infer<typeof sourceLeafSchema>;
export type SourceItem = z.infer<typeof sourceItemSchema>;
export type {
  EditionRequirement as Requirement,
  ItemType,
  ValidationRule,
  Wording,
} from "../../packages/classifier/src/schema.ts";
