import { describe, expect, it } from "vitest";
import { areaPasses } from "../src/area.ts";
import { classify } from "../src/index.ts";
import { decisions2024, input2024, leaves2024 } from "./fixtures/assessments.ts";

describe("area verdict (§5 rule 5)", () => {
  it("an area passes when every scored leaf passes and no parent is explicitly unmet", () => {
    expect(areaPasses(2, 2, false)).toBe(true);
  });

  it("one failing scored leaf fails the area", () => {
    expect(areaPasses(2, 1, false)).toBe(false);
  });

  it("an explicitly unmet parent fails the area", () => {
    expect(areaPasses(1, 1, true)).toBe(false);
  });

  it("an area without scored leaves fails", () => {
    expect(areaPasses(0, 0, false)).toBe(false);
  });

  it("a leaf without a decision fails its area in the 2024 catalog", async () => {
    const responses = decisions2024((code) => (code === "2.2.1" ? null : "met"));
    const result = await classify(input2024({ responses }));
    expect(result.areas.map((area) => area.passes)).toEqual([true, false, true, true, true, true]);
  });

  it("area 4 of the 2024 catalog passes without any decision on its profiling leaves", async () => {
    const profilingOnly = new Set(leaves2024.filter((l) => !l.scored).map((l) => l.leaf.code));
    expect([...profilingOnly]).toEqual([
      "4.1.7",
      "4.2.2",
      "4.9.1",
      "4.9.2",
      "4.9.3",
      "4.9.4",
      "4.9.5",
    ]);
    const responses = decisions2024((code) => (profilingOnly.has(code) ? null : "met"));
    const result = await classify(input2024({ responses }));
    expect(result.areas.find((area) => area.code === 4)?.passes).toBe(true);
  });
});
