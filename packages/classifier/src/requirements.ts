import type { ChecklistValue, Requirement, Shortfall, Wording } from "./schema.ts";

/**
 * §5 rule 2, the quantitative requirements of the Technical Notes (minimum counts, ratios and
 * budget shares, deadlines, earliest dates and periods covered): a leaf is recommended Met only when its validation rule is met and
 * every requirement holds. Each requirement that does not hold is kept as a `Shortfall`, with the
 * numbers it was judged on.
 */

/** Checklist values by position among all the catalog's items, as the reader keeps them. */
type Values = readonly (ChecklistValue | undefined)[];

/**
 * An option's documents: its items as a list position (`NO_LIST` for none), which must all be met,
 * and its upload slots as bits of the leaf's slots (`filledSlots`).
 */
type PlacedOption = { list: number; slots: number };

/** A ratio alternative with its items as positions among all the catalog's items. */
type PlacedRatio = PlacedOption & {
  numerator: number;
  denominator: number;
  minPercent: number;
  option: string | null;
  measure: Wording;
};

/**
 * A count limited to one option: it applies only when the leaf is met through that option, that
 * is, when the option has its documents and no other option of the leaf has its own (a leaf
 * documented through another option is met through that one, whatever this option's count).
 */
type PlacedCountOption = PlacedOption & { others: readonly PlacedOption[] };

/** A requirement with its items as positions among all the catalog's items. */
export type PlacedRequirement =
  | {
    kind: "count";
    requirement: Requirement & { kind: "count" };
    item: number;
    /** Null when the count applies to the whole leaf. */
    option: PlacedCountOption | null;
  }
  | { kind: "ratio"; requirement: Requirement & { kind: "ratio" }; ratios: readonly PlacedRatio[] }
  | { kind: "deadline"; requirement: Requirement & { kind: "deadline" }; item: number }
  | { kind: "since"; requirement: Requirement & { kind: "since" }; item: number }
  | {
    kind: "period";
    requirement: Requirement & { kind: "period" };
    from: number;
    until: number;
  };

/** No list: an alternative that names no option needs no items of its own. */
export const NO_LIST = -1;

/**
 * An option's documents are judged by the checklist's items of the option (a reviewer's judgement,
 * or the barangay's own ticks), unless the leaf's filled slots are given instead: then by whether
 * every upload slot of the option has a live file (the barangay's readiness).
 */
export const DOCUMENTS_BY_CHECKLIST = -1;

/**
 * The leaf's requirements placed at its items: `itemAt` gives an item key's position among all
 * items, `optionListAt` an option group's list position (`NO_LIST` for none) and `optionSlotsAt`
 * its upload slots as bits of the leaf's slots; `options` names the leaf's options.
 */
export function placeRequirements(
  requirements: readonly Requirement[],
  itemAt: (key: string) => number,
  optionListAt: (option: string | null) => number,
  optionSlotsAt: (option: string | null) => number,
  options: readonly string[],
): PlacedRequirement[] {
  const placeOption = (option: string) => ({
    list: optionListAt(option),
    slots: optionSlotsAt(option),
  });
  return requirements.map((requirement) => {
    switch (requirement.kind) {
      case "count": {
        const { option } = requirement;
        return {
          kind: "count",
          requirement,
          item: itemAt(requirement.item),
          option: option === undefined ? null : {
            ...placeOption(option),
            others: options.filter((other) => other !== option).map(placeOption),
          },
        };
      }
      case "deadline":
        return { kind: "deadline", requirement, item: itemAt(requirement.item) };
      case "since":
        return { kind: "since", requirement, item: itemAt(requirement.item) };
      case "period":
        return {
          kind: "period",
          requirement,
          from: itemAt(requirement.from),
          until: itemAt(requirement.until),
        };
      case "ratio":
        return {
          kind: "ratio",
          requirement,
          ratios: requirement.alternatives.map((ratio) => ({
            numerator: itemAt(ratio.numerator),
            denominator: itemAt(ratio.denominator),
            minPercent: ratio.minPercent,
            list: optionListAt(ratio.option),
            slots: optionSlotsAt(ratio.option),
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

/**
 * Whether an alternative's option has its documents: its items met by `listMet`, or with the
 * leaf's `filled` slots given, every upload slot of the option filled.
 */
function documented<Plans>(
  option: PlacedOption,
  values: Values,
  plans: Plans,
  listMet: ListMet<Plans>,
  filled: number,
): boolean {
  if (option.list === NO_LIST) return true;
  return filled === DOCUMENTS_BY_CHECKLIST
    ? listMet(plans, option.list, values)
    : (filled & option.slots) === option.slots;
}

/**
 * Whether another option of the leaf has its documents; an option with neither items nor upload
 * slots has nothing that could show it.
 */
function otherOptionDocumented<Plans>(
  others: readonly PlacedOption[],
  values: Values,
  plans: Plans,
  listMet: ListMet<Plans>,
  filled: number,
): boolean {
  for (const other of others) {
    if (
      filled === DOCUMENTS_BY_CHECKLIST
        ? other.list !== NO_LIST && listMet(plans, other.list, values)
        : other.slots !== 0 && (filled & other.slots) === other.slots
    ) return true;
  }
  return false;
}

/** Whether a count applies: always, or for one limited to an option, when the leaf is met through it. */
function countApplies<Plans>(
  option: PlacedCountOption | null,
  values: Values,
  plans: Plans,
  listMet: ListMet<Plans>,
  filled: number,
): boolean {
  return option === null ||
    (documented(option, values, plans, listMet, filled) &&
      !otherOptionDocumented(option.others, values, plans, listMet, filled));
}

/**
 * Whether one placed requirement holds; an option's documents are checked by `listMet`, or by
 * the leaf's `filled` slots when given (`DOCUMENTS_BY_CHECKLIST` otherwise).
 */
export function holds<Plans>(
  placed: PlacedRequirement,
  values: Values,
  plans: Plans,
  listMet: ListMet<Plans>,
  filled: number,
): boolean {
  switch (placed.kind) {
    case "count": {
      const count = values[placed.item];
      return (typeof count === "number" && count >= placed.requirement.min) ||
        !countApplies(placed.option, values, plans, listMet, filled);
    }
    case "deadline": {
      const day = dayOf(values[placed.item]);
      return day !== null && day <= placed.requirement.onOrBefore;
    }
    case "since": {
      const day = dayOf(values[placed.item]);
      return day !== null && day >= placed.requirement.onOrAfter;
    }
    case "period": {
      const from = dayOf(values[placed.from]);
      const until = dayOf(values[placed.until]);
      const { covers } = placed.requirement;
      return from !== null && until !== null && from <= covers.from && until >= covers.until;
    }
    case "ratio":
      for (const ratio of placed.ratios) {
        if (
          reachesMinimum(values[ratio.numerator], values[ratio.denominator], ratio.minPercent) &&
          documented(ratio, values, plans, listMet, filled)
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
  filled: number,
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
    case "since":
      return {
        rule: "since",
        item: placed.requirement.item,
        actual: dayOf(values[placed.item]),
        earliest: placed.requirement.onOrAfter,
        dated: placed.requirement.dated,
        page: requirement.page,
      };
    case "period":
      return {
        rule: "period",
        actual: { from: dayOf(values[placed.from]), until: dayOf(values[placed.until]) },
        required: placed.requirement.covers,
        covered: placed.requirement.covered,
        page: requirement.page,
      };
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
          optionMet: documented(ratio, values, plans, listMet, filled),
        })),
        page: requirement.page,
      };
  }
}
