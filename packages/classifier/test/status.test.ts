import { describe, expect, it } from "vitest";
import { ClassifierInputError, classify } from "../src/index.ts";
import {
  assertConsiderationAllowed,
  leafStatus,
  responseCode,
  responseStatus,
  statusPasses,
} from "../src/status.ts";
import { decisionSchema } from "../src/schema.ts";
import { input2024, leaf } from "./fixtures/assessments.ts";

describe("leaf status (§5 rule 3)", () => {
  it("the status is the validator's decision", () => {
    expect(leafStatus("unmet", null)).toBe("unmet");
  });

  it("the MLGOO override wins over the validator's decision", () => {
    expect(leafStatus("unmet", "met")).toBe("met");
    expect(leafStatus("met", "unmet")).toBe("unmet");
  });

  it("a leaf without a decision or override (or without a response) has no decision", () => {
    expect(leafStatus(null, null)).toBe("no_decision");
  });

  it("a response kept as its code has the status of its decision and override", () => {
    const decisions = [null, ...decisionSchema.options];
    const codes = new Set<number>();
    for (const decision of decisions) {
      for (const override of decisions) {
        const code = responseCode(decision, override);
        codes.add(code);
        expect(responseStatus(code)).toBe(leafStatus(decision, override));
      }
    }
    expect(codes.size).toBe(decisions.length ** 2);
    expect(codes.has(0)).toBe(false);
    expect(responseStatus(0)).toBe("no_decision");
  });

  it("met and considered pass; unmet and no decision do not", () => {
    expect(["met", "considered", "unmet", "no_decision"].map((s) => statusPasses(s as never)))
      .toEqual([true, true, false, false]);
  });
});

describe("the Considered guard", () => {
  it("considered is allowed on a leaf with a consideration rule", () => {
    expect(() =>
      assertConsiderationAllowed(
        leaf({ hasConsiderationRule: true }),
        { decision: "considered", override: "considered" },
        "r",
      )
    ).not.toThrow();
  });

  it("considered is refused on a leaf without a consideration rule, naming the field", () => {
    const refused = () =>
      assertConsiderationAllowed(
        leaf(),
        { decision: null, override: "considered" },
        "responses[2]",
      );
    expect(refused).toThrow(ClassifierInputError);
    expect(refused).toThrow(/^responses\[2\]\.override: /);
  });

  it("classify refuses a considered decision on 1.1.1 and accepts it on 1.3.1", async () => {
    const responses = [
      { leafCode: "1.3.1", checklist: {}, decision: "considered" as const, override: null },
      { leafCode: "1.1.1", checklist: {}, decision: "considered" as const, override: null },
    ];
    await expect(classify(input2024({ responses }))).rejects.toMatchObject({
      field: "responses[1].decision",
    });
    const accepted = await classify(input2024({ responses: responses.slice(0, 1) }));
    expect(accepted.leaves.find((l) => l.code === "1.3.1")).toMatchObject({
      status: "considered",
      passes: true,
    });
  });
});
