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

/** The share of the BBI's scored leaves that pass, rated; profiling leaves are never counted. */
export function bbiFunctionality(scoredLeaves: number, passedLeaves: number): BbiFunctionality {
  const share = scoredLeaves === 0 ? 0 : passedLeaves / scoredLeaves;
  return { scoredLeaves, passedLeaves, share, rating: rateShare(share) };
}
