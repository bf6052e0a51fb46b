import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EditionDocument, Leaf } from "./edition.ts";
import { DEFAULT_PATHS, generateFiles, run } from "./generate.ts";
import { parseUploadSlots } from "./slots.ts";

const document: EditionDocument = JSON.parse(
  readFileSync(DEFAULT_PATHS.json, "utf8"),
);
const leaves: Leaf[] = document.indicators.flatMap((indicator) => indicator.leaves);
const leaf = (code: string): Leaf => {
  const found = leaves.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no leaf ${code}`);
  return found;
};
const DISPLAY_TYPES = new Set(["info_text", "section_header"]);
const scoredOptionGroups = (l: Leaf): Set<string> =>
  new Set(
    l.items
      .filter((item) => !DISPLAY_TYPES.has(item.type) && item.optionGroup !== null)
      .map((item) => item.optionGroup as string),
  );
const slotOptionGroups = (l: Leaf): Set<string> =>
  new Set(
    l.slots.flatMap((
      slot,
    ) => (slot.optionGroup === null ? [] : [slot.optionGroup])),
  );

const ACCOMPLISHMENT_LEAVES = [
  "2.1.4",
  "3.2.3",
  "4.1.6",
  "4.3.4",
  "4.5.6",
  "4.8.4",
  "6.1.4",
];
const ALTERNATIVE_RULES = new Set([
  "OR_LOGIC_AT_LEAST_1_REQUIRED",
  "SHARED_PLUS_OR_LOGIC",
  "ANY_OPTION_GROUP_REQUIRED",
]);

describe("2024 edition document", () => {
  it("has 6 areas, 31 indicators, 84 leaves and 305 items", () => {
    expect(document.edition).toBe("2024");
    expect(document.areas.map((area) => [area.code, area.kind])).toEqual([
      [1, "core"],
      [2, "core"],
      [3, "core"],
      [4, "essential"],
      [5, "essential"],
      [6, "essential"],
    ]);
    expect(document.indicators).toHaveLength(31);
    expect(leaves).toHaveLength(84);
    expect(leaves.flatMap((l) => l.items)).toHaveLength(305);
  });

  it("keeps the BBI and profiling flags of the source", () => {
    const bbis = document.indicators.filter((indicator) => indicator.isBbi).map(
      (i) => i.code,
    );
    expect(bbis).toEqual(["2.1", "3.1", "3.2", "4.1", "4.3", "4.5", "6.1"]);
    const profiling = leaves.filter((l) => l.isProfilingOnly).map((l) => l.code);
    expect(profiling).toEqual([
      "4.1.7",
      "4.2.2",
      "4.9.1",
      "4.9.2",
      "4.9.3",
      "4.9.4",
      "4.9.5",
    ]);
  });

  it("gives every leaf, profiling-only ones included, at least one slot", () => {
    for (const l of leaves) expect(l.slots.length, l.code).toBeGreaterThan(0);
  });

  it("uses short path-safe slot keys, unique within each leaf", () => {
    for (const l of leaves) {
      const keys = l.slots.map((slot) => slot.key);
      expect(new Set(keys).size, l.code).toBe(keys.length);
      for (const key of keys) expect(key, l.code).toMatch(/^[a-z0-9_]{2,40}$/);
    }
  });

  it("names slot option groups that the leaf's scored items also use, and vice versa", () => {
    for (const l of leaves) {
      const items = scoredOptionGroups(l);
      const slots = slotOptionGroups(l);
      for (const group of slots) {
        expect(items, `${l.code} slot ${group}`).toContain(group);
      }
      if (slots.size > 0) {
        expect([...items].sort(), l.code).toEqual([...slots].sort());
      }
    }
  });

  it("gives every alternative-rule leaf at least two item option groups", () => {
    for (
      const l of leaves.filter((candidate) => ALTERNATIVE_RULES.has(candidate.validationRule))
    ) {
      expect(scoredOptionGroups(l).size, l.code).toBeGreaterThanOrEqual(2);
    }
  });

  it("offers one whole option per alternative where the text gives a choice", () => {
    expect(leaf("6.2.1").slots.map((slot) => [slot.optionGroup, slot.key]))
      .toEqual([
        ["Option A", "mrf_photos"],
        ["Option B", "moa_junkshop"],
        ["Option B", "biodegradable_mechanism"],
        ["Option B", "moa_service_provider"],
        ["Option C1", "moa_host_barangay"],
        ["Option C2", "moa_central_mrf"],
      ]);
    expect([...slotOptionGroups(leaf("1.6.1"))]).toEqual([
      "Option 1",
      "Option 2",
      "Option 3A",
      "Option 3B",
    ]);
    expect(leaf("4.1.6").slots.filter((slot) => slot.optionGroup === null))
      .toHaveLength(1);
    expect(leaf("2.3.2").slots).toHaveLength(6);
    expect(leaf("2.2.3").slots[0].label).toContain("Early Warning System");
  });

  it("makes the ratio of either report the requirement of the seven accomplishment leaves", () => {
    const ratios = (l: Leaf) => l.requirements.filter((r) => r.kind === "ratio");
    const eitherLeaves = leaves.filter((l) => ratios(l).some((r) => r.alternatives.length === 2));
    expect(eitherLeaves.map((l) => l.code)).toEqual(ACCOMPLISHMENT_LEAVES);
    for (const l of eitherLeaves) {
      const [physical, financial] = ratios(l)[0].alternatives;
      const itemIn = (key: string) => l.items.find((item) => item.key === key);
      expect([physical.minPercent, physical.option, financial.minPercent, financial.option], l.code)
        .toEqual([50, "Option A", 50, "Option B"]);
      for (const ratio of [physical, financial]) {
        for (const key of [ratio.numerator, ratio.denominator]) {
          expect(itemIn(key)?.optionGroup, `${l.code} ${key}`).toBe(ratio.option);
        }
      }
    }
  });

  it("lets the barangay enter every amount, count and date, and a reviewer check the rest", () => {
    for (const item of leaves.flatMap((l) => l.items)) {
      const amount = ["document_count", "date_input", "calculation_field"].includes(item.type);
      expect(item.enteredBy, item.key).toBe(amount ? "barangay" : "reviewer");
    }
  });

  it("gives every leaf the Technical Notes page of its requirement, in catalog order", () => {
    const pages = leaves.map((l) => l.notesPage);
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBeLessThanOrEqual(73);
    expect(pages).toEqual([...pages].sort((x, y) => x - y));
    for (const l of leaves) {
      for (const requirement of l.requirements) {
        expect(requirement.page, l.code).toBeGreaterThanOrEqual(l.notesPage);
      }
    }
  });

  it("flags the consideration rules found in the requirement texts", () => {
    const considered = leaves.filter((l) => l.hasConsiderationRule);
    expect(considered.map((l) => [l.code, l.considerationText])).toEqual([
      ["1.3.1", "Approval until {MARCH_CURRENT_YEAR}"],
      ["1.6.1", "Bank statement instead of deposit slips"],
      [
        "4.2.1",
        "Clustered Health Station/Center accessed by several barangays in a city/municipality",
      ],
    ]);
    for (
      const l of leaves.filter((candidate) => !candidate.hasConsiderationRule)
    ) {
      expect(l.considerationText, l.code).toBeNull();
    }
  });
});

describe("upload instruction parser", () => {
  it("reads a single document", () => {
    expect(
      parseUploadSlots(
        "Upload: Approved BNAP signed by the BNC\n\nDate of approval",
      ),
    ).toEqual([
      { label: "Approved BNAP signed by the BNC", optionGroup: null },
    ]);
  });

  it("reads numbered documents and ignores lists that follow them", () => {
    const text = "Upload the following:\n1. RBI Monitoring Form C, and\n2. Certification\n\n" +
      "The BPOC must include:\n- Punong Barangay";
    expect(parseUploadSlots(text)).toEqual([
      { label: "RBI Monitoring Form C", optionGroup: null },
      { label: "Certification", optionGroup: null },
    ]);
  });

  it("completes a numbered entry ending in a colon with its nested bullets", () => {
    const text =
      "Upload the following documents:\n1. Photos clearly showing:\n   - Name\n   - Date";
    expect(parseUploadSlots(text)).toEqual([
      { label: "Photos clearly showing: Name; Date", optionGroup: null },
    ]);
  });

  it("reads shared documents plus named options", () => {
    const text =
      "Upload the following:\n\nSHARED (Required):\n- Report\n\nPLUS ONE of the following:\n\n" +
      "OPTION A - PHYSICAL:\n- Physical certification\n\nOR\n\nOPTION B - FINANCIAL:\n- Financial certification";
    expect(parseUploadSlots(text)).toEqual([
      { label: "Report", optionGroup: null },
      { label: "Physical certification", optionGroup: "Option A" },
      { label: "Financial certification", optionGroup: "Option B" },
    ]);
  });

  it("makes each numbered entry an option when the text offers ONE of them", () => {
    const text = "Upload ONE of the following (only 1 required):\n\n1. Ordinance\n\nOR\n\n2. AIP";
    expect(parseUploadSlots(text)).toEqual([
      { label: "Ordinance", optionGroup: "Option 1" },
      { label: "AIP", optionGroup: "Option 2" },
    ]);
  });
});

/** The reference catalog lives outside the repository, in ../shared; a bare clone does not have it. */
const withSource = it.skipIf(!existsSync(DEFAULT_PATHS.source));

describe("generate.ts", () => {
  const temporary: string[] = [];
  const tempCopies = () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-"));
    temporary.push(dir);
    const paths = {
      json: join(dir, "edition.json"),
      sql: join(dir, "edition.sql"),
      review: join(dir, "review.md"),
    };
    writeFileSync(paths.json, readFileSync(DEFAULT_PATHS.json));
    writeFileSync(paths.sql, readFileSync(DEFAULT_PATHS.sql));
    writeFileSync(paths.review, readFileSync(DEFAULT_PATHS.review));
    return paths;
  };
  afterEach(() => {
    for (const dir of temporary.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  withSource("generates the same bytes on every run, equal to the checked-in files", () => {
    const first = generateFiles(DEFAULT_PATHS);
    const second = generateFiles(DEFAULT_PATHS);
    expect([...first.values()]).toEqual([...second.values()]);
    expect(first.get(DEFAULT_PATHS.json)).toBe(
      readFileSync(DEFAULT_PATHS.json, "utf8"),
    );
    expect(first.get(DEFAULT_PATHS.sql)).toBe(
      readFileSync(DEFAULT_PATHS.sql, "utf8"),
    );
  });

  withSource("embeds the document and the source hash in the migration", () => {
    const sql = readFileSync(DEFAULT_PATHS.sql, "utf8");
    const sha256 = createHash("sha256").update(
      readFileSync(DEFAULT_PATHS.source),
    ).digest("hex");
    expect(sql).toMatch(
      /^-- Generated by `npm run catalog:generate` from \.\.\/shared\/reference/,
    );
    expect(sql).toContain(`$catalog$::jsonb, '${sha256}')`);
    const json = sql.slice(
      sql.indexOf("$catalog$") + 9,
      sql.lastIndexOf("$catalog$"),
    );
    expect(JSON.parse(json)).toEqual(document);
  });

  withSource("--check passes on fresh files and names a stale one", () => {
    const paths = tempCopies();
    const args = ["--check", "--json", paths.json, "--sql", paths.sql, "--review", paths.review];
    expect(run(args, {}).exitCode).toBe(0);
    writeFileSync(
      paths.sql,
      readFileSync(paths.sql, "utf8").replace("'2024'", "'2025'"),
    );
    const outcome = run(args, {});
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toContain("edition.sql is stale");
  });

  withSource("--check reports a source change through VANTAGE_CATALOG_SOURCE", () => {
    const paths = tempCopies();
    const source = join(temporary[0], "source.json");
    const catalog = JSON.parse(readFileSync(DEFAULT_PATHS.source, "utf8"));
    catalog[0].name = "Renamed indicator";
    writeFileSync(source, JSON.stringify(catalog));
    const outcome = run([
      "--check",
      "--json",
      paths.json,
      "--sql",
      paths.sql,
      "--review",
      paths.review,
    ], {
      VANTAGE_CATALOG_SOURCE: source,
    });
    expect(outcome).toEqual({
      exitCode: 1,
      message: expect.stringContaining("edition.json is stale"),
    });
  });

  it("generating without the source says where it was looked for and how to name it", () => {
    const paths = tempCopies();
    const absent = join(temporary[0], "absent.json");
    const outcome = run(["--json", paths.json, "--sql", paths.sql], {
      VANTAGE_CATALOG_SOURCE: absent,
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toContain(absent);
    expect(outcome.message).toContain("VANTAGE_CATALOG_SOURCE");
    expect(readFileSync(paths.json)).toEqual(readFileSync(DEFAULT_PATHS.json));
  });

  it("--check without the source compares the JSON file and the migration with each other", () => {
    const paths = tempCopies();
    const args = ["--check", "--json", paths.json, "--sql", paths.sql, "--review", paths.review];
    const noSource = { VANTAGE_CATALOG_SOURCE: join(temporary[0], "absent.json") };
    expect(run(args, noSource)).toEqual({
      exitCode: 0,
      message: expect.stringContaining("catalog files agree with each other"),
    });
    writeFileSync(
      paths.sql,
      readFileSync(paths.sql, "utf8").replace('"1.1.1"', '"1.1.9"'),
    );
    expect(run(args, noSource)).toEqual({
      exitCode: 1,
      message: expect.stringContaining("edition.sql is stale"),
    });
    // Regenerating needs the source, so the message says where it is expected.
    expect(run(args, noSource).message).toContain(noSource.VANTAGE_CATALOG_SOURCE);
    writeFileSync(paths.sql, readFileSync(DEFAULT_PATHS.sql));
    writeFileSync(paths.json, readFileSync(paths.json, "utf8").replace("\n", "\n "));
    expect(run(args, noSource).message).toContain("edition.json is stale");
    rmSync(paths.json);
    expect(run(args, noSource)).toEqual({
      exitCode: 1,
      message: expect.stringContaining("edition.json is stale"),
    });
  });

  withSource("exits 1 from the command line when a checked file is stale", () => {
    const paths = tempCopies();
    writeFileSync(paths.json, "{}\n");
    const deno = resolve("node_modules/.bin/deno");
    const command = [
      "run",
      "-A",
      "tools/catalog/generate.ts",
      "--check",
      "--json",
      paths.json,
      "--sql",
      paths.sql,
    ];
    let status = 0;
    let stderr = "";
    try {
      execFileSync(deno, command, { stdio: "pipe" });
    } catch (error) {
      const failure = error as { status: number; stderr: Buffer };
      status = failure.status;
      stderr = failure.stderr.toString();
    }
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /edition\.json is stale: run npm run catalog:generate$/,
      ),
    ]);
  }, 60_000);
});
