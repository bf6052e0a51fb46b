import type { Failure, LeafResult } from "./schema.ts";

/** §5 rule 9, explanation: why a scored leaf fails its area, so a barangay knows exactly what to fix. */
type ExplainedLeaf = Pick<LeafResult, "code" | "scored" | "completeness">;
type VerdictReason = "unmet" | "no_decision";

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
): Failure[] {
  if (!leaf.scored) return into;
  if (!fails) {
    if (parentUnmet) into.push({ leafCode: leaf.code, reason: "parent_unmet" });
    return into;
  }
  for (const slot of leaf.completeness.missingSlots) {
    into.push({ leafCode: leaf.code, reason: `missing_mov:${slot}` });
  }
  if (verdictReason !== null) into.push({ leafCode: leaf.code, reason: verdictReason });
  return into;
}

export function officialFailures(
  leaf: LeafResult,
  parentUnmet: boolean,
  into: Failure[] = [],
): Failure[] {
  const reason = leaf.status === "no_decision" ? "no_decision" : "unmet";
  return explainLeaf(leaf, !leaf.passes, reason, parentUnmet, into);
}

/** A leaf projected from completeness alone fails only for its missing MOVs. */
export function projectedFailures(
  leaf: LeafResult,
  parentUnmet: boolean,
  into: Failure[] = [],
): Failure[] {
  const verdictReason = leaf.projectedFrom === "completeness" ? null : "unmet";
  return explainLeaf(leaf, leaf.projected === "unmet", verdictReason, parentUnmet, into);
}
