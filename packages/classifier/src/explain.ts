import type { Failure, LeafResult } from "./schema.ts";

/** §5 rule 9, explanation: why a scored leaf fails its area, so a barangay knows exactly what to fix. */
type ExplainedLeaf = Pick<LeafResult, "code" | "scored" | "completeness">;
type VerdictReason = "unmet" | "no_decision";

/** A failing leaf lists its missing MOVs, then its verdict reason; a passing leaf fails only through its parent. */
function explainLeaf(
  leaf: ExplainedLeaf,
  fails: boolean,
  verdictReason: VerdictReason | null,
  parentUnmet: boolean,
): Failure[] {
  if (!leaf.scored) return [];
  const reasons = fails
    ? [
      ...leaf.completeness.missingSlots.map((slot) => `missing_mov:${slot}`),
      ...(verdictReason ? [verdictReason] : []),
    ]
    : parentUnmet
    ? ["parent_unmet"]
    : [];
  return reasons.map((reason) => ({ leafCode: leaf.code, reason }));
}

export function officialFailures(leaf: LeafResult, parentUnmet: boolean): Failure[] {
  return explainLeaf(
    leaf,
    !leaf.passes,
    leaf.status === "no_decision" ? "no_decision" : "unmet",
    parentUnmet,
  );
}

/** A leaf projected from completeness alone fails only for its missing MOVs. */
export function projectedFailures(leaf: LeafResult, parentUnmet: boolean): Failure[] {
  const verdictReason = leaf.projectedFrom === "completeness" ? null : "unmet";
  return explainLeaf(leaf, leaf.projected === "unmet", verdictReason, parentUnmet);
}
