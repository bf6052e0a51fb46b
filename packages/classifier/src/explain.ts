import type { Failure, LeafResult } from "./schema.ts";

/** §5 rule 9, explanation: why a scored leaf fails its area, so a barangay knows exactly what to fix. */
type ExplainedLeaf = Pick<LeafResult, "code" | "scored" | "completeness">;
type VerdictReason = "unmet" | "no_decision";

/**
 * A leaf's failures, built once per catalog leaf and shared (frozen) by every result that lists
 * them: the same leaf and reason always make the same failure.
 */
export type LeafReasons = Readonly<Record<VerdictReason | "parent_unmet", Failure>> & {
  missing: ReadonlyMap<string, Failure>;
};

export function leafReasons(leafCode: string, slotKeys: readonly string[]): LeafReasons {
  const failure = (reason: string) => Object.freeze({ leafCode, reason });
  return {
    unmet: failure("unmet"),
    no_decision: failure("no_decision"),
    parent_unmet: failure("parent_unmet"),
    missing: new Map(slotKeys.map((key) => [key, failure(`missing_mov:${key}`)])),
  };
}

/**
 * A failing leaf lists its missing MOVs, then its verdict reason; a passing leaf fails only through
 * its parent. Failures are appended to `into`.
 */
function explainLeaf(
  leaf: ExplainedLeaf,
  fails: boolean,
  verdictReason: VerdictReason | null,
  parentUnmet: boolean,
  into: Failure[],
  reasons: LeafReasons | undefined,
): Failure[] {
  if (!leaf.scored) return into;
  if (!fails) {
    if (parentUnmet) {
      into.push(reasons?.parent_unmet ?? { leafCode: leaf.code, reason: "parent_unmet" });
    }
    return into;
  }
  const missingSlots = leaf.completeness.missingSlots;
  for (let i = 0; i < missingSlots.length; i++) {
    const slot = missingSlots[i];
    into.push(reasons?.missing.get(slot) ?? { leafCode: leaf.code, reason: `missing_mov:${slot}` });
  }
  if (verdictReason !== null) {
    const shared = verdictReason === "unmet" ? reasons?.unmet : reasons?.no_decision;
    into.push(shared ?? { leafCode: leaf.code, reason: verdictReason });
  }
  return into;
}

export function officialFailures(
  leaf: LeafResult,
  parentUnmet: boolean,
  into: Failure[] = [],
  reasons?: LeafReasons,
): Failure[] {
  const reason = leaf.status === "no_decision" ? "no_decision" : "unmet";
  return explainLeaf(leaf, !leaf.passes, reason, parentUnmet, into, reasons);
}

/** A leaf projected from completeness alone fails only for its missing MOVs. */
export function projectedFailures(
  leaf: LeafResult,
  parentUnmet: boolean,
  into: Failure[] = [],
  reasons?: LeafReasons,
): Failure[] {
  const verdictReason = leaf.projectedFrom === "completeness" ? null : "unmet";
  return explainLeaf(leaf, leaf.projected === "unmet", verdictReason, parentUnmet, into, reasons);
}
