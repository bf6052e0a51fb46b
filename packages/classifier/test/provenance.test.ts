import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  type CatalogItem,
  type CatalogLeaf,
  type ChecklistValue,
  CLASSIFIER_VERSION,
  type ClassifierInput,
  classify,
  classifySync,
} from "../src/index.ts";
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
  leaves2024,
} from "./fixtures/assessments.ts";
import { assessment2024WithLongTexts, LONGEST_TEXT } from "./fixtures/arbitraries.ts";

const NO_CATALOG_HASH = new Uint8Array(32);

/** A catalog of one core area and one indicator, 1.1, with these leaves. */
const catalogOf = (leaves: CatalogLeaf[]) =>
  indexCatalog({
    areas: [{ code: 1, kind: "core" }],
    indicators: [{ code: "1.1", area: 1, isBbi: false, isProfilingOnly: false, leaves }],
  });

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
    const catalog = catalogOf([
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
    ]);
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
      9, // dated: a day, 2024 × 512 + 3 × 32 + 31 in three bytes, little-endian
      ...[0x7f, 0xd0, 0x0f],
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
      0, // an option's documents: its checklist items
    ]);
    const byFiles = readAssessment({
      responses: [],
      indicatorOverrides: [],
      movs: [],
      optionDocuments: "files",
    }, catalog);
    expect(Array.from(canonicalInput(catalog, catalogHash, byFiles)).at(-1), "documents by files")
      .toBe(1);
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

/** The classifier as a fresh process loads it: nothing classified before. */
async function freshClassifier(): Promise<typeof import("../src/index.ts")> {
  vi.resetModules();
  return await import("../src/index.ts");
}

/** 1.6.1 says `text` in an info_text item; the items after it in catalog order carry values. */
function withTextBefore(text: string, decisionOf631: "met" | "unmet" = "met"): ClassifierInput {
  return input2024({
    responses: [
      { leafCode: "1.6.1", checklist: { "1_6_1_or_1": text }, decision: "met", override: null },
      {
        leafCode: "2.1.4",
        checklist: { "2_1_4_physical_accomplished": 1234.5, "2_1_4_option_a": "yes" },
        decision: "met",
        override: null,
      },
      { leafCode: "6.3.1", checklist: {}, decision: decisionOf631, override: null },
    ],
    movs: allMovs2024(),
  });
}

const leb128 = (value: number): number[] => {
  const bytes = [];
  for (; value > 0x7f; value = Math.floor(value / 0x80)) bytes.push((value % 0x80) | 0x80);
  return [...bytes, value];
};

