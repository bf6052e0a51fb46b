// The review table beside the edition agrees with the catalog: read back from its text, every row
// names the leaf's page and exactly the leaf's requirements, numbers, items, sides and pages.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EditionDocument, Item, Leaf } from "./edition.ts";
import { DEFAULT_PATHS } from "./generate.ts";
import type { Requirement } from "./source.ts";

const document: EditionDocument = JSON.parse(readFileSync(DEFAULT_PATHS.json, "utf8"));
const leaves: Leaf[] = document.indicators.flatMap((indicator) => indicator.leaves);
const table = readFileSync(DEFAULT_PATHS.review, "utf8");

type Row = { code: string; page: number; rules: string };

const rows: Row[] = table.split("\n")
  .map((line) => /^\| (\d\.\d+\.\d+) \| (\d+) \| (.+) \|$/.exec(line))
  .filter((match) => match !== null)
  .map(([, code, page, rules]) => ({ code, page: Number(page), rules }));

const ITEM = "`(\\w+)` \\((barangay|reviewer)\\)";
const PAGE = ", p\\. (\\d+)$";
const WORDING = "(.+) \\[Filipino: (.+)\\]";
const COUNT = new RegExp(`^at least (\\d+) ${WORDING}: ${ITEM}${PAGE}`);
const RATIO = new RegExp(`^at least ([\\d.]+) % ${WORDING}: ${ITEM} of ${ITEM}(?:, with (.+))?$`);
const DEADLINE = new RegExp(
  `^${WORDING} on or before (\\S+?)(?:, may be considered until (\\S+))?: ${ITEM}${PAGE}`,
);

/** A rule of the table read back into a requirement, with the side it says enters each item. */
function readRule(text: string, sides: Map<string, string>): Requirement {
  const side = (key: string, entered: string) => {
    sides.set(key, entered);
    return key;
  };
  const count = COUNT.exec(text);
  if (count) {
    const [, min, en, fil, item, entered, page] = count;
    return {
      kind: "count",
      item: side(item, entered),
      min: Number(min),
      counted: { en, fil },
      page: +page,
    };
  }
  const deadline = DEADLINE.exec(text);
  if (deadline) {
    const [, en, fil, onOrBefore, until, item, entered, page] = deadline;
    return {
      kind: "deadline",
      item: side(item, entered),
      onOrBefore,
      considerationUntil: until ?? null,
      dated: { en, fil },
      page: Number(page),
    };
  }
  const [alternatives, page] = text.split(/, p\. (?=\d+$)/);
  return {
    kind: "ratio",
    alternatives: alternatives.split(" OR ").map((alternative) => {
      const ratio = RATIO.exec(alternative);
      if (ratio === null) throw new Error(`unreadable rule: ${alternative}`);
      const [
        ,
        minPercent,
        en,
        fil,
        numerator,
        numeratorSide,
        denominator,
        denominatorSide,
        option,
      ] = ratio;
      return {
        numerator: side(numerator, numeratorSide),
        denominator: side(denominator, denominatorSide),
        minPercent: Number(minPercent),
        option: option ?? null,
        measure: { en, fil },
      };
    }),
    page: Number(page),
  };
}

describe("the review table of the 2024 edition", () => {
  it("lists all 84 leaves in catalog order", () => {
    expect(rows.map((row) => row.code)).toEqual(leaves.map((leaf) => leaf.code));
    expect(rows).toHaveLength(84);
  });

  it("gives each leaf its Technical Notes page and exactly its quantitative requirements", () => {
    for (const [i, row] of rows.entries()) {
      const leaf = leaves[i];
      expect(row.page, leaf.code).toBe(leaf.notesPage);
      const sides = new Map<string, string>();
      const rules = row.rules === "none"
        ? []
        : row.rules.split("; ").map((rule) => readRule(rule, sides));
      expect(rules, leaf.code).toEqual(leaf.requirements);
      const itemSide = (key: string) =>
        leaf.items.find((item: Item) => item.key === key)?.enteredBy;
      for (const [key, side] of sides) expect(side, `${leaf.code} ${key}`).toBe(itemSide(key));
    }
  });

  it("names the requirements the notes set: counts, ratios and shares, one deadline", () => {
    const kinds = leaves.flatMap((leaf) => leaf.requirements.map((r) => r.kind));
    expect(kinds.filter((kind) => kind === "count")).toHaveLength(9);
    expect(kinds.filter((kind) => kind === "ratio")).toHaveLength(11);
    expect(kinds.filter((kind) => kind === "deadline")).toHaveLength(1);
    expect(leaves.filter((leaf) => leaf.requirements.length === 0)).toHaveLength(68);
  });
});
