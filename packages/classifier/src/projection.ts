import type { Completeness } from "./completeness.ts";
import type { ChecklistValue, Verdict } from "./schema.ts";
import { type LeafStatus, statusPasses } from "./status.ts";

/** §5 rule 8, projection: each leaf from the best information available, never the official result. */
export type ProjectedLeaf = {
  projected: Verdict;
  projectedFrom: "decision" | "recommendation" | "completeness";
};

export function hasReviewerValues(
  checklist: Readonly<Record<string, ChecklistValue | undefined>> | undefined,
): boolean {
  return checklist !== undefined &&
    Object.values(checklist).some((value) => value !== null && value !== undefined);
}

export function projectLeaf(
  status: LeafStatus,
  recommendation: Verdict,
  reviewed: boolean,
  completeness: Completeness,
): ProjectedLeaf {
  if (status !== "no_decision") {
    return { projected: statusPasses(status) ? "met" : "unmet", projectedFrom: "decision" };
  }
  if (reviewed) return { projected: recommendation, projectedFrom: "recommendation" };
  return { projected: completeness.complete ? "met" : "unmet", projectedFrom: "completeness" };
}

/** Share of scored leaves projected Met, as a percentage with one decimal. */
export function readinessPercent(
  leaves: readonly { scored: boolean; projected: Verdict }[],
): number {
  const scored = leaves.filter((leaf) => leaf.scored);
  if (scored.length === 0) return 0;
  const met = scored.filter((leaf) => leaf.projected === "met").length;
  return Math.round((met / scored.length) * 1000) / 10;
}
