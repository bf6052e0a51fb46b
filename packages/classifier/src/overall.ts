import type { AreaKind } from "./schema.ts";

/** §5 rule 6, the 3+1 rule: every core area passes and at least one essential area passes. */
export type OverallVerdict = {
  passed: boolean;
  coreAreasPassed: number;
  essentialAreasPassed: number;
};

/**
 * The 3+1 rule over areas counted one at a time, as they are decided: the classifier keeps one
 * count for the official verdict and one for the projection, instead of walking its areas again.
 */
export class AreaCount {
  private coreAreas = 0;
  private coreAreasPassed = 0;
  private essentialAreasPassed = 0;

  add(kind: AreaKind, passes: boolean): void {
    if (kind === "core") {
      this.coreAreas += 1;
      if (passes) this.coreAreasPassed += 1;
    } else if (passes) this.essentialAreasPassed += 1;
  }

  verdict(): OverallVerdict {
    const { coreAreas, coreAreasPassed, essentialAreasPassed } = this;
    return {
      passed: coreAreas > 0 && coreAreasPassed === coreAreas && essentialAreasPassed >= 1,
      coreAreasPassed,
      essentialAreasPassed,
    };
  }
}
