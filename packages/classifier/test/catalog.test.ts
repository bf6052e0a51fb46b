import { describe, expect, it } from "vitest";
import { indexCatalog } from "../src/catalog.ts";
import { classify } from "../src/index.ts";
import { catalog2024, input2024, item, leaf } from "./fixtures/assessments.ts";

const catalogWith = (leaves = [leaf()]) => ({
  areas: [{ code: 9, kind: "core" as const }],
  indicators: [{ code: "9.1", area: 9, isBbi: false, isProfilingOnly: false, leaves }],
});

describe("catalog", () => {
  it("the 2024 catalog has 31 indicators, 84 leaves and 305 checklist items", () => {
    const indexed = indexCatalog(catalog2024);
    expect(indexed.indicators).toHaveLength(31);
    expect(indexed.leaves).toHaveLength(84);
    expect(indexed.leaves.reduce((n, { leaf }) => n + leaf.items.length, 0)).toBe(305);
  });

  it("leaves of profiling-only indicators and profiling-only leaves are not scored", () => {
    const scored = indexCatalog(catalog2024).leaves.filter((l) => !l.scored).map((l) =>
      l.leaf.code
    );
    expect(scored).toEqual(["4.1.7", "4.2.2", "4.9.1", "4.9.2", "4.9.3", "4.9.4", "4.9.5"]);
  });

  it("a duplicate leaf code is refused", () => {
    expect(() => indexCatalog(catalogWith([leaf(), leaf()]))).toThrow(
      "catalog.indicators[0].leaves[1].code",
    );
  });

  it("a leaf code equal to an indicator's code is refused, whichever comes first", () => {
    const catalog = catalogWith([leaf({ code: "9.2" })]);
    const later = { ...catalog.indicators[0], code: "9.2", leaves: [leaf({ code: "9.2.1" })] };
    expect(() => indexCatalog({ ...catalog, indicators: [...catalog.indicators, later] }))
      .toThrow("catalog.indicators[1].code: duplicate code");
    expect(() => indexCatalog({ ...catalog, indicators: [later, ...catalog.indicators] }))
      .toThrow("catalog.indicators[1].leaves[0].code: duplicate code");
  });

  it("an indicator in an area the catalog lacks is refused", () => {
    const catalog = catalogWith();
    catalog.indicators[0].area = 8;
    expect(() => indexCatalog(catalog)).toThrow("catalog.indicators[0].area");
  });

  it("a duplicate item key is refused", () => {
    expect(() => indexCatalog(catalogWith([leaf({ items: [item("a"), item("a")] })]))).toThrow(
      "catalog.indicators[0].leaves[0].items[1].key",
    );
  });

  it("a requirement naming an item the leaf lacks, or an option it lacks, is refused", () => {
    const words = { en: "m", fil: "m" };
    const ratio = (option: string | null) => ({
      kind: "ratio" as const,
      alternatives: [{ numerator: "a", denominator: "t", minPercent: 50, option, measure: words }],
      page: 1,
    });
    const items = [item("a", "calculation_field"), item("t", "calculation_field")];
    expect(() =>
      indexCatalog(catalogWith([leaf({ items: [items[0]], requirements: [ratio(null)] })]))
    )
      .toThrow("catalog.indicators[0].leaves[0].requirements[0].alternatives[0].denominator");
    expect(() => indexCatalog(catalogWith([leaf({ items, requirements: [ratio("Option Z")] })])))
      .toThrow("catalog.indicators[0].leaves[0].requirements[0].alternatives[0].option");
    const count = { kind: "count" as const, item: "n", min: 3, counted: words, page: 1 };
    expect(() => indexCatalog(catalogWith([leaf({ items, requirements: [count] })])))
      .toThrow("catalog.indicators[0].leaves[0].requirements[0].item");
  });

  it("a malformed catalog is refused with the path of the field", async () => {
    const catalog = structuredClone(catalog2024);
    (catalog.indicators[2].leaves[0] as { validationRule: string }).validationRule = "SOMETIMES";
    await expect(classify({ ...input2024(), catalog })).rejects.toMatchObject({
      field: "catalog.indicators[2].leaves[0].validationRule",
    });
  });
});
