import type { AreaKind } from "./schema.ts";

/** §5 rule 6, the 3+1 rule: every core area passes and at least one essential area passes. */
export type OverallVerdict = {
  passed: boolean;
  coreAreasPassed: number;
  essentialAreasPassed: number;
};

/** What the 3+1 rule reads of an area: its kind and whether it passes. */
export type AreaVerdict = { kind: AreaKind; passes: boolean };

export function decideOverall(areas: readonly AreaVerdict[]): OverallVerdict {
  let coreAreas = 0;
  let coreAreasPassed = 0;
  let essentialAreasPassed = 0;
  for (let i = 0; i < areas.length; i++) {
    const area = areas[i];
    if (area.kind === "core") {
      coreAreas += 1;
      if (area.passes) coreAreasPassed += 1;
    } else if (area.passes) essentialAreasPassed += 1;
  }
  return {
    passed: coreAreas > 0 && coreAreasPassed === coreAreas && essentialAreasPassed >= 1,
    coreAreasPassed,
    essentialAreasPassed,
  };
}
