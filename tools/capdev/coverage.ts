import type { LeafIntervention } from "./interventions-2024.ts";
import { OFFICES } from "./offices.ts";

type Edition = {
  indicators: {
    isProfilingOnly: boolean;
    leaves: { code: string; isProfilingOnly: boolean }[];
  }[];
};

/** The scored sub-indicators of an edition: neither they nor their indicator are profiling-only. */
export function scoredLeafCodes(edition: Edition): string[] {
  return edition.indicators
    .filter((indicator) => !indicator.isProfilingOnly)
    .flatMap((indicator) => indicator.leaves.filter((leaf) => !leaf.isProfilingOnly))
    .map((leaf) => leaf.code);
}

/**
 * What keeps the curated interventions from seeding the edition: a scored sub-indicator without
 * one, a code that is no scored sub-indicator, an unknown office, a blank text or time frame.
 */
export function coverageProblems(
  edition: Edition,
  interventions: Record<string, LeafIntervention>,
): string[] {
  const scored = scoredLeafCodes(edition);
  const problems = scored
    .filter((code) => !Object.hasOwn(interventions, code))
    .map((code) => `${code}: scored sub-indicator without an intervention`);
  for (const [code, leaf] of Object.entries(interventions)) {
    if (!scored.includes(code)) problems.push(`${code}: not a scored sub-indicator of the edition`);
    if (!Object.hasOwn(OFFICES, leaf.office)) {
      problems.push(`${code}: unknown office ${leaf.office}`);
    }
    if (!Number.isInteger(leaf.days) || leaf.days < 1 || leaf.days > 366) {
      problems.push(`${code}: the time frame must be 1 to 366 days`);
    }
    for (const [field, texts] of Object.entries({ action: leaf.action, evidence: leaf.evidence })) {
      for (const [language, text] of Object.entries(texts)) {
        if (text.trim().length === 0) problems.push(`${code}: ${field}.${language} is blank`);
      }
      if (texts.en === texts.fil) problems.push(`${code}: ${field} is not translated`);
    }
  }
  return problems;
}
