import { describe, expect, it } from "vitest";
import { leafCompleteness, slotLayout } from "../src/completeness.ts";
import { type CatalogSlot, classify } from "../src/index.ts";
import { leaf } from "./fixtures/assessments.ts";

/** Completeness of `slots` with one live file in each slot named in `uploaded`. */
const completeness = (slots: CatalogSlot[], uploaded: Set<string>) =>
  leafCompleteness(slotLayout(slots), slots.map((slot) => (uploaded.has(slot.key) ? 1 : 0)));

const shared = (key: string) => ({ key, optionGroup: null });
const option = (key: string, optionGroup: string) => ({ key, optionGroup });

describe("leaf completeness (§5 rule 1, §5.6)", () => {
  it("a leaf is complete when every shared slot has a live MOV", () => {
    expect(completeness([shared("a"), shared("b")], new Set(["a", "b"]))).toEqual({
      complete: true,
      missingSlots: [],
      satisfiedOption: null,
    });
  });

  it("a shared slot without a live MOV makes the leaf incomplete and is named", () => {
    expect(completeness([shared("a"), shared("b")], new Set(["a"]))).toEqual({
      complete: false,
      missingSlots: ["b"],
      satisfiedOption: null,
    });
  });

  it("one whole option group suffices", () => {
    const slots = [shared("report"), option("p1", "A"), option("p2", "A"), option("f1", "B")];
    expect(completeness(slots, new Set(["report", "f1"]))).toEqual({
      complete: true,
      missingSlots: [],
      satisfiedOption: "B",
    });
  });

  it("the first satisfied option group in catalog order is reported", () => {
    const slots = [option("a", "A"), option("b", "B")];
    expect(completeness(slots, new Set(["a", "b"])).satisfiedOption).toBe("A");
  });

  it("a satisfied option group does not excuse a missing shared slot", () => {
    const slots = [shared("report"), option("p1", "A")];
    expect(completeness(slots, new Set(["p1"]))).toEqual({
      complete: false,
      missingSlots: ["report"],
      satisfiedOption: "A",
    });
  });

  it("slots spread over several option groups do not add up to a complete group", () => {
    const slots = [option("p1", "A"), option("p2", "A"), option("f1", "B"), option("f2", "B")];
    expect(completeness(slots, new Set(["p1", "f1"])).complete).toBe(false);
  });

  it("without a satisfied group the missing slots name the option group closest to complete", () => {
    const slots = [
      shared("s"),
      option("p1", "A"),
      option("p2", "A"),
      option("f1", "B"),
      option("f2", "B"),
    ];
    expect(completeness(slots, new Set(["f2"])).missingSlots).toEqual(["s", "f1"]);
  });

  it("a leaf without upload slots is complete", () => {
    expect(completeness([], new Set()).complete).toBe(true);
  });

  it("a MOV in a slot the leaf does not have completes nothing", () => {
    expect(completeness([shared("a")], new Set(["b"])).complete).toBe(false);
  });
});

describe("leaves with many slots, classified", () => {
  const slots = Array.from({ length: 40 }, (_, i) => shared(`s${i}`));
  const catalog = {
    areas: [{ code: 1, kind: "core" as const }],
    indicators: [{
      code: "1.1",
      area: 1,
      isBbi: false,
      isProfilingOnly: false,
      leaves: [leaf({ code: "1.1.1", slots })],
    }],
  };
  const withFiles = (keys: string[]) =>
    classify({
      catalog,
      responses: [],
      indicatorOverrides: [],
      movs: keys.map((slotKey) => ({ leafCode: "1.1.1", slotKey })),
    });

  it("a leaf of 40 slots is complete only when slot 35 has a file too", async () => {
    const keys = slots.map((slot) => slot.key);
    expect((await withFiles(keys)).leaves[0].completeness.complete).toBe(true);
    const without35 = keys.filter((key) => key !== "s35");
    expect((await withFiles(without35)).leaves[0].completeness).toEqual({
      complete: false,
      missingSlots: ["s35"],
      satisfiedOption: null,
    });
    const without3 = keys.filter((key) => key !== "s3");
    expect((await withFiles(without3)).leaves[0].completeness.missingSlots).toEqual(["s3"]);
  });

  it("its failures name the slot it misses, however many slots it has", async () => {
    const keys = slots.map((slot) => slot.key);
    const failures = async (uploaded: string[]) =>
      (await withFiles(uploaded)).areas[0].failures.map((failure) => failure.reason);
    expect(await failures(keys.filter((key) => key !== "s35"))).toEqual([
      "missing_mov:s35",
      "no_decision",
    ]);
    expect(await failures(keys.filter((key) => key !== "s3"))).toEqual([
      "missing_mov:s3",
      "no_decision",
    ]);
    expect(await failures(keys)).toEqual(["no_decision"]);
  });
});
