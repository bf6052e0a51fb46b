import {
  type CatalogItem,
  type CatalogLeaf,
  type ChecklistValue,
  ITEM_KIND,
  type ItemType,
  type Verdict,
} from "./schema.ts";

/** §5 rule 2, leaf recommendation from the reviewer's checklist values. It never proposes Considered. */

/**
 * Checklist values by catalog item position, null or undefined when absent; the rules read a
 * leaf's values from an `offset` on.
 */
export type ChecklistValues = readonly (ChecklistValue | undefined)[];

/** Display-only items and profiling items are never scored. */
export function isScoreable(item: CatalogItem): boolean {
  return item.type !== "info_text" && item.type !== "section_header" && !item.isProfiling;
}

/** Whether a value meets its item, by `ITEM_KIND`. */
function metByKind(kind: number, value: ChecklistValue | undefined): boolean {
  switch (kind) {
    case 0: // checkbox
      return value === true;
    case 1: // assessment_field
      return value === "yes" || value === true;
    case 2: // document_count
      return typeof value === "number" && value >= 1;
    case 3: // date_input
      return typeof value === "string" && value !== "";
    case 4: // calculation_field
      return typeof value === "number";
    default: // info_text, section_header
      return false;
  }
}

export function itemMet(type: ItemType, value: ChecklistValue | undefined): boolean {
  return metByKind(ITEM_KIND[type], value);
}

type Ratio = { numerator: number; denominator: number };

/**
 * A leaf's scoreable items sorted, as item positions, into the parts the rules read; compiled once
 * per catalog leaf.
 */
export type RecommendationPlan = {
  rule: CatalogLeaf["validationRule"];
  /** `ITEM_KIND` of each item's type: item i's is `kinds[kindOffset + i]`. */
  kinds: Uint8Array;
  kindOffset: number;
  scoreable: readonly number[];
  /** The required items; a leaf marking nothing required requires every scoreable item. */
  required: readonly number[];
  /** Required items outside any option group. */
  shared: readonly number[];
  /** Items outside any option group. */
  standalone: readonly number[];
  /** Scoreable items that are not shared. */
  nonShared: readonly number[];
  options: readonly (readonly number[])[];
  yesNo: readonly number[];
  fallback: null | {
    physical: Ratio;
    financial: Ratio;
    physicalOption: string;
    financialOption: string;
  };
  /** The recommendation when no checklist value was given. */
  withoutValues: Verdict;
};

/**
 * The leaf's plan. Within a catalog its item kinds are written into the catalog's `kinds`, from
 * `kindOffset` on, which all its plans share.
 */
export function recommendationPlan(
  leaf: CatalogLeaf,
  kinds = new Uint8Array(leaf.items.length),
  kindOffset = 0,
): RecommendationPlan {
  leaf.items.forEach((item, i) => {
    kinds[kindOffset + i] = ITEM_KIND[item.type];
  });
  const positions = (keep: (item: CatalogItem) => boolean) =>
    leaf.items.flatMap((item, position) => (isScoreable(item) && keep(item) ? [position] : []));
  const scoreable = positions(() => true);
  const marked = positions((item) => item.required);
  const shared = positions((item) => item.optionGroup === null && item.required);
  const options = new Map<string, number[]>();
  leaf.items.forEach((item, position) => {
    if (isScoreable(item) && item.optionGroup !== null) {
      options.set(item.optionGroup, [...(options.get(item.optionGroup) ?? []), position]);
    }
  });
  const at = (key: string) => leaf.items.findIndex((item) => item.key === key);
  const fallback = leaf.accomplishmentFallback;
  const plan: RecommendationPlan = {
    rule: leaf.validationRule,
    kinds,
    kindOffset,
    scoreable,
    required: marked.length > 0 ? marked : scoreable,
    shared,
    standalone: positions((item) => item.optionGroup === null),
    nonShared: scoreable.filter((position) => !shared.includes(position)),
    options: [...options.values()],
    yesNo: positions((item) => item.type === "assessment_field"),
    fallback: fallback === null ? null : {
      physical: {
        numerator: at(fallback.physical.accomplished),
        denominator: at(fallback.physical.target),
      },
      financial: {
        numerator: at(fallback.financial.utilized),
        denominator: at(fallback.financial.allocated),
      },
      physicalOption: fallback.physicalOption,
      financialOption: fallback.financialOption,
    },
    withoutValues: "unmet",
  };
  plan.withoutValues = recommends(plan, [], 0) ? "met" : "unmet";
  return plan;
}

