import { describe, expect, it } from "vitest";
import {
  appendFailures,
  type HowItFails,
  leafReasons,
  officialFailure,
  projectedFailure,
} from "../src/explain.ts";
import { classify, type Failure, type LeafResult } from "../src/index.ts";
import { decisions2024, input2024, leaf2024 } from "./fixtures/assessments.ts";

/** What the classifier appends to an area's list for one scored leaf failing as `fails`. */
function failuresOf(leaf: LeafResult, fails: HowItFails, parentUnmet: boolean): Failure[] {
  const reasons = leafReasons(leaf.code, leaf.completeness.missingSlots);
  const missing = leaf.completeness.missingSlots.map((slot) =>
    reasons.missing.get(slot) as Failure
  );
  const into: Failure[] = [];
  appendFailures(into, fails, parentUnmet, missing, reasons);
  return into;
}
const officialFailures = (leaf: LeafResult, parentUnmet: boolean) =>
  failuresOf(leaf, officialFailure(leaf), parentUnmet);
const projectedFailures = (leaf: LeafResult, parentUnmet: boolean) =>
  failuresOf(leaf, projectedFailure(leaf), parentUnmet);

function leafResult(extra: Partial<LeafResult>): LeafResult {
  return {
    code: "1.1.1",
    indicatorCode: "1.1",
    area: 1,
    scored: true,
    completeness: { complete: true, missingSlots: [], satisfiedOption: null },
    recommendation: "met",
    shortfalls: [],
    status: "met",
    passes: true,
    projected: "met",
    projectedFrom: "decision",
    ...extra,
  };
}

const missing = { complete: false, missingSlots: ["photo", "form"], satisfiedOption: null };

describe("explanation reason codes (§5 rule 9)", () => {
  it("a leaf without a decision fails as no_decision, after its missing MOVs", () => {
    const leaf = leafResult({ status: "no_decision", passes: false, completeness: missing });
    expect(officialFailures(leaf, false).map((f) => f.reason)).toEqual([
      "missing_mov:photo",
      "missing_mov:form",
      "no_decision",
    ]);
  });

  it("a leaf decided unmet fails as unmet", () => {
    expect(officialFailures(leafResult({ status: "unmet", passes: false }), false)).toEqual([
      { leafCode: "1.1.1", reason: "unmet" },
    ]);
  });

  it("a passing leaf under an explicitly unmet parent fails as parent_unmet", () => {
    expect(officialFailures(leafResult({}), true)).toEqual([{
      leafCode: "1.1.1",
      reason: "parent_unmet",
    }]);
  });

  it("a passing leaf has no failure", () => {
    expect(officialFailures(leafResult({}), false)).toEqual([]);
  });

  it("a profiling leaf fails neither officially nor in the projection", () => {
    const profiling = leafResult({
      scored: false,
      passes: false,
      status: "no_decision",
      projected: "unmet",
      projectedFrom: "completeness",
      completeness: missing,
    });
    expect(officialFailure(profiling)).toBe(0);
    expect(projectedFailure(profiling)).toBe(0);
  });

  it("a leaf projected unmet from completeness fails only for its missing MOVs", () => {
    const leaf = leafResult({
      projected: "unmet",
      projectedFrom: "completeness",
      completeness: missing,
    });
    expect(projectedFailures(leaf, false).map((f) => f.reason)).toEqual([
      "missing_mov:photo",
      "missing_mov:form",
    ]);
  });

  it("a leaf projected unmet from its recommendation fails as unmet", () => {
    const leaf = leafResult({ projected: "unmet", projectedFrom: "recommendation" });
    expect(projectedFailures(leaf, false)).toEqual([{ leafCode: "1.1.1", reason: "unmet" }]);
  });

  it("a failing 2024 area names each failing leaf and only failing areas list failures", async () => {
    const slot = leaf2024("1.1.1").slots[0].key;
    const responses = decisions2024((
      code,
    ) => (code === "1.1.1" ? "unmet" : code === "1.2.1" ? null : "met"));
    const result = await classify(
      input2024({ responses, indicatorOverrides: [{ indicatorCode: "2.2", decision: "unmet" }] }),
    );
    const area1 = result.areas[0].failures;
    expect(area1).toContainEqual({ leafCode: "1.1.1", reason: `missing_mov:${slot}` });
    expect(area1).toContainEqual({ leafCode: "1.1.1", reason: "unmet" });
    expect(area1).toContainEqual({ leafCode: "1.2.1", reason: "no_decision" });
    expect(
      result.areas[1].failures.every((f) =>
        f.reason === "parent_unmet" && f.leafCode.startsWith("2.2.")
      ),
    )
      .toBe(true);
    expect(result.areas.slice(2).every((area) => area.passes && area.failures.length === 0)).toBe(
      true,
    );
  });

  it("an explicitly unmet parent lists its scored leaves as parent_unmet, never its profiling leaf", async () => {
    const responses = decisions2024(() => "met");
    const result = await classify(
      input2024({ responses, indicatorOverrides: [{ indicatorCode: "4.2", decision: "unmet" }] }),
    );
    const area4 = result.areas.find((area) => area.code === 4);
    expect(area4?.failures).toEqual(
      ["4.2.1", "4.2.3", "4.2.4"].map((leafCode) => ({ leafCode, reason: "parent_unmet" })),
    );
  });
});
