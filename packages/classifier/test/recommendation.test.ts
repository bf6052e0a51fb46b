import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leafRecommendation, metByKind, recommendationPlans } from "../src/recommendation.ts";
import type { CatalogLeaf, ChecklistValue } from "../src/index.ts";
import { ITEM_KIND, itemTypeSchema } from "../src/schema.ts";
import { item, leaf, leaf2024, leaves2024 } from "./fixtures/assessments.ts";
import { referenceRecommendation } from "./fixtures/reference.ts";

type Checklist = Record<string, ChecklistValue>;
const valuesOf = (rule: CatalogLeaf, checklist: Checklist) =>
  rule.items.map((entry) => checklist[entry.key] ?? null);
const recommend = (rule: CatalogLeaf, checklist: Checklist) =>
  leafRecommendation(recommendationPlans([rule]), 0, valuesOf(rule, checklist));

describe("checklist value semantics", () => {
  it.each(
    [
      ["checkbox", true, true],
      ["checkbox", false, false],
      ["assessment_field", "yes", true],
      ["assessment_field", true, true],
      ["assessment_field", "no", false],
      ["document_count", 1, true],
      ["document_count", 0, false],
      ["date_input", "2024-03-31", true],
      ["calculation_field", 0, true],
      ["checkbox", null, false],
      ["info_text", "shown", false],
    ] as const,
  )("a %s valued %j is met: %s", (type, value, met) => {
    expect(metByKind(ITEM_KIND[item("k", type).type], value)).toBe(met);
  });

  it("an absent value is not met", () => {
    expect(metByKind(ITEM_KIND.calculation_field, undefined)).toBe(false);
  });
});

describe("ALL_ITEMS_REQUIRED", () => {
  const rule = leaf({
    items: [
      item("a"),
      item("b", "document_count"),
      item("note", "info_text"),
      item("opt", "checkbox", { required: false }),
    ],
  });

  it("every required item met recommends met", () => {
    expect(recommend(rule, { a: true, b: 2 })).toBe("met");
  });

  it("one required item not met recommends unmet", () => {
    expect(recommend(rule, { a: true, b: 0 })).toBe("unmet");
  });

  it("a YES/NO field answered NO recommends unmet even when it is not required", () => {
    const withField = leaf({
      items: [item("a"), item("yn", "assessment_field", { required: false })],
    });
    expect(recommend(withField, { a: true, yn: "yes" })).toBe("met");
    expect(recommend(withField, { a: true, yn: "no" })).toBe("unmet");
    expect(recommend(withField, { a: true, yn: false })).toBe("unmet");
  });

  it("profiling items are never scored", () => {
    const profiled = leaf({ items: [item("a"), item("p", "checkbox", { isProfiling: true })] });
    expect(recommend(profiled, { a: true })).toBe("met");
  });

  it("a leaf marking no item required requires every scoreable item", () => {
    const unmarked = leaf({
      items: [
        item("a", "checkbox", { required: false }),
        item("b", "checkbox", { required: false }),
      ],
    });
    expect(recommend(unmarked, { a: true })).toBe("unmet");
    expect(recommend(unmarked, { a: true, b: true })).toBe("met");
  });

  it("a leaf without scoreable items recommends unmet", () => {
    expect(recommend(leaf({ items: [item("note", "info_text")] }), {})).toBe("unmet");
  });
});

describe("ANY_ITEM_REQUIRED", () => {
  const rule = leaf({ validationRule: "ANY_ITEM_REQUIRED", items: [item("a"), item("b")] });

  it("one item met recommends met", () => {
    expect(recommend(rule, { b: true })).toBe("met");
  });

  it("no item met recommends unmet", () => {
    expect(recommend(rule, { a: false })).toBe("unmet");
  });
});

describe("ANY_OPTION_GROUP_REQUIRED", () => {
  const rule = leaf({
    validationRule: "ANY_OPTION_GROUP_REQUIRED",
    items: [
      item("h1", "section_header", { optionGroup: "Option 1" }),
      item("a1", "checkbox", { optionGroup: "Option 1" }),
      item("a2", "checkbox", { optionGroup: "Option 1" }),
      item("b1", "checkbox", { optionGroup: "Option 2" }),
    ],
  });

  it("every item of one option group met recommends met", () => {
    expect(recommend(rule, { a1: true, a2: true })).toBe("met");
    expect(recommend(rule, { b1: true })).toBe("met");
  });

  it("items met across groups without completing one recommend unmet", () => {
    expect(recommend(rule, { a1: true })).toBe("unmet");
  });

  it("a standalone item met recommends met", () => {
    const withStandalone = leaf({
      ...rule,
      items: [...rule.items, item("s", "checkbox", { required: false })],
    });
    expect(recommend(withStandalone, { s: true })).toBe("met");
  });

  it("1.6.1 of the 2024 catalog is met by the deposit slips option alone", () => {
    expect(recommend(leaf2024("1.6.1"), { "1_6_1_opt2_deposit": true })).toBe("met");
    expect(recommend(leaf2024("1.6.1"), { "1_6_1_opt1_a": true })).toBe("unmet");
  });
});

