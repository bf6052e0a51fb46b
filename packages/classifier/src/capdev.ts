import { areaPasses } from "./area.ts";
import { AreaCount } from "./overall.ts";
import type { AreaKind, ClassificationResult, Shortfall } from "./schema.ts";

/**
 * sglgb.md §8, the capacity-development agenda of an official result: every leaf its areas list
 * as failing, once, ranked so that the barangay works first on what the 3+1 rule needs. Built
 * from the result's own explanations, area verdicts and the 3+1 rule of `overall.ts`.
 */

/**
 * - `core`: the leaf fails a core area; the 3+1 rule needs every core area, so these come first;
 * - `flip`: the leaf is in an essential area among the fewest fixes that make the barangay pass;
 * - `other`: every other failing leaf (an essential area the 3+1 rule does not need).
 */
export type CapdevPriority = "core" | "flip" | "other";

export type AgendaItem = {
  /** 1 for the first thing to fix; consecutive. */
  rank: number;
  priority: CapdevPriority;
  leafCode: string;
  indicatorCode: string;
  area: number;
  areaKind: AreaKind;
  /** The classifier's reason codes for the leaf, in its order (`missing_mov:<slot>`, `unmet`, ...). */
  reasons: string[];
  /**
   * What the agenda answers: `unmet` when the leaf fails on its own (Unmet or undecided),
   * `parent_unmet` when it passes and is listed only through its indicator declared Unmet.
   */
  answers: "unmet" | "parent_unmet";
  /** The upload slots without a live MOV (from `missing_mov:<slot>`). */
  missingSlots: string[];
  /** The quantitative requirements its values fall short of. */
  shortfalls: Shortfall[];
  /** Whether fixing it belongs to the fewest fixes that make the barangay pass. */
  inFewestFixes: boolean;
};

/**
 * One fix is one failing leaf made to pass, or one indicator's explicit Unmet lifted (which every
 * leaf listed only as `parent_unmet` under it waits for).
 */
export type AreaFixes = {
  area: number;
  kind: AreaKind;
  passes: boolean;
  /** Fixes that make the area pass; null when it cannot pass (no scored leaf). */
  fixes: number | null;
  failingLeaves: string[];
  unmetIndicators: string[];
};

export type FewestFixes = {
  /** Whether any set of fixes makes the barangay pass (false when a needed area has no scored leaf). */
  passable: boolean;
  /** How many fixes; 0 when it passes already, null when it cannot pass. */
  fixes: number | null;
  /** The failing areas to fix, in area order. */
  areas: number[];
  leafCodes: string[];
  indicatorCodes: string[];
};

export type CapdevPlan = {
  passed: boolean;
  fewestFixes: FewestFixes;
  areas: AreaFixes[];
  items: AgendaItem[];
};

const MISSING_MOV = "missing_mov:";

/** What each area of the result needs to pass: its failing leaves and explicitly Unmet indicators. */
export function areaFixes(result: ClassificationResult): AreaFixes[] {
  const passing = new Map(result.leaves.map((leaf) => [leaf.code, leaf.passes]));
  return result.areas.map((area) => {
    const failingLeaves = [
      ...new Set(
        area.failures
          .filter((failure) => failure.reason !== "parent_unmet" && !passing.get(failure.leafCode))
          .map((failure) => failure.leafCode),
      ),
    ];
    const unmetIndicators = result.indicators
      .filter((indicator) => indicator.area === area.code && indicator.explicitUnmet)
      .map((indicator) => indicator.code);
    return {
      area: area.code,
      kind: area.kind,
      passes: area.passes,
      fixes: area.passes
        ? 0
        : area.scoredLeaves === 0
        ? null
        : failingLeaves.length + unmetIndicators.length,
      failingLeaves,
      unmetIndicators,
    };
  });
}

/**
 * The smallest set of fixes that makes the barangay pass: every subset of the failing areas that
 * can be fixed is tried, each area once fixed judged by `areaPasses` with all its scored leaves
 * passing and no Unmet parent, and the 3+1 verdict taken from `AreaCount`. Among equally small
 * sets the one fixing fewer areas wins, then the lower area codes.
 */
