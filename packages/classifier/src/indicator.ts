import type { Verdict } from "./schema.ts";

/** §5 rule 4, parent indicator: passes when all its scored leaves pass, unless explicitly decided Unmet. */
export type IndicatorVerdict = { passes: boolean; explicitUnmet: boolean };

type ScoredLeaf = { scored: boolean; passes: boolean };

/**
 * A parent-level Met cannot lift a failing leaf; an indicator without scored leaves does not pass.
 * The indicator's leaves are `leaves[from]` to `leaves[to - 1]`.
 */
export function decideIndicator(
  leaves: readonly ScoredLeaf[],
  override: Verdict | undefined,
  from = 0,
  to = leaves.length,
): IndicatorVerdict {
  const explicitUnmet = override === "unmet";
  let scored = 0;
  let allPass = true;
  for (let i = from; i < to; i++) {
    const leaf = leaves[i];
    if (!leaf.scored) continue;
    scored += 1;
    allPass &&= leaf.passes;
  }
  return { passes: !explicitUnmet && scored > 0 && allPass, explicitUnmet };
}
