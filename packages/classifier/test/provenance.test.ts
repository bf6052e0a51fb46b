import { describe, expect, it } from "vitest";
import { CLASSIFIER_VERSION, classify } from "../src/index.ts";
import { canonicalAssessment, canonicalJson, inputHash, sha256Hex } from "../src/provenance.ts";
import { allMovs2024, decisions2024, input2024 } from "./fixtures/assessments.ts";

describe("provenance (§5.10)", () => {
  it("the canonical encoding sorts object keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: "x" }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
  });

  it("absent fields encode like missing keys", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe(canonicalJson({ b: 1 }));
  });

  it("the hash is the SHA-256 of the text in hex", async () => {
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("the order of rows and of checklist keys does not change the canonical assessment", () => {
    const response = (leafCode: string, checklist: Record<string, boolean>) => ({
      leafCode,
      checklist,
      decision: null,
      override: null,
    });
    const forward = {
      responses: [response("2.1.1", { b: true, a: false }), response("1.1.1", {})],
      indicatorOverrides: [{ indicatorCode: "2.1", decision: "met" as const }, {
        indicatorCode: "1.1",
        decision: "unmet" as const,
      }],
      movs: [{ leafCode: "1.1.1", slotKey: "b" }, { leafCode: "1.1.1", slotKey: "a" }],
    };
    const backward = {
      responses: [response("1.1.1", {}), response("2.1.1", { a: false, b: true })],
      indicatorOverrides: [...forward.indicatorOverrides].reverse(),
      movs: [...forward.movs].reverse(),
    };
    expect(JSON.stringify(canonicalAssessment(backward))).toBe(
      JSON.stringify(canonicalAssessment(forward)),
    );
    expect(canonicalAssessment(forward)).toEqual([
      [["1.1.1", null, null, []], ["2.1.1", null, null, [["a", false], ["b", true]]]],
      [["1.1", "unmet"], ["2.1", "met"]],
      [["1.1.1", "a"], ["1.1.1", "b"]],
    ]);
  });

  it("the input hash depends on the catalog", async () => {
    const assessment = { responses: [], indicatorOverrides: [], movs: [] };
    expect(await inputHash("a".repeat(64), assessment)).not.toBe(
      await inputHash("b".repeat(64), assessment),
    );
  });

  it("a result carries the classifier version and the same hash for reordered rows", async () => {
    const responses = decisions2024(() => "met");
    const movs = allMovs2024();
    const forward = await classify(input2024({ responses, movs }));
    const reversed = await classify(
      input2024({ responses: [...responses].reverse(), movs: [...movs].reverse() }),
    );
    expect(forward.classifierVersion).toBe(CLASSIFIER_VERSION);
    expect(forward.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(reversed).toEqual(forward);
  });

  it("a changed decision changes the hash", async () => {
    const met = await classify(input2024({ responses: decisions2024(() => "met") }));
    const unmet = await classify(input2024({
      responses: decisions2024((code) => (code === "6.2.1" ? "unmet" : "met")),
    }));
    expect(unmet.inputHash).not.toBe(met.inputHash);
  });

  it("an equal catalog in another object hashes the same", async () => {
    const copy = structuredClone(input2024().catalog);
    const original = await classify(input2024());
    expect((await classify({ ...input2024(), catalog: copy })).inputHash).toBe(original.inputHash);
  });
});