/** Whether any item at `positions` is met (`met` true) or any is not met (`met` false). */
function anyItem(
  plan: RecommendationPlan,
  positions: readonly number[],
  values: ChecklistValues,
  offset: number,
  met: boolean,
): boolean {
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    if (metByKind(plan.kinds[plan.kindOffset + position], values[offset + position]) === met) {
      return true;
    }
  }
  return false;
}

const everyMet = (
  plan: RecommendationPlan,
  positions: readonly number[],
  values: ChecklistValues,
  offset: number,
) => !anyItem(plan, positions, values, offset, false);

const someMet = (
  plan: RecommendationPlan,
  positions: readonly number[],
  values: ChecklistValues,
  offset: number,
) => anyItem(plan, positions, values, offset, true);

function someOptionMet(plan: RecommendationPlan, values: ChecklistValues, offset: number): boolean {
  for (let i = 0; i < plan.options.length; i++) {
    if (everyMet(plan, plan.options[i], values, offset)) return true;
  }
  return false;
}

/** Every required item met and no YES/NO field answered NO. */
function allItemsRequired(
  plan: RecommendationPlan,
  values: ChecklistValues,
  offset: number,
): boolean {
  if (plan.required.length === 0 || !everyMet(plan, plan.required, values, offset)) return false;
  for (let i = 0; i < plan.yesNo.length; i++) {
    const value = values[offset + plan.yesNo[i]];
    if (value === "no" || value === false) return false;
  }
  return true;
}

/** Every item of at least one option group met, or any standalone item met. */
function anyOptionGroupRequired(
  plan: RecommendationPlan,
  values: ChecklistValues,
  offset: number,
): boolean {
  return someMet(plan, plan.standalone, values, offset) || someOptionMet(plan, values, offset);
}

function atLeastHalf(
  { numerator, denominator }: Ratio,
  values: ChecklistValues,
  offset: number,
): boolean {
  const done = values[offset + numerator];
  const planned = values[offset + denominator];
  return typeof done === "number" && typeof planned === "number" && planned > 0 &&
    done / planned >= 0.5;
}

/** The options a ≥ 50 % physical accomplishment or fund utilization satisfies. */
export function optionsMetByAccomplishment(
  plan: RecommendationPlan,
  values: ChecklistValues,
  offset = 0,
): string[] {
  const fallback = plan.fallback;
  if (fallback === null) return [];
  const met: string[] = [];
  if (atLeastHalf(fallback.physical, values, offset)) met.push(fallback.physicalOption);
  if (atLeastHalf(fallback.financial, values, offset)) met.push(fallback.financialOption);
  return met;
}

/**
 * All shared items met and at least one option met. An option is an option group whose items are
 * all met; a leaf without option groups needs one non-shared item met.
 */
function sharedPlusOneOption(
  plan: RecommendationPlan,
  values: ChecklistValues,
  offset: number,
): boolean {
  if (!everyMet(plan, plan.shared, values, offset)) return false;
  if (optionsMetByAccomplishment(plan, values, offset).length > 0) return true;
  return plan.options.length === 0
    ? someMet(plan, plan.nonShared, values, offset)
    : someOptionMet(plan, values, offset);
}

function recommends(plan: RecommendationPlan, values: ChecklistValues, offset: number): boolean {
  switch (plan.rule) {
    case "ALL_ITEMS_REQUIRED":
      return allItemsRequired(plan, values, offset);
    case "ANY_ITEM_REQUIRED":
      return someMet(plan, plan.scoreable, values, offset);
    case "ANY_OPTION_GROUP_REQUIRED":
      return anyOptionGroupRequired(plan, values, offset);
    case "OR_LOGIC_AT_LEAST_1_REQUIRED":
    case "SHARED_PLUS_OR_LOGIC":
      return sharedPlusOneOption(plan, values, offset);
  }
}

/** The leaf's recommendation; `values` is undefined when the leaf has no response. */
export function leafRecommendation(
  plan: RecommendationPlan,
  values: ChecklistValues | undefined,
  offset = 0,
): Verdict {
  if (values === undefined) return plan.withoutValues;
  return recommends(plan, values, offset) ? "met" : "unmet";
}
