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
const COUNT = new RegExp(
  `^at least (\\d+) ${WORDING}(?: when met through (.+?))?: ${ITEM}${PAGE}`,
);
const RATIO = new RegExp(`^at least ([\\d.]+) % ${WORDING}: ${ITEM} of ${ITEM}(?:, with (.+))?$`);
const SINCE = new RegExp(`^${WORDING} on or after (\\S+): ${ITEM}${PAGE}`);
const PERIOD = new RegExp(`^${WORDING} covering (\\S+) to (\\S+): ${ITEM} to ${ITEM}${PAGE}`);
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
    const [, min, en, fil, option, item, entered, page] = count;
    return {
      kind: "count",
      item: side(item, entered),
      min: Number(min),
      counted: { en, fil },
      ...(option === undefined ? {} : { option }),
      page: +page,
    };
  }
  const since = SINCE.exec(text);
  if (since) {
    const [, en, fil, onOrAfter, item, entered, page] = since;
    return {
      kind: "since",
      item: side(item, entered),
      onOrAfter,
      dated: { en, fil },
      page: Number(page),
    };
  }
  const period = PERIOD.exec(text);
  if (period) {
    const [, en, fil, from, until, fromItem, fromSide, untilItem, untilSide, page] = period;
    return {
      kind: "period",
      from: side(fromItem, fromSide),
      until: side(untilItem, untilSide),
      covers: { from, until },
      covered: { en, fil },
      page: Number(page),
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

  it("names the requirements the notes set: counts, ratios and shares, deadlines, periods", () => {
    const kinds = leaves.flatMap((leaf) => leaf.requirements.map((r) => r.kind));
    expect(kinds.filter((kind) => kind === "count")).toHaveLength(25);
    expect(kinds.filter((kind) => kind === "ratio")).toHaveLength(11);
    expect(kinds.filter((kind) => kind === "deadline")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "since")).toHaveLength(7);
    expect(kinds.filter((kind) => kind === "period")).toHaveLength(12);
    expect(leaves.filter((leaf) => leaf.requirements.length === 0)).toHaveLength(38);
  });

  it("writes every training and activity not earlier than CY 2020 as a date on or after it", () => {
    const since = leaves.filter((leaf) => leaf.requirements.some((r) => r.kind === "since"));
    expect(since.map((leaf) => leaf.code)).toEqual([
      "2.2.1",
      "3.3.4",
      "3.4.2",
      "4.1.2",
      "4.5.2",
      "4.5.5",
      "6.1.3",
    ]);
    for (const leaf of since) {
      expect(leaf.requirements).toContainEqual(
        expect.objectContaining({ kind: "since", onOrAfter: "2020-01-01" }),
      );
    }
  });
});
