import type { CatalogSlot } from "./schema.ts";

/** §5.1 / §5.6 Leaf completeness: all shared slots and one whole option group have a live MOV. */
export type Completeness = {
  complete: boolean;
  missingSlots: string[];
  satisfiedOption: string | null;
};

export function leafCompleteness(
  slots: readonly CatalogSlot[],
  uploaded: ReadonlySet<string>,
): Completeness {
  const missingShared: string[] = [];
  const missingByOption = new Map<string, string[]>();
  for (const slot of slots) {
    const isMissing = !uploaded.has(slot.key);
    if (slot.optionGroup === null) {
      if (isMissing) missingShared.push(slot.key);
      continue;
    }
    const missing = missingByOption.get(slot.optionGroup) ?? [];
    if (isMissing) missing.push(slot.key);
    missingByOption.set(slot.optionGroup, missing);
  }

  const options = [...missingByOption];
  if (options.length === 0) {
    return {
      complete: missingShared.length === 0,
      missingSlots: missingShared,
      satisfiedOption: null,
    };
  }
  const satisfied = options.find(([, missing]) => missing.length === 0);
  if (satisfied !== undefined) {
    return {
      complete: missingShared.length === 0,
      missingSlots: missingShared,
      satisfiedOption: satisfied[0],
    };
  }
  const [, closest] = options.reduce((best, option) =>
    option[1].length < best[1].length ? option : best
  );
  return { complete: false, missingSlots: [...missingShared, ...closest], satisfiedOption: null };
}
