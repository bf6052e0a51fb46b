import type { Completeness } from "./completeness.ts";
import type { Verdict } from "./schema.ts";
import { type LeafStatus, statusPasses } from "./status.ts";

/** §5 rule 8, projection: each leaf from the best information available, never the official result. */
export type ProjectedLeaf = {
  projected: Verdict;
  projectedFrom: "decision" | "recommendation" | "completeness";
};

const projections = {
  decision: {
    met: { projected: "met", projectedFrom: "decision" },
    unmet: { projected: "unmet", projectedFrom: "decision" },
  },
  recommendation: {
    met: { projected: "met", projectedFrom: "recommendation" },
    unmet: { projected: "unmet", projectedFrom: "recommendation" },
  },
  completeness: {
    met: { projected: "met", projectedFrom: "completeness" },
    unmet: { projected: "unmet", projectedFrom: "completeness" },
  },
} as const satisfies Record<ProjectedLeaf["projectedFrom"], Record<Verdict, ProjectedLeaf>>;

/** Named loads rather than `pair[verdict]`: a lookup by a varying key is slow in V8. */
const pick = (pair: Readonly<Record<Verdict, ProjectedLeaf>>, met: boolean) =>
  met ? pair.met : pair.unmet;

export function projectLeaf(
  status: LeafStatus,
  recommendation: Verdict,
  reviewed: boolean,
  completeness: Completeness,
): ProjectedLeaf {
  if (status !== "no_decision") return pick(projections.decision, statusPasses(status));
  if (reviewed) return pick(projections.recommendation, recommendation === "met");
  return pick(projections.completeness, completeness.complete);
}

/** Share of scored leaves projected Met, as a percentage with one decimal. */
export function readinessPercent(scoredLeaves: number, projectedMet: number): number {
  return scoredLeaves === 0 ? 0 : Math.round((projectedMet / scoredLeaves) * 1000) / 10;
}
