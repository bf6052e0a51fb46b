import { describe, expect, it } from "vitest";
import { CLASSIFIER_VERSION, classify } from "../src/index.ts";
import { indexCatalog } from "../src/catalog.ts";
import { readAssessment } from "../src/input.ts";
import { canonicalInput, canonicalJson, inputHash, sha256, sha256Hex } from "../src/provenance.ts";
import {
  allMovs2024,
  catalog2024,
  decisions2024,
  input2024,
  item,
  leaf,
} from "./fixtures/assessments.ts";

const NO_CATALOG_HASH = new Uint8Array(32);

describe("provenance (§5 rule 10)", () => {
  it("the canonical encoding sorts object keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: "x" }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
  });

  it("absent fields encode like missing keys", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe(canonicalJson({ b: 1 }));
  });

  it("an absent value encodes as null, and absent fields of objects in a list are dropped", () => {
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson([{ b: undefined, a: 1 }, null])).toBe('[{"a":1},null]');
  });

  it("the hash is the SHA-256 of the text in hex", () => {
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("the canonical input follows catalog order whatever order rows and checklist keys arrive in", () => {
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
      Array.from(canonicalInput(catalog, NO_CATALOG_HASH, readAssessment(parts, catalog)));
    expect(canonical(backward)).toEqual(canonical(forward));
  });

  it("the canonical input spells out the catalog hash, decisions, values by item, files by slot and overrides", () => {
    const catalog = indexCatalog({
      areas: [{ code: 1, kind: "core" }],
      indicators: [{
        code: "1.1",
        area: 1,
        isBbi: false,
        isProfilingOnly: false,
        leaves: [
          leaf({
            code: "1.1.1",
            hasConsiderationRule: true,
            items: [
              item("done"),
              item("answer", "assessment_field"),
              item("count", "document_count"),
              item("ratio", "calculation_field"),
              item("dated", "date_input"),
              item("note", "info_text"),
              item("unset"),
            ],
            slots: [{ key: "a", optionGroup: null }, { key: "b", optionGroup: null }],
          }),
          leaf({ code: "1.1.2", items: [item("x")], slots: [{ key: "c", optionGroup: null }] }),
        ],
      }],
    });
    const catalogHash = sha256("catalog");
    const read = readAssessment({
      responses: [{
        leafCode: "1.1.1",
        checklist: {
          done: false,
          answer: "no",
          count: 3,
          ratio: 0.5,
          dated: "2024-03-31",
          note: "ñ",
        },
        decision: "unmet",
        override: "considered",
      }],
      indicatorOverrides: [{ indicatorCode: "1.1", decision: "unmet" }],
      movs: Array.from({ length: 130 }, () => ({ leafCode: "1.1.1", slotKey: "b" })),
    }, catalog);
    const half = new Uint8Array(8);
    new DataView(half.buffer).setFloat64(0, 0.5, true);
    expect(Array.from(canonicalInput(catalog, catalogHash, read))).toEqual([
      ...catalogHash,
      1 + 4 * 2 + 3, // unmet, overridden Considered
      1, // done: false
      4, // answer: "no"
      5, // count: a whole number up to 255, in one byte
      3,
      6, // ratio: a float64
      ...half,
      7, // dated: text, its length and its bytes
      10,
      ..."2024-03-31".split("").map((char) => char.charCodeAt(0)),
      7, // note: UTF-8
      2,
      0xc3,
      0xb1,
      0, // unset: absent
      0, // slot a: no file
      130 % 128 + 128, // slot b: 130 files, LEB128
      1,
      0, // 1.1.2: no response
      0, // slot c: no file
      2, // indicator 1.1: Unmet
    ]);
  });

  it("the input hash depends on the catalog", () => {
    const catalog = indexCatalog(catalog2024);
    const read = readAssessment({ responses: [], indicatorOverrides: [], movs: [] }, catalog);
    expect(inputHash(catalog, sha256("a"), read)).not.toBe(inputHash(catalog, sha256("b"), read));
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

  it("any change to a value the rules read changes the hash", async () => {
    const responses = decisions2024(() => "met");
    const at = responses.findIndex((response) => response.leafCode === "1.1.1");
    const withResponse = (change: Partial<(typeof responses)[number]>) =>
      responses.map((response, i) => (i === at ? { ...response, ...change } : response));
    const variants = [
      input2024({ responses }),
      input2024({ responses: withResponse({ decision: "unmet" }) }),
      input2024({ responses: withResponse({ override: "met" }) }),
      input2024({ responses: withResponse({ checklist: { "1_1_1_bfdp_form": true } }) }),
      input2024({ responses: withResponse({ checklist: { "1_1_1_bfdp_form": false } }) }),
      input2024({ responses: withResponse({ checklist: { "1_1_1_bfdp_count": 1 } }) }),
      input2024({ responses: withResponse({ checklist: { "1_1_1_bfdp_count": 2 } }) }),
      input2024({ responses: responses.filter((_, i) => i !== at) }),
      input2024({ responses, indicatorOverrides: [{ indicatorCode: "1.1", decision: "unmet" }] }),
      input2024({ responses, indicatorOverrides: [{ indicatorCode: "1.1", decision: "met" }] }),
      input2024({ responses, movs: [{ leafCode: "1.1.1", slotKey: "bfdp_monitoring_form" }] }),
      input2024({
        responses,
        movs: [
          { leafCode: "1.1.1", slotKey: "bfdp_monitoring_form" },
          { leafCode: "1.1.1", slotKey: "bfdp_monitoring_form" },
        ],
      }),
    ];
    const hashes = await Promise.all(
      variants.map(async (input) => (await classify(input)).inputHash),
    );
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it("an equal catalog in another object hashes the same", async () => {
    const copy = structuredClone(input2024().catalog);
    const original = await classify(input2024());
    expect((await classify({ ...input2024(), catalog: copy })).inputHash).toBe(original.inputHash);
  });
});
