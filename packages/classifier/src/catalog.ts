import { type SlotLayout, slotLayout } from "./completeness.ts";
import { ClassifierInputError, fromZodError } from "./errors.ts";
import { type LeafReasons, leafReasons } from "./explain.ts";
import { type RecommendationPlans, recommendationPlans } from "./recommendation.ts";
import {
  type Catalog,
  type CatalogArea,
  type CatalogIndicator,
  type CatalogLeaf,
  catalogSchema,
} from "./schema.ts";

/** A leaf with its place in the catalog and its rules compiled to item and slot positions. */
export type PlacedLeaf = {
  leaf: CatalogLeaf;
  indicator: CatalogIndicator;
  /** The leaf's code, its indicator's code and area, read on every classification. */
  code: string;
  indicatorCode: string;
  area: number;
  /** Position among the catalog's leaves. */
  position: number;
  /** Position of the leaf's area among the catalog's areas. */
  areaPosition: number;
  /** Position of the leaf's first slot among all the catalog's slots, and of its first item among all items. */
  slotOffset: number;
  itemOffset: number;
  /** False for profiling-only leaves and leaves of profiling-only indicators: never scored. */
  scored: boolean;
  itemCount: number;
  slotCount: number;
  /** The leaf's item positions by key. */
  itemPositions: ReadonlyMap<string, number>;
  slots: SlotLayout;
  reasons: LeafReasons;
};

export type PlacedIndicator = { indicator: CatalogIndicator; position: number };

/** A validated catalog, indexed for lookups by code. */
export type IndexedCatalog = {
  catalog: Catalog;
  areas: readonly CatalogArea[];
  indicators: readonly CatalogIndicator[];
  leaves: readonly PlacedLeaf[];
  slotCount: number;
  /** Leaf i's slots are positions `slotOffsets[i]` to `slotOffsets[i + 1]` (exclusive) among all slots. */
  slotOffsets: Int32Array;
  itemCount: number;
  /** Leaf i's items are positions `itemOffsets[i]` to `itemOffsets[i + 1]` (exclusive) among all items. */
  itemOffsets: Int32Array;
  /** Every item's key, and every slot's key, by position among all items or slots. */
  itemKeys: readonly string[];
  slotKeys: readonly string[];
  /** The leaves' recommendation rules, and every item's `ITEM_KIND` (`plans.kinds`). */
  plans: RecommendationPlans;
  /** Each leaf's indicator position among the catalog's indicators. */
  leafIndicators: Int32Array;
  leafByCode: ReadonlyMap<string, PlacedLeaf>;
  /** Each indicator's area position among the catalog's areas. */
  indicatorAreas: Int32Array;
  /** Each area's scored leaf positions, in catalog order: the leaves that can fail it. */
  areaScoredLeaves: readonly (readonly number[])[];
  indicatorByCode: ReadonlyMap<string, PlacedIndicator>;
};

