import type { SlotSetCache } from "./completeness.ts";
import type { Failure, LeafResult } from "./schema.ts";

/** §5 rule 9, explanation: why a scored leaf fails its area, so a barangay knows exactly what to fix. */

/**
 * How a leaf fails, official or projected, as a number the classifier keeps per leaf: 0 it does
 * not fail, 1 it is unmet, 2 it has no decision, 3 it fails only for its missing MOVs (projected
 * from completeness). A failing leaf lists its missing MOVs, then its reason unless 3. The code
 * compares these numbers as literals: the fields of a shared constants object would be loaded
 * again on each of the checks every leaf goes through.
 */
export type HowItFails = 0 | 1 | 2 | 3;

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
  if (!scored || passes) return 0;
  return status === "no_decision" ? 2 : 1;
}

/** How a leaf fails in the projection: one projected from completeness only for its missing MOVs. */
export function projectedFailure({ scored, projected, projectedFrom }: LeafResult): HowItFails {
  if (!scored || projected === "met") return 0;
  return projectedFrom === "completeness" ? 3 : 1;
}

/** Whether a leaf fails neither officially nor in the projection. */
export function failsNeither(official: HowItFails, projected: HowItFails): boolean {
  return official === 0 && projected === 0;
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
  if (fails === 0) {
    if (parentUnmet) into.push(reasons.parentUnmet);
    return;
  }
  for (let i = 0; i < missing.length; i++) into.push(missing[i]);
  if (fails === 1) into.push(reasons.unmet);
  else if (fails === 2) into.push(reasons.noDecision);
}
