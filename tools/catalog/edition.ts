// Builds the EditionDocument (see the shared contracts) from the source catalog, the curation and
// the transcription of the Technical Notes.
import { type Curation, type LeafCuration } from "./curation.ts";
import { type LeafNotes, type Notes } from "./notes.ts";
import { keyedSlots, parseUploadSlots, type Slot } from "./slots.ts";
import type {
  ItemType,
  Requirement,
  SourceCatalog,
  SourceItem,
  SourceLeaf,
  ValidationRule,
} from "./source.ts";

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
  /** Who enters the item's value: the barangay in its answers, or a reviewer in the checklist. */
  enteredBy: EnteredBy;
};

export type EnteredBy = "barangay" | "reviewer";

export type Leaf = {
  code: string;
  name: string;
  description: string;
  validationRule: ValidationRule;
  isProfilingOnly: boolean;
  hasConsiderationRule: boolean;
  considerationText: string | null;
  /** The page of the Technical Notes that states the leaf's minimum requirement. */
  notesPage: number;
  /** The leaf's quantitative requirements, as the Technical Notes state them. */
  requirements: Requirement[];
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

/** Types whose values a barangay supplies ("Please supply..."); a reviewer checks the rest. */
const BARANGAY_TYPES: ReadonlySet<ItemType> = new Set([
  "document_count",
  "date_input",
  "calculation_field",
]);

/** The source's items with the notes' retyped and added items, in display order. */
function sourceItems(leaf: SourceLeaf, notes: LeafNotes): SourceItem[] {
  const items = leaf.checklist.map((item) => ({
    ...item,
    type: notes.itemTypes?.[item.id] ?? item.type,
  }));
  for (const key of Object.keys(notes.itemTypes ?? {})) {
    if (!leaf.checklist.some((item) => item.id === key)) {
      throw new Error(`leaf ${leaf.code}: retyped item ${key} does not exist`);
    }
  }
  for (const added of notes.addedItems ?? []) {
    const at = items.findIndex((item) => item.id === added.after);
    if (at < 0) throw new Error(`leaf ${leaf.code}: item ${added.after} does not exist`);
    items.splice(at + 1, 0, {
      id: added.key,
      label: added.label,
      type: added.type,
      // Marked required only where the leaf marks its own: in a leaf marking none, every item is.
      required: leaf.checklist.some((item) => item.required),
      group: null,
      option_group: null,
      mov: null,
      profiling: false,
    });
  }
  return items;
}

function curatedItemOptionGroups(
  leafCode: string,
  items: SourceItem[],
  curation: LeafCuration,
): Map<string, string> {
  const groups = new Map<string, string>();
  for (const [group, keys] of Object.entries(curation.itemOptionGroups ?? {})) {
    for (const key of keys) {
      if (!items.some((item) => item.id === key)) {
        throw new Error(`leaf ${leafCode}: curated item ${key} does not exist`);
      }
      groups.set(key, group);
    }
  }
  return groups;
}

function buildItems(leaf: SourceLeaf, curation: LeafCuration, notes: LeafNotes): Item[] {
  const items = sourceItems(leaf, notes);
  const curatedGroups = curation.itemOptionGroups
    ? curatedItemOptionGroups(leaf.code, items, curation)
    : null;
  return items.map((item) => ({
    key: item.id,
    label: item.label,
    type: item.type,
    required: item.required,
    group: item.group,
    optionGroup: curatedGroups ? curatedGroups.get(item.id) ?? null : item.option_group,
    movHint: item.mov === null || item.mov.trim() === "" ? null : item.mov,
    isProfiling: item.profiling,
    enteredBy: BARANGAY_TYPES.has(item.type) ? "barangay" : "reviewer",
  }));
}

/** The item type each requirement reads its value from. */
const READS: Record<Requirement["kind"], ItemType> = {
  count: "document_count",
  ratio: "calculation_field",
  deadline: "date_input",
  since: "date_input",
  period: "date_input",
};

/** Placeholders a requirement may hold: `catalogForYear` resolves these, as the database does. */
const REQUIREMENT_PLACEHOLDER = /\{(?!CURRENT_YEAR\}|PREVIOUS_YEAR\})[A-Z0-9_]+\}/;

/**
 * Refuses a requirement naming an item the leaf lacks, of another type, or an unknown option, or
 * holding a year placeholder other than {CURRENT_YEAR} and {PREVIOUS_YEAR}.
 */
function checkRequirements(leafCode: string, items: Item[], requirements: Requirement[]): void {
  for (const requirement of requirements) {
    const placeholder = REQUIREMENT_PLACEHOLDER.exec(JSON.stringify(requirement));
    if (placeholder !== null) {
      throw new Error(
        `leaf ${leafCode}: requirement placeholder ${placeholder[0]} is not resolved`,
      );
    }
    const keys = requirement.kind === "ratio"
      ? requirement.alternatives.flatMap((ratio) => [ratio.numerator, ratio.denominator])
      : requirement.kind === "period"
      ? [requirement.from, requirement.until]
      : [requirement.item];
    for (const key of keys) {
      const item = items.find((candidate) => candidate.key === key);
      if (item?.type !== READS[requirement.kind]) {
        throw new Error(
          `leaf ${leafCode}: ${requirement.kind} requirement item ${key} is not a ` +
            `${READS[requirement.kind]} item`,
        );
      }
    }
    if (requirement.kind !== "ratio") continue;
    for (const { option } of requirement.alternatives) {
      if (option !== null && !items.some((item) => item.optionGroup === option)) {
        throw new Error(`leaf ${leafCode}: ratio option ${option} has no items`);
      }
    }
  }
}

function buildLeaf(leaf: SourceLeaf, curation: LeafCuration, notes: LeafNotes): Leaf {
  const items = buildItems(leaf, curation, notes);
  const slots = curation.slots ??
    keyedSlots(leaf.code, parseUploadSlots(leaf.upload_instructions));
  const considerationText = curation.considerationText ?? considerationOf(leaf);
  const requirements = notes.requirements ?? [];
  checkRequirements(leaf.code, items, requirements);
  return {
    code: leaf.code,
    name: leaf.name,
    description: leaf.upload_instructions,
    validationRule: leaf.validation_rule,
    isProfilingOnly: leaf.is_profiling_only,
    hasConsiderationRule: considerationText !== null,
    considerationText,
    notesPage: notes.page,
    requirements,
    items,
    slots,
  };
}

export function buildEdition(
  edition: string,
  source: SourceCatalog,
  curation: Curation,
  notes: Notes,
): EditionDocument {
  const leafCodes = new Set(
    source.flatMap((indicator) => indicator.children.map((l) => l.code)),
  );
  for (const code of Object.keys(curation)) {
    if (!leafCodes.has(code)) {
      throw new Error(`curation names unknown leaf ${code}`);
    }
  }
  for (const code of Object.keys(notes)) {
    if (!leafCodes.has(code)) throw new Error(`the notes name unknown leaf ${code}`);
  }
  const notesOf = (code: string): LeafNotes =>
    notes[code] ?? (() => {
      throw new Error(`the notes do not list leaf ${code}`);
    })();
  return {
    edition,
    areas: AREAS,
    indicators: source.map((indicator) => ({
      code: indicator.code,
      area: indicator.area,
      name: indicator.name,
      isBbi: indicator.is_bbi,
      isProfilingOnly: indicator.is_profiling_only,
      leaves: indicator.children.map((leaf) =>
        buildLeaf(leaf, curation[leaf.code] ?? {}, notesOf(leaf.code))
      ),
    })),
  };
}