export function indexCatalog(input: unknown): IndexedCatalog {
  const parsed = catalogSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, ["catalog"]);
  const catalog = parsed.data;

  const areaCodes = uniqueCodes(
    catalog.areas.map((area) => area.code),
    (i) => `catalog.areas[${i}].code`,
  );
  const indicatorByCode = new Map<string, PlacedIndicator>();
  const leafByCode = new Map<string, PlacedLeaf>();
  const leaves: PlacedLeaf[] = [];
  let slotCount = 0;
  let itemCount = 0;
  // Item keys and slot keys of all leaves, each in one array: the reader touches a few cache
  // lines instead of an array per leaf.
  const itemKeys: string[] = [];
  const slotKeys: string[] = [];
  const leafIndicators: number[] = [];

  const indicatorAreas = Int32Array.from(
    catalog.indicators,
    (indicator) => catalog.areas.findIndex((area) => area.code === indicator.area),
  );

  catalog.indicators.forEach((indicator, i) => {
    const at = `catalog.indicators[${i}]`;
    if (indicatorByCode.has(indicator.code)) {
      throw new ClassifierInputError(`${at}.code`, "duplicate indicator code");
    }
    if (leafByCode.has(indicator.code)) {
      throw new ClassifierInputError(`${at}.code`, "duplicate code");
    }
    if (!areaCodes.has(indicator.area)) {
      throw new ClassifierInputError(`${at}.area`, "is not an area of the catalog");
    }
    indicatorByCode.set(indicator.code, { indicator, position: i });
    indicator.leaves.forEach((leaf, j) => {
      const leafAt = `${at}.leaves[${j}]`;
      if (leafByCode.has(leaf.code) || indicatorByCode.has(leaf.code)) {
        throw new ClassifierInputError(`${leafAt}.code`, "duplicate code");
      }
      checkLeaf(leaf, leafAt);
      const placed = {
        leaf,
        indicator,
        code: leaf.code,
        indicatorCode: indicator.code,
        area: indicator.area,
        position: leaves.length,
        areaPosition: indicatorAreas[i],
        slotOffset: slotCount,
        itemOffset: itemCount,
        scored: !indicator.isProfilingOnly && !leaf.isProfilingOnly,
        itemCount: leaf.items.length,
        slotCount: leaf.slots.length,
        itemPositions: new Map(leaf.items.map((item, position) => [item.key, position])),
        slots: slotLayout(leaf.slots),
        reasons: leafReasons(leaf.code, leaf.slots.map((slot) => slot.key)),
      };
      leafByCode.set(leaf.code, placed);
      leaves.push(placed);
      leafIndicators.push(i);
      for (const item of leaf.items) itemKeys.push(item.key);
      for (const slot of leaf.slots) slotKeys.push(slot.key);
      slotCount += leaf.slots.length;
      itemCount += leaf.items.length;
    });
  });

  const plans = recommendationPlans(leaves.map((placed) => placed.leaf));
  return {
    catalog,
    areas: catalog.areas,
    indicators: catalog.indicators,
    leaves,
    slotCount,
    slotOffsets: Int32Array.from([...leaves.map((placed) => placed.slotOffset), slotCount]),
    itemCount,
    itemOffsets: Int32Array.from([...leaves.map((placed) => placed.itemOffset), itemCount]),
    itemKeys,
    slotKeys,
    plans,
    leafIndicators: Int32Array.from(leafIndicators),
    leafByCode,
    indicatorAreas,
    areaScoredLeaves: catalog.areas.map((_, a) =>
      leaves.filter((placed) => placed.scored && placed.areaPosition === a)
        .map((placed) => placed.position)
    ),
    indicatorByCode,
  };
}

function checkLeaf(leaf: CatalogLeaf, at: string): void {
  const itemKeys = uniqueCodes(leaf.items.map((item) => item.key), (k) => `${at}.items[${k}].key`);
  uniqueCodes(leaf.slots.map((slot) => slot.key), (k) => `${at}.slots[${k}].key`);
  const optionGroups = new Set(leaf.items.map((item) => item.optionGroup));
  leaf.requirements.forEach((requirement, r) => {
    const requirementAt = `${at}.requirements[${r}]`;
    const checkItem = (key: string, field: string) => {
      if (!itemKeys.has(key)) {
        throw new ClassifierInputError(`${requirementAt}.${field}`, "is not an item of this leaf");
      }
    };
    if (requirement.kind === "period") {
      checkItem(requirement.from, "from");
      return checkItem(requirement.until, "until");
    }
    if (requirement.kind !== "ratio") return checkItem(requirement.item, "item");
    requirement.alternatives.forEach((ratio, a) => {
      checkItem(ratio.numerator, `alternatives[${a}].numerator`);
      checkItem(ratio.denominator, `alternatives[${a}].denominator`);
      if (ratio.option !== null && !optionGroups.has(ratio.option)) {
        throw new ClassifierInputError(
          `${requirementAt}.alternatives[${a}].option`,
          "is not an option group of this leaf",
        );
      }
    });
  });
}

function uniqueCodes<T>(codes: readonly T[], fieldAt: (index: number) => string): Set<T> {
  const seen = new Set<T>();
  codes.forEach((code, index) => {
    if (seen.has(code)) throw new ClassifierInputError(fieldAt(index), "duplicate");
    seen.add(code);
  });
  return seen;
}
