import { ClassifierInputError, fromZodError } from "./errors.ts";
import {
  type Catalog,
  type CatalogArea,
  type CatalogIndicator,
  type CatalogLeaf,
  catalogSchema,
} from "./schema.ts";

/** A leaf with what the rules need to know about its place in the catalog. */
export type PlacedLeaf = {
  leaf: CatalogLeaf;
  indicator: CatalogIndicator;
  /** False for profiling-only leaves and leaves of profiling-only indicators: never scored. */
  scored: boolean;
  slotKeys: ReadonlySet<string>;
};

/** A validated catalog, indexed for lookups by code. */
export type IndexedCatalog = {
  catalog: Catalog;
  areas: readonly CatalogArea[];
  indicators: readonly CatalogIndicator[];
  leaves: readonly PlacedLeaf[];
  leafByCode: ReadonlyMap<string, PlacedLeaf>;
  indicatorByCode: ReadonlyMap<string, CatalogIndicator>;
};

export function indexCatalog(input: unknown): IndexedCatalog {
  const parsed = catalogSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, ["catalog"]);
  const catalog = parsed.data;

  const areaCodes = uniqueCodes(
    catalog.areas.map((area) => area.code),
    (i) => `catalog.areas[${i}].code`,
  );
  const indicatorByCode = new Map<string, CatalogIndicator>();
  const leafByCode = new Map<string, PlacedLeaf>();
  const leaves: PlacedLeaf[] = [];

  catalog.indicators.forEach((indicator, i) => {
    const at = `catalog.indicators[${i}]`;
    if (indicatorByCode.has(indicator.code)) {
      throw new ClassifierInputError(`${at}.code`, "duplicate indicator code");
    }
    if (!areaCodes.has(indicator.area)) {
      throw new ClassifierInputError(`${at}.area`, "is not an area of the catalog");
    }
    indicatorByCode.set(indicator.code, indicator);
    indicator.leaves.forEach((leaf, j) => {
      const leafAt = `${at}.leaves[${j}]`;
      if (leafByCode.has(leaf.code) || indicatorByCode.has(leaf.code)) {
        throw new ClassifierInputError(`${leafAt}.code`, "duplicate code");
      }
      checkLeaf(leaf, leafAt);
      const placed = {
        leaf,
        indicator,
        scored: !indicator.isProfilingOnly && !leaf.isProfilingOnly,
        slotKeys: new Set(leaf.slots.map((slot) => slot.key)),
      };
      leafByCode.set(leaf.code, placed);
      leaves.push(placed);
    });
  });

  return {
    catalog,
    areas: catalog.areas,
    indicators: catalog.indicators,
    leaves,
    leafByCode,
    indicatorByCode,
  };
}

function checkLeaf(leaf: CatalogLeaf, at: string): void {
  const itemKeys = uniqueCodes(leaf.items.map((item) => item.key), (k) => `${at}.items[${k}].key`);
  uniqueCodes(leaf.slots.map((slot) => slot.key), (k) => `${at}.slots[${k}].key`);
  const fallback = leaf.accomplishmentFallback;
  if (fallback === null) return;
  const ratioKeys = {
    "physical.accomplished": fallback.physical.accomplished,
    "physical.target": fallback.physical.target,
    "financial.utilized": fallback.financial.utilized,
    "financial.allocated": fallback.financial.allocated,
  };
  for (const [name, key] of Object.entries(ratioKeys)) {
    if (!itemKeys.has(key)) {
      throw new ClassifierInputError(
        `${at}.accomplishmentFallback.${name}`,
        "is not an item of this leaf",
      );
    }
  }
}

function uniqueCodes<T>(codes: readonly T[], fieldAt: (index: number) => string): Set<T> {
  const seen = new Set<T>();
  codes.forEach((code, index) => {
    if (seen.has(code)) throw new ClassifierInputError(fieldAt(index), "duplicate");
    seen.add(code);
  });
  return seen;
}
