import { describe, expect, it } from "vitest";
import { classify } from "../src/index.ts";
import { projectLeaf, readinessPercent } from "../src/projection.ts";
import { allMovs2024, input2024, leaves2024 } from "./fixtures/assessments.ts";

const complete = { complete: true, missingSlots: [], satisfiedOption: null };
const incomplete = { complete: false, missingSlots: ["a"], satisfiedOption: null };

describe("projection (§5 rule 8)", () => {
  it("a decision is projected first", () => {
    expect(projectLeaf("unmet", "met", true, complete)).toEqual({
      projected: "unmet",
      projectedFrom: "decision",
    });
    expect(projectLeaf("considered", "unmet", false, incomplete)).toEqual({
      projected: "met",
      projectedFrom: "decision",
    });
  });

  it("without a decision, a reviewed leaf is projected from its recommendation", () => {
    expect(projectLeaf("no_decision", "unmet", true, complete)).toEqual({
      projected: "unmet",
      projectedFrom: "recommendation",
    });
  });

  it("without a decision or reviewer values, completeness decides", () => {
    expect(projectLeaf("no_decision", "unmet", false, complete)).toEqual({
      projected: "met",
      projectedFrom: "completeness",
    });
    expect(projectLeaf("no_decision", "met", false, incomplete).projected).toBe("unmet");
  });

  it("only non-null checklist values count as reviewer values", async () => {
    const projectedFrom = async (checklist: Record<string, boolean | null>) => {
      const responses = [{ leafCode: "1.1.1", checklist, decision: null, override: null }];
      const result = await classify(input2024({ responses, movs: allMovs2024() }));
      return result.leaves.find((leaf) => leaf.code === "1.1.1")?.projectedFrom;
    };
    expect(await projectedFrom({})).toBe("completeness");
    expect(await projectedFrom({ "1_1_1_a": null, "1_1_1_b": null })).toBe("completeness");
    expect(await projectedFrom({ "1_1_1_a": null, "1_1_1_b": false })).toBe("recommendation");
  });

  it("readiness is the share of scored leaves projected met, with one decimal", () => {
    expect(readinessPercent(3, 1)).toBe(33.3);
    expect(readinessPercent(0, 0)).toBe(0);
  });

  it("a barangay with every MOV uploaded and nothing reviewed is projected to pass, labelled as a projection", async () => {
    const result = await classify(input2024({ movs: allMovs2024() }));
    expect(result.projection).toMatchObject({
      kind: "projection",
      passed: true,
      readinessPercent: 100,
    });
    expect(result.overall.passed).toBe(false);
  });

  it("readiness over the 2024 catalog counts one leaf in 77", async () => {
    const scored = leaves2024.filter((l) => l.scored);
    const first = scored[0].leaf;
    const movs = first.slots.map((slot) => ({ leafCode: first.code, slotKey: slot.key }));
    const result = await classify(input2024({ movs }));
    expect(result.projection.readinessPercent).toBe(Math.round(1000 / scored.length) / 10);
  });
});
