export { classify, classifySync } from "./classify.ts";
export { CLASSIFIER_VERSION } from "./provenance.ts";
export { ClassifierInputError } from "./errors.ts";
export { catalogForYear } from "./edition.ts";
export { describeShortfall, SHORTFALL_LANGUAGES } from "./describe.ts";
export type { ShortfallLanguage } from "./describe.ts";
export { areaFixes, capdevPlan, fewestFixesToPass } from "./capdev.ts";
export type { AgendaItem, AreaFixes, CapdevPlan, CapdevPriority, FewestFixes } from "./capdev.ts";
export {
  classificationResultSchema,
  classifierInputSchema,
  editionDocumentSchema,
  shortfallSchema,
} from "./schema.ts";
export type {
  AreaKind,
  Catalog,
  CatalogIndicator,
  CatalogItem,
  CatalogLeaf,
  CatalogSlot,
  ChecklistValue,
  ClassificationResult,
  ClassifierInput,
  Decision,
  EditionDocument,
  Failure,
  IndicatorOverride,
  ItemType,
  LeafResponse,
  LeafResult,
  Mov,
  Requirement,
  Shortfall,
  ValidationRule,
  Verdict,
} from "./schema.ts";
