import {
  DOCUMENTS_BY_CHECKLIST,
  holds,
  NO_LIST,
  type PlacedRequirement,
  placeRequirements,
  shortfall,
} from "./requirements.ts";
import {
  type CatalogItem,
  type CatalogLeaf,
  type ChecklistValue,
  ITEM_KIND,
  requirementItemKeys,
  type Shortfall,
  type Verdict,
} from "./schema.ts";

/** §5 rule 2, leaf recommendation from the reviewer's checklist values. It never proposes Considered. */

/**
 * Checklist values by position among all the catalog's items, null or undefined when absent, as
 * `RecommendationPlans` and the reader index them.
 */
export type ChecklistValues = readonly (ChecklistValue | undefined)[];

/** Display-only items and profiling items are never scored. */
function isScoreable(item: CatalogItem): boolean {
  return item.type !== "info_text" && item.type !== "section_header" && !item.isProfiling;
}

const KIND = ITEM_KIND;

/** Whether a value meets its item, by the item's `ITEM_KIND`. */
export function metByKind(kind: number, value: ChecklistValue | undefined): boolean {
  switch (kind) {
    case KIND.checkbox:
      return value === true;
    case KIND.assessment_field:
      return value === "yes" || value === true;
    case KIND.document_count:
      return typeof value === "number" && value >= 1;
    case KIND.date_input:
      return typeof value === "string" && value !== "";
    case KIND.calculation_field:
      return typeof value === "number";
    default: // info_text, section_header: display only
      return false;
  }
}

/** Validation rules as the small integers the plans keep per leaf. */
const RULE = {
  ALL_ITEMS_REQUIRED: 0,
  ANY_ITEM_REQUIRED: 1,
  ANY_OPTION_GROUP_REQUIRED: 2,
  OR_LOGIC_AT_LEAST_1_REQUIRED: 3,
  SHARED_PLUS_OR_LOGIC: 4,
} as const satisfies Record<CatalogLeaf["validationRule"], number>;

/**
 * The lists of a leaf's scoreable items the rules read, by their place among the leaf's lists;
 * the leaf's option groups follow, one list each, in catalog order.
 */
const LIST = {
  /** Scoreable items that can meet an "any item" rule: all but a requirement's values. */
  documents: 0,
  /** The required items; a leaf marking nothing required requires every scoreable item. */
  required: 1,
  /** Required items outside any option group. */
  shared: 2,
  /** Documents outside any option group. */
  standalone: 3,
  /** Documents that are not shared. */
  nonShared: 4,
  yesNo: 5,
  firstOption: 6,
} as const;

/**
 * The recommendation rules of a catalog's leaves, compiled once per catalog into flat arrays, so
 * classifying a leaf walks a few arrays instead of objects of its own. Items are named by their
 * position among all the catalog's items, as `ChecklistValues` are: list j of leaf i holds
 * `items[bounds[lists[i] + j]]` up to, not including, `items[bounds[lists[i] + j + 1]]`.
 */
export type RecommendationPlans = {
  /** Per leaf, its validation rule as a `RULE` code. */
  rules: Uint8Array;
  /** Per leaf, where its lists start among `bounds`; one more entry closes the last leaf's. */
  lists: Int32Array;
  bounds: Int32Array;
  items: Int32Array;
  /** Per item, its `ITEM_KIND`. */
  kinds: Uint8Array;
  /** Per leaf, its quantitative requirements (`requirements.ts`), usually none. */
  requirements: readonly (readonly PlacedRequirement[])[];
  /** Per leaf, 1 when it is recommended Met without any checklist value. */
  metWithoutValues: Uint8Array;
};

/**
 * The leaf's lists of items at `offset` among all items, in LIST order, then its option groups,
 * whose names follow in `options`' order.
 */
