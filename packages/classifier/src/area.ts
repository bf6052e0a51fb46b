/**
 * §5 rule 5, area: every scored leaf passes and no parent is explicitly Unmet; no scored leaf
 * means fail. Profiling leaves are never counted (`classify` tallies scored leaves only).
 */
export function areaPasses(
  scoredLeaves: number,
  passedLeaves: number,
  hasExplicitUnmetParent: boolean,
): boolean {
  return scoredLeaves > 0 && passedLeaves === scoredLeaves && !hasExplicitUnmetParent;
}
