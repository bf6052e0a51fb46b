import type {
  CatalogItem,
  ChecklistValue,
  ClassifierInput,
  Decision,
  EditionDocument,
} from "../../packages/classifier/src/index.ts";

/** Mulberry32: a small seeded PRNG, so every run generates the same assessments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How far an assessment has come: barangay uploads only, reviewed checklists, or validated. */
const stages = ["uploading", "reviewed", "validated"] as const;

function checklistValue(
  item: CatalogItem,
  random: () => number,
  diligence: number,
): ChecklistValue {
  const met = random() < diligence;
  switch (item.type) {
    case "checkbox":
      return met;
    case "assessment_field":
      return met ? "yes" : "no";
    case "document_count":
      return met ? 1 + Math.floor(random() * 4) : 0;
    case "date_input":
      return met ? "2024-03-31" : null;
    case "calculation_field":
      return Math.floor(random() * 100);
    default:
      return null;
  }
}

/**
 * Overwrites the values of the items a leaf's quantitative requirements read, each on the right
 * side of its threshold when met (a count at or above its minimum, a date on the deadline or the
 * earliest day, a period exactly the one required, a share at or above its minimum of a positive
 * base) and on the wrong side otherwise. The keys are already
 * there, so the checklist keeps the catalog's key order.
 */
function applyRequirements(
  checklist: Record<string, ChecklistValue>,
  leaf: EditionDocument["indicators"][number]["leaves"][number],
  random: () => number,
  diligence: number,
): void {
  for (const requirement of leaf.requirements) {
    const met = random() < diligence;
    switch (requirement.kind) {
      case "count":
        checklist[requirement.item] = met
          ? requirement.min + Math.floor(random() * 3)
          : Math.floor(random() * requirement.min);
        break;
      case "deadline":
        checklist[requirement.item] = met ? requirement.onOrBefore : "2099-12-31";
        break;
      case "since":
        checklist[requirement.item] = met ? requirement.onOrAfter : "2000-01-01";
        break;
      case "period":
        checklist[requirement.from] = requirement.covers.from;
        checklist[requirement.until] = met ? requirement.covers.until : requirement.covers.from;
        break;
      case "ratio":
        for (const ratio of requirement.alternatives) {
          const base = 100 + Math.floor(random() * 900);
          const least = Math.ceil((base * ratio.minPercent) / 100);
          checklist[ratio.denominator] = base;
          checklist[ratio.numerator] = met
            ? least + Math.floor(random() * (base - least + 1))
            : least - 1;
        }
        break;
    }
  }
}

/**
 * One synthetic assessment over the whole catalog: a random stage and a random diligence that
 * drives how many slots get a MOV, how many items are met and how many leaves are decided Met.
 */
export function syntheticAssessment(
  catalog: EditionDocument,
  random: () => number,
): ClassifierInput {
  const stage = stages[Math.floor(random() * stages.length)];
  const diligence = 0.5 + random() * 0.5;
  const input: ClassifierInput = { catalog, responses: [], indicatorOverrides: [], movs: [] };
  for (const indicator of catalog.indicators) {
    for (const leaf of indicator.leaves) {
      for (const slot of leaf.slots) {
        if (random() < diligence) input.movs.push({ leafCode: leaf.code, slotKey: slot.key });
      }
      if (stage === "uploading") continue;
      const checklist: Record<string, ChecklistValue> = {};
      for (const item of leaf.items) checklist[item.key] = checklistValue(item, random, diligence);
      applyRequirements(checklist, leaf, random, diligence);
      const roll = random();
      const decision: Decision | null = stage === "reviewed"
        ? null
        : roll < diligence
        ? (leaf.hasConsiderationRule && roll < 0.05 ? "considered" : "met")
        : "unmet";
      input.responses.push({ leafCode: leaf.code, checklist, decision, override: null });
    }
    if (stage === "validated" && !indicator.isProfilingOnly && random() < 0.01) {
      input.indicatorOverrides.push({ indicatorCode: indicator.code, decision: "unmet" });
    }
  }
  return input;
}