function leafLists(
  leaf: CatalogLeaf,
  offset: number,
): { lists: number[][]; options: Map<string, number[]> } {
  const positions = (keep: (item: CatalogItem) => boolean) =>
    leaf.items.flatMap((item, i) => (isScoreable(item) && keep(item) ? [offset + i] : []));
  const scoreable = positions(() => true);
  const values = requirementItemKeys(leaf);
  const documents = positions((item) => !values.has(item.key));
  const marked = positions((item) => item.required);
  const shared = positions((item) => item.optionGroup === null && item.required);
  const options = new Map<string, number[]>();
  leaf.items.forEach((item, i) => {
    if (isScoreable(item) && item.optionGroup !== null) {
      options.set(item.optionGroup, [...(options.get(item.optionGroup) ?? []), offset + i]);
    }
  });
  const lists = [
    documents,
    marked.length > 0 ? marked : scoreable,
    shared,
    documents.filter((position) => leaf.items[position - offset].optionGroup === null),
    documents.filter((position) => !shared.includes(position)),
    positions((item) => item.type === "assessment_field"),
    ...options.values(),
  ];
  return { lists, options };
}

/** The plans of `leaves`, in order, their items numbered one after another from 0. */
export function recommendationPlans(leaves: readonly CatalogLeaf[]): RecommendationPlans {
  const lists: number[] = [];
  const bounds: number[] = [];
  const items: number[] = [];
  const kinds: number[] = [];
  const requirements: PlacedRequirement[][] = [];
  for (const leaf of leaves) {
    const offset = kinds.length;
    const first = bounds.length;
    lists.push(first);
    const leafPlan = leafLists(leaf, offset);
    for (const list of leafPlan.lists) {
      bounds.push(items.length);
      items.push(...list);
    }
    for (const item of leaf.items) kinds.push(ITEM_KIND[item.type]);
    const optionNames = [...leafPlan.options.keys()];
    requirements.push(placeRequirements(
      leaf.requirements,
      (key) => offset + leaf.items.findIndex((item) => item.key === key),
      // An option without scoreable items asks for nothing more than its ratio.
      (option) => {
        const at = option === null ? -1 : optionNames.indexOf(option);
        return at < 0 ? NO_LIST : first + LIST.firstOption + at;
      },
      (option) =>
        leaf.slots.reduce(
          (bits, slot, position) => slot.optionGroup === option ? bits | (1 << position) : bits,
          0,
        ),
      optionNames,
    ));
  }
  lists.push(bounds.length);
  bounds.push(items.length);
  const plans: RecommendationPlans = {
    rules: Uint8Array.from(leaves, (leaf) => RULE[leaf.validationRule]),
    lists: Int32Array.from(lists),
    bounds: Int32Array.from(bounds),
    items: Int32Array.from(items),
    kinds: Uint8Array.from(kinds),
    requirements,
    metWithoutValues: new Uint8Array(leaves.length),
  };
  const noValues: ChecklistValues = [];
  leaves.forEach((_, leaf) => {
    plans.metWithoutValues[leaf] = recommends(plans, leaf, noValues, DOCUMENTS_BY_CHECKLIST)
      ? 1
      : 0;
  });
  return plans;
}

// The rules below call each other a few levels deep; `everyMet` and `someMet` are written out
// rather than sharing a helper, which would put the item check past V8's inlining depth.

/** Whether every item of list `list` (a position among all lists) is met; true when it is empty. */
function everyMet(plans: RecommendationPlans, list: number, values: ChecklistValues): boolean {
  const { bounds, items, kinds } = plans;
  for (let k = bounds[list]; k < bounds[list + 1]; k++) {
    if (!metByKind(kinds[items[k]], values[items[k]])) return false;
  }
  return true;
}

/** Whether any item of list `list` (a position among all lists) is met. */
function someMet(plans: RecommendationPlans, list: number, values: ChecklistValues): boolean {
  const { bounds, items, kinds } = plans;
  for (let k = bounds[list]; k < bounds[list + 1]; k++) {
    if (metByKind(kinds[items[k]], values[items[k]])) return true;
  }
  return false;
}

const isEmpty = (plans: RecommendationPlans, list: number) =>
  plans.bounds[list] === plans.bounds[list + 1];

/** The leaf's option groups, as positions among all lists. */
function optionLists(plans: RecommendationPlans, leaf: number): { from: number; to: number } {
  return { from: plans.lists[leaf] + LIST.firstOption, to: plans.lists[leaf + 1] };
}

function someOptionMet(plans: RecommendationPlans, leaf: number, values: ChecklistValues) {
  const { from, to } = optionLists(plans, leaf);
  for (let list = from; list < to; list++) if (everyMet(plans, list, values)) return true;
  return false;
}