export function fewestFixesToPass(
  result: ClassificationResult,
  areas: readonly AreaFixes[] = areaFixes(result),
): FewestFixes {
  const scoredOf = new Map(result.areas.map((area) => [area.code, area.scoredLeaves]));
  const fixable = areas.filter((area) => !area.passes && area.fixes !== null);
  let best: { cost: number; chosen: AreaFixes[] } | null = null;
  for (let mask = 0; mask < 1 << fixable.length; mask++) {
    const chosen = fixable.filter((_, i) => (mask & (1 << i)) !== 0);
    const count = new AreaCount();
    for (const area of areas) {
      const scored = scoredOf.get(area.area)!;
      count.add(
        area.kind,
        area.passes || (chosen.includes(area) && areaPasses(scored, scored, false)),
      );
    }
    if (!count.verdict().passed) continue;
    const cost = chosen.reduce((sum, area) => sum + (area.fixes ?? 0), 0);
    if (
      best === null || cost < best.cost ||
      (cost === best.cost && chosen.length < best.chosen.length)
    ) {
      best = { cost, chosen };
    }
  }
  if (best === null) {
    return { passable: false, fixes: null, areas: [], leafCodes: [], indicatorCodes: [] };
  }
  return {
    passable: true,
    fixes: best.cost,
    areas: best.chosen.map((area) => area.area),
    leafCodes: best.chosen.flatMap((area) => area.failingLeaves),
    indicatorCodes: best.chosen.flatMap((area) => area.unmetIndicators),
  };
}

const PRIORITY_ORDER: Record<CapdevPriority, number> = { core: 0, flip: 1, other: 2 };

/**
 * The agenda of an official result: each leaf listed in an area's failures once, with its reasons,
 * missing slots and shortfalls, ranked core areas first, then the essential areas among the fewest
 * fixes to pass, then the rest; within a priority, areas needing fewer fixes first, then area code
 * and catalog order.
 */
export function capdevPlan(result: ClassificationResult): CapdevPlan {
  const areas = areaFixes(result);
  const fewestFixes = fewestFixesToPass(result, areas);
  const fixesOf = new Map(areas.map((area) => [area.area, area.fixes ?? Infinity]));
  const inFewest = new Set(fewestFixes.areas);
  const reasonsOf = new Map<string, string[]>();
  for (const area of result.areas) {
    for (const { leafCode, reason } of area.failures) {
      const reasons = reasonsOf.get(leafCode) ?? [];
      if (!reasons.includes(reason)) reasons.push(reason);
      reasonsOf.set(leafCode, reasons);
    }
  }
  const catalogOrder = new Map(result.leaves.map((leaf, i) => [leaf.code, i]));
  const kindOf = new Map(result.areas.map((area) => [area.code, area.kind]));
  const items = result.leaves
    .filter((leaf) => reasonsOf.has(leaf.code))
    .map((leaf): Omit<AgendaItem, "rank"> => {
      const reasons = reasonsOf.get(leaf.code)!;
      const areaKind = kindOf.get(leaf.area)!;
      const priority: CapdevPriority = areaKind === "core"
        ? "core"
        : inFewest.has(leaf.area)
        ? "flip"
        : "other";
      return {
        priority,
        leafCode: leaf.code,
        indicatorCode: leaf.indicatorCode,
        area: leaf.area,
        areaKind,
        reasons,
        answers: leaf.passes ? "parent_unmet" : "unmet",
        missingSlots: reasons
          .filter((reason) => reason.startsWith(MISSING_MOV))
          .map((reason) => reason.slice(MISSING_MOV.length)),
        shortfalls: leaf.shortfalls,
        inFewestFixes: inFewest.has(leaf.area),
      };
    })
    .sort((a, b) =>
      PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
      fixesOf.get(a.area)! - fixesOf.get(b.area)! ||
      a.area - b.area ||
      catalogOrder.get(a.leafCode)! - catalogOrder.get(b.leafCode)!
    )
    .map((item, i) => ({ rank: i + 1, ...item }));
  return { passed: result.overall.passed, fewestFixes, areas, items };
}
