import type { Verdict } from "./schema.ts";

/** §5 rule 4, parent indicator: passes when all its scored leaves pass, unless explicitly decided Unmet. */
export type IndicatorVerdict = { passes: boolean; explicitUnmet: boolean };

type ScoredLeaf = { scored: boolean; passes: boolean };

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

/** The verdict of the indicator whose leaves are `leaves[from]` to `leaves[to - 1]`. */
export function decideIndicator(
  leaves: readonly ScoredLeaf[],
  override: Verdict | undefined,
  from = 0,
  to = leaves.length,
): IndicatorVerdict {
  let scored = 0;
  let passed = 0;
  for (let i = from; i < to; i++) {
    const leaf = leaves[i];
    if (!leaf.scored) continue;
    scored += 1;
    if (leaf.passes) passed += 1;
  }
  return indicatorVerdict(scored, passed, override);
}
