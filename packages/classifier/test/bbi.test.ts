import { describe, expect, it } from "vitest";
import { bbiFunctionality, rateShare } from "../src/bbi.ts";
import { classify } from "../src/index.ts";
import { decisions2024, input2024, leaves2024 } from "./fixtures/assessments.ts";

describe("BBI functionality (§5 rule 7)", () => {
  it.each(
    [
      [1, "highly_functional"],
      [0.75, "highly_functional"],
      [0.7499, "moderately_functional"],
      [0.5, "moderately_functional"],
      [0.4999, "low_functional"],
      [0.01, "low_functional"],
      [0, "non_functional"],
    ] as const,
  )("a share of %f is %s", (share, rating) => {
    expect(rateShare(share)).toBe(rating);
  });

  it("the share is the passing part of the scored leaves", () => {
    expect(bbiFunctionality(4, 3)).toEqual({
      scoredLeaves: 4,
      passedLeaves: 3,
      share: 0.75,
      rating: "highly_functional",
    });
  });

  it("a BBI without scored leaves is non-functional", () => {
    expect(bbiFunctionality(0, 0).rating).toBe("non_functional");
  });

  it("every BBI of the 2024 catalog is rated, in catalog order", async () => {
    const bbiCodes = ["2.1", "3.1", "3.2", "4.1", "4.3", "4.5", "6.1"];
    const responses = decisions2024((code) => (code.startsWith("3.1.") ? "unmet" : "met"));
    const { bbis } = await classify(input2024({ responses }));
    expect(bbis.map((bbi) => bbi.indicatorCode)).toEqual(bbiCodes);
    expect(bbis.find((bbi) => bbi.indicatorCode === "3.1")?.rating).toBe("non_functional");
    const leavesOf41 = leaves2024.filter((l) => l.indicator.code === "4.1" && l.scored).length;
    expect(bbis.find((bbi) => bbi.indicatorCode === "4.1")).toEqual({
      indicatorCode: "4.1",
      scoredLeaves: leavesOf41,
      passedLeaves: leavesOf41,
      share: 1,
      rating: "highly_functional",
    });
  });
});
