import { describe, expect, it } from "vitest";
import { classify } from "../src/index.ts";
import { AreaCount } from "../src/overall.ts";
import { decisions2024, input2024 } from "./fixtures/assessments.ts";

const core = [1, 2, 3];
const essential = [4, 5, 6];

describe("the 3+1 rule (§5 rule 6)", () => {
  const matrix = core.flatMap((_, c) => [0, 1, 2, 3].map((e) => [c, e] as const)).concat(
    [0, 1, 2, 3].map((e) => [3, e] as const),
  );

  it.each(matrix)(
    "%i core and %i essential areas passing: passed only with all 3 core and at least 1 essential",
    async (corePassing, essentialPassing) => {
      const passingAreas = new Set([
        ...core.slice(0, corePassing),
        ...essential.slice(0, essentialPassing),
      ]);
      const responses = decisions2024((_, area) => (passingAreas.has(area) ? "met" : "unmet"));
      const { overall } = await classify(input2024({ responses }));
      expect(overall).toEqual({
        passed: corePassing === 3 && essentialPassing >= 1,
        coreAreasPassed: corePassing,
        essentialAreasPassed: essentialPassing,
      });
    },
  );

  it("the matrix covers every combination of 0–3 core and 0–3 essential passes", () => {
    expect(matrix).toHaveLength(16);
  });

  it("a catalog without core areas never passes", () => {
    const count = new AreaCount();
    count.add("essential", true);
    expect(count.verdict()).toEqual({ passed: false, coreAreasPassed: 0, essentialAreasPassed: 1 });
  });

  it("a core area that fails stops the verdict, whatever order the areas come in", () => {
    const count = new AreaCount();
    count.add("essential", true);
    count.add("core", true);
    count.add("core", false);
    count.add("core", true);
    expect(count.verdict()).toEqual({ passed: false, coreAreasPassed: 2, essentialAreasPassed: 1 });
  });
});
