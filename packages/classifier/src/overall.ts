import type { AreaKind } from "./schema.ts";

/** §5 rule 6, the 3+1 rule: every core area passes and at least one essential area passes. */
export type OverallVerdict = {
  passed: boolean;
  coreAreasPassed: number;
  essentialAreasPassed: number;
};

export function decideOverall(
  areas: readonly { kind: AreaKind; passes: boolean }[],
): OverallVerdict {
  const core = areas.filter((area) => area.kind === "core");
  const coreAreasPassed = core.filter((area) => area.passes).length;
  const essentialAreasPassed =
    areas.filter((area) => area.kind === "essential" && area.passes).length;
  return {
    passed: core.length > 0 && coreAreasPassed === core.length && essentialAreasPassed >= 1,
    coreAreasPassed,
    essentialAreasPassed,
  };
}
