// Builds the EditionDocument (see the shared contracts) from the source catalog and the curation.
import { type Curation, type LeafCuration } from "./curation.ts";
import { keyedSlots, parseUploadSlots, type Slot } from "./slots.ts";
import type { ItemType, SourceCatalog, SourceLeaf, ValidationRule } from "./source.ts";

export type AreaCode = 1 | 2 | 3 | 4 | 5 | 6;

export type Item = {
  key: string;
  label: string;
  type: ItemType;
  required: boolean;
  group: string | null;
  optionGroup: string | null;
  movHint: string | null;
  isProfiling: boolean;
};

export type AccomplishmentFallback = {
  physical: { accomplished: string; target: string };
  financial: { utilized: string; allocated: string };
  physicalOption: string;
  financialOption: string;
};

export type Leaf = {
  code: string;
  name: string;
  description: string;
  validationRule: ValidationRule;
  isProfilingOnly: boolean;
  hasConsiderationRule: boolean;
  considerationText: string | null;
  accomplishmentFallback: AccomplishmentFallback | null;
  items: Item[];
  slots: Slot[];
};

export type Indicator = {
  code: string;
  area: number;
  name: string;
  isBbi: boolean;
  isProfilingOnly: boolean;
  leaves: Leaf[];
};

export type Area = { code: AreaCode; name: string; kind: "core" | "essential" };

export type EditionDocument = {
  edition: string;
  areas: Area[];
  indicators: Indicator[];
};

export const AREAS: Area[] = [
  {
    code: 1,
    name: "Financial Administration and Sustainability",
    kind: "core",
  },
  { code: 2, name: "Disaster Preparedness", kind: "core" },
  { code: 3, name: "Safety, Peace and Order", kind: "core" },
  { code: 4, name: "Social Protection and Sensitivity", kind: "essential" },
  {
    code: 5,
    name: "Business-Friendliness and Competitiveness",
    kind: "essential",
  },
  { code: 6, name: "Environmental Management", kind: "essential" },
];

const CONSIDERATION = /\bConsideration\s*[:\-–]\s*(.+?)\)?\s*$/im;

/** The consideration a requirement text grants, e.g. "Approval until {MARCH_CURRENT_YEAR}". */
export function considerationFromText(text: string): string | null {
  return CONSIDERATION.exec(text)?.[1].trim() ?? null;
}

function considerationOf(leaf: SourceLeaf): string | null {
  const texts = [
    leaf.upload_instructions,
    ...leaf.checklist.flatMap((item) => [item.label, item.mov ?? ""]),
  ];
  for (const text of texts) {
    const consideration = considerationFromText(text);
    if (consideration !== null) return consideration;
  }
  return null;
}

function curatedItemOptionGroups(
  leaf: SourceLeaf,
  curation: LeafCuration,
): Map<string, string> {
  const groups = new Map<string, string>();
  for (const [group, keys] of Object.entries(curation.itemOptionGroups ?? {})) {
    for (const key of keys) {
      if (!leaf.checklist.some((item) => item.id === key)) {
        throw new Error(
          `leaf ${leaf.code}: curated item ${key} does not exist`,
        );
      }
      groups.set(key, group);
    }
  }
  return groups;
}

function buildItems(leaf: SourceLeaf, curation: LeafCuration): Item[] {
  const curatedGroups = curation.itemOptionGroups ? curatedItemOptionGroups(leaf, curation) : null;
  return leaf.checklist.map((item) => ({
    key: item.id,
    label: item.label,
    type: item.type,
    required: item.required,
    group: item.group,
    optionGroup: curatedGroups ? curatedGroups.get(item.id) ?? null : item.option_group,
    movHint: item.mov === null || item.mov.trim() === "" ? null : item.mov,
    isProfiling: item.profiling,
  }));
}

function checkFallback(
  leafCode: string,
  items: Item[],
  fallback: AccomplishmentFallback,
): void {
  const keys = [
    fallback.physical.accomplished,
    fallback.physical.target,
    fallback.financial.utilized,
    fallback.financial.allocated,
  ];
  for (const key of keys) {
    const item = items.find((candidate) => candidate.key === key);
    if (item?.type !== "calculation_field") {
      throw new Error(
        `leaf ${leafCode}: fallback field ${key} is not a calculation_field item`,
      );
    }
  }
  for (const option of [fallback.physicalOption, fallback.financialOption]) {
    if (!items.some((item) => item.optionGroup === option)) {
      throw new Error(
        `leaf ${leafCode}: fallback option ${option} has no items`,
      );
    }
  }
}

function buildLeaf(leaf: SourceLeaf, curation: LeafCuration): Leaf {
  const items = buildItems(leaf, curation);
  const slots = curation.slots ??
    keyedSlots(leaf.code, parseUploadSlots(leaf.upload_instructions));
  const considerationText = curation.considerationText ?? considerationOf(leaf);
  const accomplishmentFallback = curation.accomplishmentFallback ?? null;
  if (accomplishmentFallback) {
    checkFallback(leaf.code, items, accomplishmentFallback);
  }
  return {
    code: leaf.code,
    name: leaf.name,
    description: leaf.upload_instructions,
    validationRule: leaf.validation_rule,
    isProfilingOnly: leaf.is_profiling_only,
    hasConsiderationRule: considerationText !== null,
    considerationText,
    accomplishmentFallback,
    items,
    slots,
  };
}

export function buildEdition(
  edition: string,
  source: SourceCatalog,
  curation: Curation,
): EditionDocument {
  const leafCodes = new Set(
    source.flatMap((indicator) => indicator.children.map((l) => l.code)),
  );
  for (const code of Object.keys(curation)) {
    if (!leafCodes.has(code)) {
      throw new Error(`curation names unknown leaf ${code}`);
    }
  }
  return {
    edition,
    areas: AREAS,
    indicators: source.map((indicator) => ({
      code: indicator.code,
      area: indicator.area,
      name: indicator.name,
      isBbi: indicator.is_bbi,
      isProfilingOnly: indicator.is_profiling_only,
      leaves: indicator.children.map((leaf) => buildLeaf(leaf, curation[leaf.code] ?? {})),
    })),
  };
}