/** Every required item met and no YES/NO field answered NO. */
function allItemsRequired(plans: RecommendationPlans, leaf: number, values: ChecklistValues) {
  const first = plans.lists[leaf];
  const required = first + LIST.required;
  if (isEmpty(plans, required) || !everyMet(plans, required, values)) return false;
  const { bounds, items } = plans;
  for (let k = bounds[first + LIST.yesNo]; k < bounds[first + LIST.yesNo + 1]; k++) {
    const value = values[items[k]];
    if (value === "no" || value === false) return false;
  }
  return true;
}

/** Every item of at least one option group met, or any standalone item met. */
function anyOptionGroupRequired(plans: RecommendationPlans, leaf: number, values: ChecklistValues) {
  return someMet(plans, plans.lists[leaf] + LIST.standalone, values) ||
    someOptionMet(plans, leaf, values);
}

/**
 * All shared items met and at least one option met. An option is an option group whose items are
 * all met; a leaf without option groups needs one non-shared item met.
 */
function sharedPlusOneOption(plans: RecommendationPlans, leaf: number, values: ChecklistValues) {
  const first = plans.lists[leaf];
  if (!everyMet(plans, first + LIST.shared, values)) return false;
  const { from, to } = optionLists(plans, leaf);
  return from === to
    ? someMet(plans, first + LIST.nonShared, values)
    : someOptionMet(plans, leaf, values);
}

/** Whether the leaf's validation rule is met by its items. */
function ruleMet(plans: RecommendationPlans, leaf: number, values: ChecklistValues): boolean {
  switch (plans.rules[leaf]) {
    case RULE.ALL_ITEMS_REQUIRED:
      return allItemsRequired(plans, leaf, values);
    case RULE.ANY_ITEM_REQUIRED:
      return someMet(plans, plans.lists[leaf] + LIST.documents, values);
    case RULE.ANY_OPTION_GROUP_REQUIRED:
      return anyOptionGroupRequired(plans, leaf, values);
    default: // RULE.OR_LOGIC_AT_LEAST_1_REQUIRED, RULE.SHARED_PLUS_OR_LOGIC
      return sharedPlusOneOption(plans, leaf, values);
  }
}

/**
 * Whether every quantitative requirement of the leaf holds (true for a leaf with none); `filled`
 * as in `holds`.
 */
function requirementsHold(
  plans: RecommendationPlans,
  leaf: number,
  values: ChecklistValues,
  filled: number,
) {
  const requirements = plans.requirements[leaf];
  for (let r = 0; r < requirements.length; r++) {
    if (!holds(requirements[r], values, plans, everyMet, filled)) return false;
  }
  return true;
}

/** Met when the leaf's validation rule is met and each of its quantitative requirements holds. */
function recommends(
  plans: RecommendationPlans,
  leaf: number,
  values: ChecklistValues,
  filled: number,
): boolean {
  return ruleMet(plans, leaf, values) && requirementsHold(plans, leaf, values, filled);
}

/**
 * The leaf's requirements that do not hold, as data; empty for a leaf with none. An option's
 * documents are its checklist items, or with the leaf's `filled` slots given, its uploaded files.
 */
export function leafShortfalls(
  plans: RecommendationPlans,
  leaf: number,
  values: ChecklistValues,
  filled: number = DOCUMENTS_BY_CHECKLIST,
): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  for (const placed of plans.requirements[leaf]) {
    if (!holds(placed, values, plans, everyMet, filled)) {
      shortfalls.push(shortfall(placed, values, plans, everyMet, filled));
    }
  }
  return shortfalls;
}

/**
 * The recommendation of leaf `leaf` of the plans; `values` is undefined when it has no response.
 * `filled` as in `leafShortfalls`.
 */
export function leafRecommendation(
  plans: RecommendationPlans,
  leaf: number,
  values: ChecklistValues | undefined,
  filled: number = DOCUMENTS_BY_CHECKLIST,
): Verdict {
  if (values === undefined) return plans.metWithoutValues[leaf] === 1 ? "met" : "unmet";
  return recommends(plans, leaf, values, filled) ? "met" : "unmet";
}
