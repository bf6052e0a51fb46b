import type { Verdict } from "./schema.ts";

/**
 * §5 rule 4, parent indicator: passes when all its scored leaves pass, unless explicitly decided
 * Unmet. Profiling leaves are never counted (`classify` tallies scored leaves only).
 */
export type IndicatorVerdict = { passes: boolean; explicitUnmet: boolean };

/** A parent-level Met cannot lift a failing leaf; an indicator without scored leaves does not pass. */
export function indicatorVerdict(
  scoredLeaves: number,
  passedLeaves: number,
  override: Verdict | undefined,
): IndicatorVerdict {
  const explicitUnmet = override === "unmet";
  return {
    passes: !explicitUnmet && scoredLeaves > 0 && passedLeaves === scoredLeaves,
    explicitUnmet,
  };
}
