/** §5 rule 5, area: every scored leaf passes and no parent is explicitly Unmet; no scored leaf means fail. */
export type AreaLeaf = { scored: boolean; passes: boolean };
export type AreaTally = { passes: boolean; scoredLeaves: number; passedLeaves: number };

const officially = (leaf: AreaLeaf) => leaf.passes;

/** `passes` reads a leaf's verdict: the official one unless told otherwise (the projection's). */
export function decideArea<Leaf extends { scored: boolean }>(
  leaves: readonly Leaf[],
  hasExplicitUnmetParent: boolean,
  passes: (leaf: Leaf) => boolean = officially as unknown as (leaf: Leaf) => boolean,
): AreaTally {
  let scoredLeaves = 0;
  let passedLeaves = 0;
  for (const leaf of leaves) {
    if (!leaf.scored) continue;
    scoredLeaves += 1;
    if (passes(leaf)) passedLeaves += 1;
  }
  return {
    passes: scoredLeaves > 0 && passedLeaves === scoredLeaves && !hasExplicitUnmetParent,
    scoredLeaves,
    passedLeaves,
  };
}
