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

export function bbiFunctionality(
  leaves: readonly { scored: boolean; passes: boolean }[],
): BbiFunctionality {
  const scored = leaves.filter((leaf) => leaf.scored);
  const passedLeaves = scored.filter((leaf) => leaf.passes).length;
  const share = scored.length === 0 ? 0 : passedLeaves / scored.length;
  return { scoredLeaves: scored.length, passedLeaves, share, rating: rateShare(share) };
}
