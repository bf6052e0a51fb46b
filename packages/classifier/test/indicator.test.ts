import { describe, expect, it } from "vitest";
import { indicatorVerdict } from "../src/indicator.ts";
import { classify } from "../src/index.ts";
import { decisions2024, input2024, leaves2024 } from "./fixtures/assessments.ts";

describe("parent indicator (§5 rule 4)", () => {
  it("a parent passes when all of its scored leaves pass", () => {
    expect(indicatorVerdict(2, 2, undefined)).toEqual({ passes: true, explicitUnmet: false });
  });

  it("one failing scored leaf fails the parent", () => {
    expect(indicatorVerdict(2, 1, undefined).passes).toBe(false);
  });

  it("an explicit parent-level unmet fails a parent whose leaves all pass", () => {
    expect(indicatorVerdict(1, 1, "unmet")).toEqual({ passes: false, explicitUnmet: true });
  });

  it("an explicit parent-level met cannot lift a failing leaf", () => {
    expect(indicatorVerdict(1, 0, "met")).toEqual({ passes: false, explicitUnmet: false });
  });

  it("a parent without scored leaves does not pass", () => {
    expect(indicatorVerdict(0, 0, undefined).passes).toBe(false);
  });

  it("profiling leaves do not count: 4.1 passes with its profiling leaf 4.1.7 undecided, 4.9 never passes", async () => {
    const profiling = new Set(leaves2024.filter((l) => !l.scored).map((l) => l.leaf.code));
    expect(profiling.has("4.1.7")).toBe(true);
    const responses = decisions2024((code) => (profiling.has(code) ? null : "met"));
    const { indicators } = await classify(input2024({ responses }));
    expect(indicators.find((indicator) => indicator.code === "4.1")?.passes).toBe(true);
    expect(indicators.find((indicator) => indicator.code === "4.9")?.passes).toBe(false);
    const allMet = await classify(input2024({ responses: decisions2024(() => "met") }));
    expect(allMet.indicators.find((indicator) => indicator.code === "4.9")?.passes).toBe(false);
  });
});