describe("the input hash of long texts", () => {
  const textLengths = [9_000, 40_000, 200_000, 1_000_000];

  it("a long text before an amount is hashed, in a fresh process (2.1.4 = 1234.5 after 9,000 characters)", async () => {
    const fresh = await freshClassifier();
    expect(() => fresh.classifySync(withTextBefore("x".repeat(9_000)))).not.toThrow();
  });

  it("assessments that differ after a long text hash apart (6.3.1 Met or Unmet)", async () => {
    for (const length of textLengths) {
      const met = (await freshClassifier()).classifySync(withTextBefore("x".repeat(length), "met"));
      const unmet = (await freshClassifier()).classifySync(
        withTextBefore("x".repeat(length), "unmet"),
      );
      expect(met.inputHash, `${length} characters`).not.toBe(unmet.inputHash);
    }
  });

  it("the hash of an input does not depend on what the process classified before", async () => {
    for (const length of textLengths) {
      const input = withTextBefore("é".repeat(length));
      const fresh = await freshClassifier();
      const first = fresh.classifySync(input).inputHash;
      fresh.classifySync(withTextBefore("x".repeat(4 * length)));
      expect(fresh.classifySync(input).inputHash, `${length} characters`).toBe(first);
      expect(classifySync(input).inputHash).toBe(first);
    }
  });

  it(
    "every byte after a text is kept, up to and beyond the longest text the database accepts",
    async () => {
      const catalog = catalogOf([leaf({
        code: "1.1.1",
        items: [
          item("note", "info_text"),
          item("amount", "calculation_field"),
          item("done"),
          item("later", "info_text"),
        ],
        slots: [{ key: "a", optionGroup: null }],
      })]);
      const half = new Uint8Array(8);
      new DataView(half.buffer).setFloat64(0, 0.5, true);
      const texts = [
        "😀".repeat(LONGEST_TEXT),
        "ñ".repeat(LONGEST_TEXT),
        "x".repeat(LONGEST_TEXT),
        ...textLengths.map((length) => "€".repeat(length)),
        ...textLengths.map((length) => "x".repeat(length)),
      ];
      for (const text of texts) {
        const { canonicalInput: fresh } = await freshProvenance();
        const read = readAssessment({
          responses: [{
            leafCode: "1.1.1",
            checklist: { note: text, amount: 0.5, done: true, later: "ñ" },
            decision: null,
            override: null,
          }],
          indicatorOverrides: [{ indicatorCode: "1.1", decision: "unmet" }],
          movs: [{ leafCode: "1.1.1", slotKey: "a" }],
        }, catalog);
        const utf8 = new TextEncoder().encode(text);
        const bytes = fresh(catalog, NO_CATALOG_HASH, read);
        const head = [
          ...NO_CATALOG_HASH,
          1, // a response without decision or override
          7, // note: text, its UTF-8 length and bytes
          ...leb128(utf8.length),
        ];
        const textEnd = head.length + utf8.length;
        const at = `${text.length} code units`;
        expect(Array.from(bytes.subarray(0, head.length)), at).toEqual(head);
        // Compared as one buffer: element by element, a megabyte takes seconds.
        expect(Buffer.from(bytes.subarray(head.length, textEnd)).equals(utf8), at).toBe(true);
        expect(Array.from(bytes.subarray(textEnd)), at).toEqual([
          6, // amount: a float64
          ...half,
          2, // done: true
          7, // later
          2,
          0xc3,
          0xb1,
          1, // slot a: one file
          2, // indicator 1.1: Unmet
          0, // an option's documents: its checklist items
        ]);
      }
    },
    60_000,
  );

  it("texts with a lone surrogate, which UTF-8 cannot spell, hash apart", () => {
    const hashes = ["\uD83D", "\uFFFD", "\uDE00", "😀", "\uDE00\uD83D"].map((text) =>
      classifySync(withTextBefore(text)).inputHash
    );
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it(
    "changing any one value the rules read changes the hash, and nothing else does, with texts up to the database's longest",
    async () => {
      await fc.assert(
        fc.asyncProperty(assessment2024WithLongTexts, fc.nat(), async (parts, pick) => {
          const { classifySync } = await freshClassifier();
          const input = input2024(parts);
          const hash = classifySync(input).inputHash;
          const changes = oneValueChanges(input);
          const change = changes[pick % changes.length];
          expect(classifySync(change.input).inputHash, change.name).not.toBe(hash);
          expect(classifySync(presentedOtherwise(input)).inputHash).toBe(hash);
        }),
        // Shrinking assessments with texts of thousands of characters takes minutes: stop at the first counterexample.
        { numRuns: 150, endOnFailure: true },
      );
    },
    120_000,
  );
});

async function freshProvenance(): Promise<typeof import("../src/provenance.ts")> {
  vi.resetModules();
  return await import("../src/provenance.ts");
}

type Response = ClassifierInput["responses"][number];

/** Another value of the same item type, different for the rules. */
function otherValue(type: CatalogItem["type"], value: ChecklistValue): ChecklistValue {
  if (value === null) {
    if (type === "assessment_field") return "yes";
    if (type === "date_input") return "2024-03-31";
    return type === "document_count" || type === "calculation_field" ? 0 : true;
  }
  if (typeof value === "boolean") return !value;
  if (typeof value === "number") {
    if (type === "document_count") return value + 1;
    return Math.abs(value) > 1 ? value / 2 : value + 1;
  }
  if (type === "assessment_field") return value === "yes" ? "no" : "yes";
  if (type === "date_input") return `3${value.slice(1)}`;
  if (value === "") return "x";
  const characters = [...value];
  characters[characters.length - 1] = characters.at(-1) === "x" ? "y" : "x";
  return characters.join("");
}

const nextDecision = (decision: Response["decision"], considerable: boolean) => {
  const cycle = [null, "met", "unmet", ...(considerable ? ["considered"] : [])] as const;
  return cycle[(cycle.indexOf(decision as never) + 1) % cycle.length];
};

/** Every change of one value the rules read: a response, a decision, a checklist value, a file, an override. */
function oneValueChanges(input: ClassifierInput): { name: string; input: ClassifierInput }[] {
  const changes: { name: string; input: ClassifierInput }[] = [];
  const withResponses = (name: string, responses: Response[]) =>
    changes.push({ name, input: { ...input, responses } });
  for (const { leaf, indicator, scored } of leaves2024) {
    const at = input.responses.findIndex((response) => response.leafCode === leaf.code);
    const response = input.responses[at];
    const replaced = (changed: Response) =>
      input.responses.map((other, i) => (i === at ? changed : other));
    if (response === undefined) {
      withResponses(`${leaf.code} answered`, [
        ...input.responses,
        { leafCode: leaf.code, checklist: {}, decision: null, override: null },
      ]);
    } else {
      withResponses(`${leaf.code} without response`, input.responses.filter((_, i) => i !== at));
      for (const field of ["decision", "override"] as const) {
        withResponses(
          `${leaf.code} ${field}`,
          replaced({
            ...response,
            [field]: nextDecision(response[field], leaf.hasConsiderationRule),
          }),
        );
      }
      for (const { key, type } of leaf.items) {
        withResponses(
          `${leaf.code} ${key}`,
          replaced({
            ...response,
            checklist: {
              ...response.checklist,
              [key]: otherValue(type, response.checklist[key] ?? null),
            },
          }),
        );
      }
    }
    for (const { key } of leaf.slots) {
      const mov = { leafCode: leaf.code, slotKey: key };
      changes.push({
        name: `${leaf.code} ${key} one more file`,
        input: { ...input, movs: [...input.movs, mov] },
      });
      const filed = input.movs.findIndex((m) => m.leafCode === leaf.code && m.slotKey === key);
      if (filed >= 0) {
        changes.push({
          name: `${leaf.code} ${key} one file less`,
          input: { ...input, movs: input.movs.filter((_, i) => i !== filed) },
        });
      }
    }
    if (scored && leaf === indicator.leaves[0]) {
      const overrides = input.indicatorOverrides.filter((o) => o.indicatorCode !== indicator.code);
      const current = input.indicatorOverrides.find((o) => o.indicatorCode === indicator.code);
      const next = current === undefined ? "met" : current.decision === "met" ? "unmet" : undefined;
      changes.push({
        name: `${indicator.code} override`,
        input: {
          ...input,
          indicatorOverrides: next === undefined
            ? overrides
            : [...overrides, { indicatorCode: indicator.code, decision: next }],
        },
      });
    }
  }
  return changes;
}

/** The same values presented otherwise: rows and keys in reverse, absent values as null, fields the rules ignore. */
function presentedOtherwise(input: ClassifierInput): ClassifierInput {
  const items = new Map(leaves2024.map(({ leaf }) => [leaf.code, leaf.items]));
  return {
    ...input,
    responses: input.responses.map((response) => ({
      ...response,
      remarks: "ignored",
      checklist: Object.fromEntries(
        (items.get(response.leafCode) ?? []).map((
          { key },
        ) => [key, response.checklist[key] ?? null])
          .reverse(),
      ),
    })).reverse(),
    indicatorOverrides: [...input.indicatorOverrides].reverse(),
    movs: input.movs.map((mov) => ({ ...mov, path: "ignored" })).reverse(),
  };
}
