import { describe, expect, it } from "vitest";
import { decideIndicator } from "../src/indicator.ts";

const passing = { scored: true, passes: true };
const failing = { scored: true, passes: false };
const profiling = { scored: false, passes: false };

describe("parent indicator (§5 rule 4)", () => {
  it("a parent passes when all of its scored leaves pass", () => {
    expect(decideIndicator([passing, passing], undefined)).toEqual({
      passes: true,
      explicitUnmet: false,
    });
  });

  it("one failing scored leaf fails the parent", () => {
    expect(decideIndicator([passing, failing], undefined).passes).toBe(false);
  });

  it("profiling leaves do not count", () => {
    expect(decideIndicator([passing, profiling], undefined).passes).toBe(true);
  });

  it("an explicit parent-level unmet fails a parent whose leaves all pass", () => {
    expect(decideIndicator([passing], "unmet")).toEqual({ passes: false, explicitUnmet: true });
  });

  it("an explicit parent-level met cannot lift a failing leaf", () => {
    expect(decideIndicator([failing], "met")).toEqual({ passes: false, explicitUnmet: false });
  });

  it("a parent without scored leaves does not pass", () => {
    expect(decideIndicator([profiling], undefined).passes).toBe(false);
  });
});
