import type { ChecklistValue, Requirement, Shortfall, Wording } from "./schema.ts";

/**
 * §5 rule 2, the quantitative requirements of the Technical Notes (minimum counts, ratios and
 * budget shares, deadlines): a leaf is recommended Met only when its validation rule is met and
 * every requirement holds. Each requirement that does not hold is kept as a `Shortfall`, with the
 * numbers it was judged on.
 */

/** Checklist values by position among all the catalog's items, as the reader keeps them. */
type Values = readonly (ChecklistValue | undefined)[];

/** A ratio alternative with its items as positions among all the catalog's items. */
type PlacedRatio = {
  numerator: number;
  denominator: number;
  minPercent: number;
  /** The option whose items must all be met for this alternative to count, as a list position. */
  optionList: number;
  option: string | null;
  measure: Wording;
};

/** A requirement with its items as positions among all the catalog's items. */
export type PlacedRequirement =
  | { kind: "count"; requirement: Requirement & { kind: "count" }; item: number }
  | { kind: "ratio"; requirement: Requirement & { kind: "ratio" }; ratios: readonly PlacedRatio[] }
  | { kind: "deadline"; requirement: Requirement & { kind: "deadline" }; item: number };

/** No list: an alternative that names no option needs no items of its own. */
export const NO_LIST = -1;

/**
 * The leaf's requirements placed at its items: `itemAt` gives an item key's position among all
 * items, `optionListAt` an option group's list position (`NO_LIST` for none).
 */
export function placeRequirements(
  requirements: readonly Requirement[],
  itemAt: (key: string) => number,
  optionListAt: (option: string | null) => number,
): PlacedRequirement[] {
  return requirements.map((requirement) => {
    switch (requirement.kind) {
      case "count":
        return { kind: "count", requirement, item: itemAt(requirement.item) };
      case "deadline":
        return { kind: "deadline", requirement, item: itemAt(requirement.item) };
      case "ratio":
        return {
          kind: "ratio",
          requirement,
          ratios: requirement.alternatives.map((ratio) => ({
            numerator: itemAt(ratio.numerator),
            denominator: itemAt(ratio.denominator),
            minPercent: ratio.minPercent,
            optionList: optionListAt(ratio.option),
            option: ratio.option,
            measure: ratio.measure,
          })),
        };
    }
  });
}

/**
 * Amounts are entered with at most a few decimals; a share exactly at its minimum may come out a
 * hair below it in binary floating point, so the comparison forgives that much.
 */
const ROUNDING = 1e-9;

/** The numerator as a percentage of a positive denominator; null when either is missing or the base is not positive. */
export function percentOf(numerator: unknown, denominator: unknown): number | null {
  if (typeof numerator !== "number" || typeof denominator !== "number" || !(denominator > 0)) {
    return null;
  }
  return (numerator / denominator) * 100;
}

function reachesMinimum(numerator: unknown, denominator: unknown, minPercent: number): boolean {
  const percent = percentOf(numerator, denominator);
  return percent !== null && percent >= minPercent * (1 - ROUNDING);
}

/** The calendar day a date value names (`YYYY-MM-DD`, the time of day aside), or null. */
function dayOf(value: unknown): string | null {
  return typeof value === "string" && value.length >= 10 ? value.slice(0, 10) : null;
}

/**
 * Whether a list of the plans has all its items met: the recommendation's own check, passed in
 * with the plans rather than as a closure, which a classification would allocate per leaf.
 */
export type ListMet<Plans> = (plans: Plans, list: number, values: Values) => boolean;

/** Whether one placed requirement holds; an option's documents are checked by `listMet`. */
export function holds<Plans>(
  placed: PlacedRequirement,
  values: Values,
  plans: Plans,
  listMet: ListMet<Plans>,
): boolean {
  switch (placed.kind) {
    case "count": {
      const count = values[placed.item];
      return typeof count === "number" && count >= placed.requirement.min;
    }
    case "deadline": {
      const day = dayOf(values[placed.item]);
      return day !== null && day <= placed.requirement.onOrBefore;
    }
    case "ratio":
      for (const ratio of placed.ratios) {
        if (
          reachesMinimum(values[ratio.numerator], values[ratio.denominator], ratio.minPercent) &&
          (ratio.optionList === NO_LIST || listMet(plans, ratio.optionList, values))
        ) return true;
      }
      return false;
  }
}

const asNumber = (value: unknown): number | null => typeof value === "number" ? value : null;

/** What the requirement found, as data, for one that does not hold. */
export function shortfall<Plans>(
  placed: PlacedRequirement,
  values: Values,
  plans: Plans,
  listMet: ListMet<Plans>,
): Shortfall {
  const { requirement } = placed;
  switch (placed.kind) {
    case "count":
      return {
        rule: "count",
        item: placed.requirement.item,
        actual: asNumber(values[placed.item]),
        required: placed.requirement.min,
        counted: placed.requirement.counted,
        page: requirement.page,
      };
    case "deadline": {
      const day = dayOf(values[placed.item]);
      const until = placed.requirement.considerationUntil;
      return {
        rule: "deadline",
        item: placed.requirement.item,
        actual: day,
        deadline: placed.requirement.onOrBefore,
        considerationUntil: until,
        mayBeConsidered: day !== null && until !== null && day <= until,
        dated: placed.requirement.dated,
        page: requirement.page,
      };
    }
    case "ratio":
      return {
        rule: "ratio",
        ratios: placed.ratios.map((ratio) => ({
          numerator: asNumber(values[ratio.numerator]),
          denominator: asNumber(values[ratio.denominator]),
          actual: percentOf(values[ratio.numerator], values[ratio.denominator]),
          required: ratio.minPercent,
          measure: ratio.measure,
          option: ratio.option,
          optionMet: ratio.optionList === NO_LIST || listMet(plans, ratio.optionList, values),
        })),
        page: requirement.page,
      };
  }
}
