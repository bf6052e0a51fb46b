/** §5 rule 5, area: every scored leaf passes and no parent is explicitly Unmet; no scored leaf means fail. */
export type AreaLeaf = { scored: boolean; passes: boolean };
export type AreaTally = { passes: boolean; scoredLeaves: number; passedLeaves: number };

export function decideArea(
  leaves: readonly AreaLeaf[],
  hasExplicitUnmetParent: boolean,
): AreaTally {
  const scored = leaves.filter((leaf) => leaf.scored);
  const passedLeaves = scored.filter((leaf) => leaf.passes).length;
  return {
    passes: scored.length > 0 && passedLeaves === scored.length && !hasExplicitUnmetParent,
    scoredLeaves: scored.length,
    passedLeaves,
  };
}
