import { describe, expect, it } from "vitest";
import { capdevPlan, fewestFixesToPass } from "../src/capdev.ts";
import { type ClassificationResult, classifySync, type IndicatorOverride } from "../src/index.ts";
import { allMovs2024, decisions2024, input2024 } from "./fixtures/assessments.ts";

/** The official result of a 2024 assessment with every MOV, the listed leaves Unmet, the rest Met. */
function resultWith(
  unmet: string[],
  indicatorOverrides: IndicatorOverride[] = [],
  movs = allMovs2024(),
): ClassificationResult {
  const responses = decisions2024((code) => (unmet.includes(code) ? "unmet" : "met"));
  return classifySync(input2024({ responses, indicatorOverrides, movs }));
}

const ranked = (result: ClassificationResult) =>
  capdevPlan(result).items.map(({ rank, priority, leafCode, inFewestFixes }) => ({
    rank,
    priority,
    leafCode,
    inFewestFixes,
  }));

describe("fewest fixes to pass (3+1)", () => {
  it("a core area failing by one leaf comes before an essential area failing by two", () => {
    // Area 1 fails by 1.3.1; area 4 by 4.1.1 and 4.4.1; areas 5 and 6 pass.
    const result = resultWith(["4.4.1", "1.3.1", "4.1.1"]);
    expect(result.overall.passed).toBe(false);
    expect(fewestFixesToPass(result)).toEqual({
      passable: true,
      fixes: 1,
      areas: [1],
      leafCodes: ["1.3.1"],
      indicatorCodes: [],
    });
    expect(ranked(result)).toEqual([
      { rank: 1, priority: "core", leafCode: "1.3.1", inFewestFixes: true },
      { rank: 2, priority: "other", leafCode: "4.1.1", inFewestFixes: false },
      { rank: 3, priority: "other", leafCode: "4.4.1", inFewestFixes: false },
    ]);
  });

  it("with every essential area failing, the one needing the fewest fixes flips the result", () => {
    // Area 4 fails by three leaves, area 5 by one, area 6 by two; the core areas pass.
    const result = resultWith(["4.1.1", "4.3.1", "4.8.1", "5.3.1", "6.1.1", "6.3.1"]);
    expect(fewestFixesToPass(result)).toMatchObject({ fixes: 1, areas: [5], leafCodes: ["5.3.1"] });
    expect(ranked(result)).toEqual([
      { rank: 1, priority: "flip", leafCode: "5.3.1", inFewestFixes: true },
      { rank: 2, priority: "other", leafCode: "6.1.1", inFewestFixes: false },
      { rank: 3, priority: "other", leafCode: "6.3.1", inFewestFixes: false },
      { rank: 4, priority: "other", leafCode: "4.1.1", inFewestFixes: false },
      { rank: 5, priority: "other", leafCode: "4.3.1", inFewestFixes: false },
      { rank: 6, priority: "other", leafCode: "4.8.1", inFewestFixes: false },
    ]);
  });

  it("failing core areas and every essential one: all the core fixes plus the cheapest essential area", () => {
    const result = resultWith(["2.3.1", "2.3.2", "3.6.1", "4.1.1", "5.1.1", "5.3.1", "6.2.1"]);
    expect(fewestFixesToPass(result)).toMatchObject({
      fixes: 4,
      areas: [2, 3, 4],
      leafCodes: ["2.3.1", "2.3.2", "3.6.1", "4.1.1"],
    });
    // Core areas first, the one needing fewer fixes (3, one leaf) before area 2 (two).
    expect(ranked(result).map((item) => [item.leafCode, item.priority])).toEqual([
      ["3.6.1", "core"],
      ["2.3.1", "core"],
      ["2.3.2", "core"],
      ["4.1.1", "flip"],
      ["6.2.1", "other"],
      ["5.1.1", "other"],
      ["5.3.1", "other"],
    ]);
  });

  it("essential areas tied on fixes: the lower area code is chosen", () => {
    const result = resultWith(["4.1.1", "4.3.1", "5.3.1", "6.3.1"]);
    expect(fewestFixesToPass(result)).toMatchObject({ fixes: 1, areas: [5] });
  });

  it("an indicator declared Unmet is one fix for all its passing leaves", () => {
    // 2.2's three leaves are Met but the indicator is declared Unmet; area 6 fails by two leaves.
    const result = resultWith(["6.1.1", "6.3.1"], [{ indicatorCode: "2.2", decision: "unmet" }]);
    expect(fewestFixesToPass(result)).toEqual({
      passable: true,
      fixes: 1,
      areas: [2],
      leafCodes: [],
      indicatorCodes: ["2.2"],
    });
    const plan = capdevPlan(result);
    expect(plan.items.slice(0, 3).map((item) => [item.leafCode, item.reasons, item.answers]))
      .toEqual([
        ["2.2.1", ["parent_unmet"], "parent_unmet"],
        ["2.2.2", ["parent_unmet"], "parent_unmet"],
        ["2.2.3", ["parent_unmet"], "parent_unmet"],
      ]);
    expect(plan.items.slice(3).map((item) => item.answers)).toEqual(["unmet", "unmet"]);
    expect(plan.items.slice(3).map((item) => item.priority)).toEqual(["other", "other"]);
  });

  it("a failing leaf under an Unmet indicator is a fix of its own, besides the indicator", () => {
    const result = resultWith(["2.2.1"], [{ indicatorCode: "2.2", decision: "unmet" }]);
    expect(fewestFixesToPass(result)).toMatchObject({
      fixes: 2,
      leafCodes: ["2.2.1"],
      indicatorCodes: ["2.2"],
    });
  });

  it("a barangay that passes needs no fix, and its failing essential leaves come as other", () => {
    const result = resultWith(["4.1.1"]);
    expect(result.overall.passed).toBe(true);
    expect(fewestFixesToPass(result)).toMatchObject({ passable: true, fixes: 0, areas: [] });
    expect(ranked(result)).toEqual([
      { rank: 1, priority: "other", leafCode: "4.1.1", inFewestFixes: false },
    ]);
  });

  it("an area without a scored leaf cannot be fixed: no set of fixes passes", () => {
    const result = resultWith(["1.1.1"]);
    const unfixable: ClassificationResult = {
      ...result,
      areas: result.areas.map((area) =>
        area.code === 2 ? { ...area, passes: false, scoredLeaves: 0, passedLeaves: 0 } : area
      ),
    };
    expect(fewestFixesToPass(unfixable)).toEqual({
      passable: false,
      fixes: null,
      areas: [],
      leafCodes: [],
      indicatorCodes: [],
    });
  });
});

