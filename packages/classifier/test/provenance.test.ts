import { describe, expect, it } from "vitest";
import { CLASSIFIER_VERSION, classify } from "../src/index.ts";
import { indexCatalog } from "../src/catalog.ts";
import { readAssessment } from "../src/input.ts";
import { canonicalAssessment, canonicalJson, inputHash, sha256Hex } from "../src/provenance.ts";
import {
  allMovs2024,
  catalog2024,
  decisions2024,
  input2024,
  leaf2024,
} from "./fixtures/assessments.ts";

describe("provenance (§5 rule 10)", () => {
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

  it("the canonical assessment follows catalog order whatever order rows and checklist keys arrive in", () => {
    const catalog = indexCatalog(catalog2024);
    const forward = {
      responses: [
        { leafCode: "2.1.1", checklist: {}, decision: "met", override: null },
        {
          leafCode: "1.1.1",
          checklist: { "1_1_1_bfdp_count": 2, "1_1_1_bfdp_form": true },
          decision: null,
          override: null,
        },
      ],
      indicatorOverrides: [{ indicatorCode: "2.1", decision: "met" }, {
        indicatorCode: "1.1",
        decision: "unmet",
      }],
      movs: [
        { leafCode: "1.1.2", slotKey: "annex_b_dbm" },
        { leafCode: "1.1.1", slotKey: "photo_documentation_bfdp" },
        { leafCode: "1.1.1", slotKey: "bfdp_monitoring_form" },
        { leafCode: "1.1.1", slotKey: "bfdp_monitoring_form" },
      ],
    };
    const backward = {
      responses: [
        { ...forward.responses[1], checklist: { "1_1_1_bfdp_form": true, "1_1_1_bfdp_count": 2 } },
        forward.responses[0],
      ],
      indicatorOverrides: [...forward.indicatorOverrides].reverse(),
      movs: [...forward.movs].reverse(),
    };
    const canonical = (parts: Record<string, unknown>) =>
      canonicalAssessment(catalog, readAssessment(parts, catalog));
    expect(canonical(backward)).toBe(canonical(forward));
    const noValues = (code: string) => leaf2024(code).items.map((): unknown => null);
    const values111 = noValues("1.1.1");
    values111[0] = true; // 1_1_1_bfdp_form
    values111[1] = 2; // 1_1_1_bfdp_count
    expect(canonical(forward)).toBe(JSON.stringify([
      [["1.1.1", null, null, values111], ["2.1.1", "met", null, noValues("2.1.1")]],
      [["1.1", "unmet"], ["2.1", "met"]],
      [
        ["1.1.1", "bfdp_monitoring_form", 2],
        ["1.1.1", "photo_documentation_bfdp", 1],
        ["1.1.2", "annex_b_dbm", 1],
      ],
    ]));
  });

  it("the input hash depends on the catalog", async () => {
    const assessment = "[[],[],[]]";
    expect(await inputHash(Promise.resolve("a".repeat(64)), assessment))
      .not.toBe(await inputHash(Promise.resolve("b".repeat(64)), assessment));
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
