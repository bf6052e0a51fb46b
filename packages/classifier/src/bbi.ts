/** §5 rule 7, BBI functionality: the share of the BBI's scored leaves that pass, rated by bands. */
export type BbiRating =
  | "highly_functional"
  | "moderately_functional"
  | "low_functional"
  | "non_functional";
export type BbiFunctionality = {
  scoredLeaves: number;
  passedLeaves: number;
  share: number;
  rating: BbiRating;
};

export function rateShare(share: number): BbiRating {
  if (share >= 0.75) return "highly_functional";
  if (share >= 0.5) return "moderately_functional";
  if (share > 0) return "low_functional";
  return "non_functional";
}

export function bbiFromTally(scoredLeaves: number, passedLeaves: number): BbiFunctionality {
  const share = scoredLeaves === 0 ? 0 : passedLeaves / scoredLeaves;
  return { scoredLeaves, passedLeaves, share, rating: rateShare(share) };
}

/** The BBI's leaves are `leaves[from]` to `leaves[to - 1]`. */
export function bbiFunctionality(
  leaves: readonly { scored: boolean; passes: boolean }[],
  from = 0,
  to = leaves.length,
): BbiFunctionality {
  let scoredLeaves = 0;
  let passedLeaves = 0;
  for (let i = from; i < to; i++) {
    const leaf = leaves[i];
    if (!leaf.scored) continue;
    scoredLeaves += 1;
    if (leaf.passes) passedLeaves += 1;
  }
  return bbiFromTally(scoredLeaves, passedLeaves);
}
