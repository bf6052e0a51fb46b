/** §5 rule 5, area: every scored leaf passes and no parent is explicitly Unmet; no scored leaf means fail. */
export type AreaLeaf = { scored: boolean; passes: boolean };
export type AreaTally = { passes: boolean; scoredLeaves: number; passedLeaves: number };

const officially = (leaf: AreaLeaf) => leaf.passes;

export function areaPasses(
  scoredLeaves: number,
  passedLeaves: number,
  hasExplicitUnmetParent: boolean,
): boolean {
  return scoredLeaves > 0 && passedLeaves === scoredLeaves && !hasExplicitUnmetParent;
}

/**
 * `passes` reads a leaf's verdict: the official one unless told otherwise (the projection's). The
 * area's leaves are all of `leaves`, or those at `positions`.
 */
export function decideArea<Leaf extends { scored: boolean }>(
  leaves: readonly Leaf[],
  hasExplicitUnmetParent: boolean,
  passes: (leaf: Leaf) => boolean = officially as unknown as (leaf: Leaf) => boolean,
  positions?: readonly number[],
): AreaTally {
  let scoredLeaves = 0;
  let passedLeaves = 0;
  const count = positions === undefined ? leaves.length : positions.length;
  for (let i = 0; i < count; i++) {
    const leaf = leaves[positions === undefined ? i : positions[i]];
    if (!leaf.scored) continue;
    scoredLeaves += 1;
    if (passes(leaf)) passedLeaves += 1;
  }
  return {
    passes: areaPasses(scoredLeaves, passedLeaves, hasExplicitUnmetParent),
    scoredLeaves,
    passedLeaves,
  };
}
