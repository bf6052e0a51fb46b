import type {
  CatalogItem,
  CatalogLeaf,
  ChecklistValue,
  ValidationRule,
  Verdict,
} from "./schema.ts";

/** §5 rule 2, leaf recommendation from the reviewer's checklist values. It never proposes Considered. */

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

/** A leaf's scoreable items sorted into the parts the rules read, derived once per catalog leaf. */
type ItemRoles = {
  scoreable: CatalogItem[];
  /** The required items; a leaf marking nothing required requires every scoreable item. */
  required: CatalogItem[];
  /** Required items outside any option group. */
  shared: CatalogItem[];
  /** Items outside any option group. */
  standalone: CatalogItem[];
  /** Scoreable items that are not shared. */
  nonShared: CatalogItem[];
  options: CatalogItem[][];
  yesNo: CatalogItem[];
};

const rolesByLeaf = new WeakMap<CatalogLeaf, ItemRoles>();

function itemRoles(leaf: CatalogLeaf): ItemRoles {
  const cached = rolesByLeaf.get(leaf);
  if (cached !== undefined) return cached;
  const scoreable = leaf.items.filter(isScoreable);
  const marked = scoreable.filter((item) => item.required);
  const shared = scoreable.filter((item) => item.optionGroup === null && item.required);
  const options = new Map<string, CatalogItem[]>();
  for (const item of scoreable) {
    if (item.optionGroup !== null) {
      options.set(item.optionGroup, [...(options.get(item.optionGroup) ?? []), item]);
    }
  }
  const roles = {
    scoreable,
    required: marked.length > 0 ? marked : scoreable,
    shared,
    standalone: scoreable.filter((item) => item.optionGroup === null),
    nonShared: scoreable.filter((item) => !shared.includes(item)),
    options: [...options.values()],
    yesNo: scoreable.filter((item) => item.type === "assessment_field"),
  };
  rolesByLeaf.set(leaf, roles);
  return roles;
}

const metIn = (checklist: Checklist) => (item: CatalogItem) => itemMet(item, checklist[item.key]);

/** Every required item met and no YES/NO field answered NO. */
function allItemsRequired(leaf: CatalogLeaf, checklist: Checklist): boolean {
  const { required, yesNo } = itemRoles(leaf);
  return required.length > 0 && required.every(metIn(checklist)) &&
    !yesNo.some((item) => answeredNo(item, checklist[item.key]));
}

function anyItemRequired(leaf: CatalogLeaf, checklist: Checklist): boolean {
  return itemRoles(leaf).scoreable.some(metIn(checklist));
}

/** Every item of at least one option group met, or any standalone item met. */
function anyOptionGroupRequired(leaf: CatalogLeaf, checklist: Checklist): boolean {
  const { standalone, options } = itemRoles(leaf);
  const met = metIn(checklist);
  return standalone.some(met) || options.some((option) => option.every(met));
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
 * All shared items met and at least one option met. An option is an option group whose items are
 * all met; a leaf without option groups needs one non-shared item met.
 */
function sharedPlusOneOption(leaf: CatalogLeaf, checklist: Checklist): boolean {
  const { shared, nonShared, options } = itemRoles(leaf);
  const met = metIn(checklist);
  if (!shared.every(met)) return false;
  if (optionsMetByAccomplishment(leaf, checklist).length > 0) return true;
  return options.length === 0 ? nonShared.some(met) : options.some((option) => option.every(met));
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
