import type { SlotSetCache } from "./completeness.ts";
import type { Failure, LeafResult } from "./schema.ts";

/** §5 rule 9, explanation: why a scored leaf fails its area, so a barangay knows exactly what to fix. */

/**
 * How a leaf fails, official or projected, as the number the classifier keeps per leaf. A failing
 * leaf lists its missing MOVs, then its reason unless it fails only for them. Every comparison of
 * these codes is in this module, which reads `FAILS` as a constant; an imported object would be
 * loaded again on each of the checks every leaf goes through.
 */
const FAILS = {
  /** It does not fail. */
  not: 0,
  unmet: 1,
  noDecision: 2,
  /** It fails only for its missing MOVs: projected from completeness. */
  forMissingMovs: 3,
} as const;

export type HowItFails = (typeof FAILS)[keyof typeof FAILS];

/**
 * A leaf's failures, built once per catalog leaf and shared (frozen) by every result that lists
 * them: the same leaf and reason always make the same failure.
 */
export type LeafReasons = {
  unmet: Failure;
  noDecision: Failure;
  parentUnmet: Failure;
  missing: ReadonlyMap<string, Failure>;
};

export function leafReasons(leafCode: string, slotKeys: readonly string[]): LeafReasons {
  const failure = (reason: string) => Object.freeze({ leafCode, reason });
  return {
    unmet: failure("unmet"),
    noDecision: failure("no_decision"),
    parentUnmet: failure("parent_unmet"),
    missing: new Map(slotKeys.map((key) => [key, failure(`missing_mov:${key}`)])),
  };
}

type ExplainedLeaf = Pick<LeafResult, "scored" | "completeness">;

/** How a leaf fails officially: a leaf that does not pass fails as unmet or for want of a decision. */
export function officialFailure({ scored, passes, status }: LeafResult): HowItFails {
  if (!scored || passes) return FAILS.not;
  return status === "no_decision" ? FAILS.noDecision : FAILS.unmet;
}

/** How a leaf fails in the projection: one projected from completeness only for its missing MOVs. */
export function projectedFailure({ scored, projected, projectedFrom }: LeafResult): HowItFails {
  if (!scored || projected === "met") return FAILS.not;
  return projectedFrom === "completeness" ? FAILS.forMissingMovs : FAILS.unmet;
}

/** Whether a leaf fails neither officially nor in the projection. */
export function failsNeither(official: HowItFails, projected: HowItFails): boolean {
  return official === FAILS.not && projected === FAILS.not;
}

/** The leaf's missing MOVs as failures, in the order completeness lists them. */
function missingFailures(leaf: ExplainedLeaf, reasons: LeafReasons): readonly Failure[] {
  return Object.freeze(
    leaf.completeness.missingSlots.map((slot) => reasons.missing.get(slot) as Failure),
  );
}

/**
 * Leaf `position`'s missing-MOV failures from the cache, listed on first use; `filled` is the set
 * of its slots with a live file, from which its completeness follows.
 */
export function cachedMissingFailures(
  cache: SlotSetCache<readonly Failure[]>,
  position: number,
  filled: number,
  leaf: ExplainedLeaf,
  reasons: LeafReasons,
): readonly Failure[] {
  const at = cache.at(position, filled);
  return cache.get(at) ?? cache.keep(at, missingFailures(leaf, reasons));
}

/**
 * Appends a scored leaf's failures for `fails` to `into`: a failing leaf lists its missing MOVs,
 * then its verdict reason; a passing leaf fails only through an explicitly Unmet parent.
 * `missing` is needed only when the leaf fails.
 */
export function appendFailures(
  into: Failure[],
  fails: HowItFails,
  parentUnmet: boolean,
  missing: readonly Failure[],
  reasons: LeafReasons,
): void {
  if (fails === FAILS.not) {
    if (parentUnmet) into.push(reasons.parentUnmet);
    return;
  }
  for (let i = 0; i < missing.length; i++) into.push(missing[i]);
  if (fails === FAILS.unmet) into.push(reasons.unmet);
  else if (fails === FAILS.noDecision) into.push(reasons.noDecision);
}