describe("the agenda's items", () => {
  it("lists a leaf once, with its missing MOVs, its reason and its shortfalls", () => {
    const movs = allMovs2024().filter((mov) => mov.leafCode !== "1.1.1");
    const result = resultWith(["1.1.1"], [], movs);
    const [item] = capdevPlan(result).items;
    expect(item).toMatchObject({
      rank: 1,
      leafCode: "1.1.1",
      indicatorCode: "1.1",
      area: 1,
      areaKind: "core",
      reasons: [
        "missing_mov:bfdp_monitoring_form",
        "missing_mov:photo_documentation_bfdp",
        "unmet",
      ],
      answers: "unmet",
      missingSlots: ["bfdp_monitoring_form", "photo_documentation_bfdp"],
    });
    expect(capdevPlan(result).items).toHaveLength(1);
  });

  it("every failing leaf of every area is listed exactly once", () => {
    const unmet = ["1.1.1", "2.1.4", "3.3.1", "4.5.6", "5.2.2", "6.1.4"];
    const plan = capdevPlan(resultWith(unmet, [{ indicatorCode: "3.3", decision: "unmet" }]));
    const listed = plan.items.map((item) => item.leafCode);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(
      [...unmet, "3.3.2", "3.3.3", "3.3.4"].sort(),
    );
    expect(plan.items.map((item) => item.rank)).toEqual(listed.map((_, i) => i + 1));
  });
});