describe("OR_LOGIC_AT_LEAST_1_REQUIRED and SHARED_PLUS_OR_LOGIC", () => {
  for (const validationRule of ["OR_LOGIC_AT_LEAST_1_REQUIRED", "SHARED_PLUS_OR_LOGIC"] as const) {
    const rule = leaf({
      validationRule,
      items: [
        item("report"),
        item("a1", "checkbox", { required: false, optionGroup: "A" }),
        item("a2", "assessment_field", { required: false, optionGroup: "A" }),
        item("b1", "checkbox", { required: false, optionGroup: "B" }),
      ],
    });

    it(`${validationRule}: shared items and one whole option met recommends met`, () => {
      expect(recommend(rule, { report: true, b1: true })).toBe("met");
      expect(recommend(rule, { report: true, a1: true, a2: "yes" })).toBe("met");
    });

    it(`${validationRule}: a missing shared item recommends unmet whatever the options`, () => {
      expect(recommend(rule, { a1: true, a2: "yes", b1: true })).toBe("unmet");
    });

    it(`${validationRule}: no whole option recommends unmet`, () => {
      expect(recommend(rule, { report: true, a1: true, a2: "no" })).toBe("unmet");
    });
  }

  it("without option groups one non-shared item met is an option met", () => {
    const flat = leaf({
      validationRule: "OR_LOGIC_AT_LEAST_1_REQUIRED",
      items: [
        item("a", "checkbox", { required: false }),
        item("b", "checkbox", { required: false }),
      ],
    });
    expect(recommend(flat, { b: true })).toBe("met");
    expect(recommend(flat, {})).toBe("unmet");
  });
});

describe("item kinds", () => {
  it("the rules' item kind codes number the item types in schema order", () => {
    expect(Object.entries(ITEM_KIND)).toEqual(
      itemTypeSchema.options.map((type, code) => [type, code]),
    );
  });
});

describe("plans of several leaves", () => {
  it("each leaf reads its own items, numbered after the items of the leaves before it", () => {
    const all = leaf({ code: "x.1", items: [item("a"), item("b")] });
    const any = leaf({ code: "x.2", validationRule: "ANY_ITEM_REQUIRED", items: [item("c")] });
    const count = leaf2024("3.1.8");
    const plans = recommendationPlans([all, any, count]);
    const values: ChecklistValue[] = [true, true, false, ...count.items.map(() => true)];
    expect(leafRecommendation(plans, 0, values)).toBe("met");
    expect(leafRecommendation(plans, 1, values)).toBe("unmet");
    const at = (key: string) => 3 + count.items.findIndex((entry) => entry.key === key);
    values[at("3_1_8_count")] = 2;
    expect(leafRecommendation(plans, 2, values)).toBe("unmet");
    values[at("3_1_8_count")] = 3;
    expect(leafRecommendation(plans, 2, values)).toBe("met");
  });
});

describe("the compiled plans against the plain reading of §5.2", () => {
  /** Any value of an item's type, and a few of the wrong one, on either side of each threshold. */
  const anyValue = (type: CatalogLeaf["items"][number]["type"]): fc.Arbitrary<ChecklistValue> =>
    fc.oneof(
      { weight: 3, arbitrary: valueOfType(type) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  const valueOfType = (
    type: CatalogLeaf["items"][number]["type"],
  ): fc.Arbitrary<ChecklistValue> => {
    switch (type) {
      case "checkbox":
        return fc.boolean();
      case "assessment_field":
        return fc.constantFrom("yes", "no", true, false);
      case "document_count":
        return fc.nat(12);
      case "date_input":
        return fc.constantFrom(
          "2022-12-31",
          "2023-01-01",
          "2023-03-31",
          "2023-04-01",
          "2020-06-30",
        );
      case "calculation_field":
        return fc.oneof(fc.nat(100), fc.double({ min: -10, max: 1e7, noNaN: true }));
      default:
        return fc.constant(null);
    }
  };
  const leafAndChecklist = fc.constantFrom(...leaves2024.map(({ leaf }) => leaf)).chain((rule) =>
    fc.tuple(
      fc.constant(rule),
      fc.record(Object.fromEntries(rule.items.map((entry) => [entry.key, anyValue(entry.type)]))),
    )
  );

  it("every leaf of the 2024 catalog is recommended as the plain reading says", () => {
    fc.assert(
      fc.property(leafAndChecklist, ([rule, checklist]) => {
        expect(recommend(rule, checklist), rule.code).toBe(
          referenceRecommendation(rule, checklist),
        );
      }),
      { numRuns: 5_000 },
    );
  });
});
