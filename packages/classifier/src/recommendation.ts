import type {
  CatalogItem,
  CatalogLeaf,
  ChecklistValue,
  ValidationRule,
  Verdict,
} from "./schema.ts";

/** §5.2 Leaf recommendation from the reviewer's checklist values. It never proposes Considered. */

type Checklist = Readonly<Record<string, ChecklistValue | undefined>>;

/** Display-only items and profiling items are never scored. */
export function isScoreable(item: CatalogItem): boolean {
  return item.type !== "info_text" && item.type !== "section_header" && !item.isProfiling;
}

export function itemMet(item: CatalogItem, value: ChecklistValue | undefined): boolean {
  switch (item.type) {
    case "checkbox":
      return value === true;
    case "assessment_field":
      return value === "yes" || value === true;
    case "document_count":
      return typeof value === "number" && value >= 1;
    case "date_input":
      return typeof value === "string" && value !== "";
    case "calculation_field":
      return typeof value === "number";
    default:
      return false;
  }
}

function answeredNo(item: CatalogItem, value: ChecklistValue | undefined): boolean {
  return item.type === "assessment_field" && (value === "no" || value === false);
}

type Judged = { item: CatalogItem; met: boolean };

function judge(leaf: CatalogLeaf, checklist: Checklist): Judged[] {
  return leaf.items.filter(isScoreable).map((item) => ({
    item,
    met: itemMet(item, checklist[item.key]),
  }));
}

function allMet(judged: readonly Judged[]): boolean {
  return judged.every(({ met }) => met);
}

function groupByOption(judged: readonly Judged[]): Map<string, Judged[]> {
  const options = new Map<string, Judged[]>();
  for (const entry of judged) {
    const group = entry.item.optionGroup;
    if (group !== null) options.set(group, [...(options.get(group) ?? []), entry]);
  }
  return options;
}

/** Every required item met and no YES/NO field answered NO; a leaf marking nothing required requires every item. */
function allItemsRequired(leaf: CatalogLeaf, checklist: Checklist): boolean {
  const judged = judge(leaf, checklist);
  const required = judged.some(({ item }) => item.required)
    ? judged.filter(({ item }) => item.required)
    : judged;
  return required.length > 0 && allMet(required) &&
    !judged.some(({ item }) => answeredNo(item, checklist[item.key]));
}

function anyItemRequired(leaf: CatalogLeaf, checklist: Checklist): boolean {
  return judge(leaf, checklist).some(({ met }) => met);
}

/** Every item of at least one option group met, or any standalone item met. */
function anyOptionGroupRequired(leaf: CatalogLeaf, checklist: Checklist): boolean {
  const judged = judge(leaf, checklist);
  const standaloneMet = judged.some(({ item, met }) => item.optionGroup === null && met);
  return standaloneMet || [...groupByOption(judged).values()].some(allMet);
}

/** The options a ≥ 50 % physical accomplishment or fund utilization satisfies. */
export function optionsMetByAccomplishment(leaf: CatalogLeaf, checklist: Checklist): string[] {
  const fallback = leaf.accomplishmentFallback;
  if (fallback === null) return [];
  const atLeastHalf = (numeratorKey: string, denominatorKey: string) => {
    const numerator = checklist[numeratorKey];
    const denominator = checklist[denominatorKey];
    return typeof numerator === "number" && typeof denominator === "number" && denominator > 0 &&
      numerator / denominator >= 0.5;
  };
  const met: string[] = [];
  if (atLeastHalf(fallback.physical.accomplished, fallback.physical.target)) {
    met.push(fallback.physicalOption);
  }
  if (atLeastHalf(fallback.financial.utilized, fallback.financial.allocated)) {
    met.push(fallback.financialOption);
  }
  return met;
}

/**
 * All shared (required, no option group) items met and at least one option met. An option is an
 * option group whose items are all met; a leaf without option groups needs one non-shared item met.
 */
function sharedPlusOneOption(leaf: CatalogLeaf, checklist: Checklist): boolean {
  const judged = judge(leaf, checklist);
  const isShared = ({ item }: Judged) => item.optionGroup === null && item.required;
  if (!allMet(judged.filter(isShared))) return false;
  if (optionsMetByAccomplishment(leaf, checklist).length > 0) return true;
  const options = groupByOption(judged);
  if (options.size === 0) return judged.some((entry) => !isShared(entry) && entry.met);
  return [...options.values()].some(allMet);
}

const rules: Record<ValidationRule, (leaf: CatalogLeaf, checklist: Checklist) => boolean> = {
  ALL_ITEMS_REQUIRED: allItemsRequired,
  ANY_ITEM_REQUIRED: anyItemRequired,
  ANY_OPTION_GROUP_REQUIRED: anyOptionGroupRequired,
  OR_LOGIC_AT_LEAST_1_REQUIRED: sharedPlusOneOption,
  SHARED_PLUS_OR_LOGIC: sharedPlusOneOption,
};

export function leafRecommendation(leaf: CatalogLeaf, checklist: Checklist): Verdict {
  return rules[leaf.validationRule](leaf, checklist) ? "met" : "unmet";
}
