import type { CatalogSlot } from "./schema.ts";

/** §5 rule 1 and §5.6, leaf completeness: all shared slots and one whole option group have a live MOV. */
export type Completeness = {
  complete: boolean;
  missingSlots: string[];
  satisfiedOption: string | null;
};

type SlotLayout = { shared: string[]; options: [name: string, slotKeys: string[]][] };

const layouts = new WeakMap<readonly CatalogSlot[], SlotLayout>();

/** Shared slot keys and option groups in catalog order, derived once per catalog leaf. */
function slotLayout(slots: readonly CatalogSlot[]): SlotLayout {
  const cached = layouts.get(slots);
  if (cached !== undefined) return cached;
  const options = new Map<string, string[]>();
  for (const { key, optionGroup } of slots) {
    if (optionGroup !== null) options.set(optionGroup, [...(options.get(optionGroup) ?? []), key]);
  }
  const layout = {
    shared: slots.filter((slot) => slot.optionGroup === null).map((slot) => slot.key),
    options: [...options],
  };
  layouts.set(slots, layout);
  return layout;
}

/**
 * Missing slots are the missing shared slots and, when no option group is whole, the missing slots
 * of the group closest to complete (the first in catalog order on a tie).
 */
export function leafCompleteness(
  slots: readonly CatalogSlot[],
  uploaded: { has(slotKey: string): boolean },
): Completeness {
  const { shared, options } = slotLayout(slots);
  const isMissing = (key: string) => !uploaded.has(key);
  const missingShared = shared.filter(isMissing);
  if (options.length === 0) {
    return {
      complete: missingShared.length === 0,
      missingSlots: missingShared,
      satisfiedOption: null,
    };
  }
  const satisfied = options.find(([, keys]) => !keys.some(isMissing));
  if (satisfied !== undefined) {
    return {
      complete: missingShared.length === 0,
      missingSlots: missingShared,
      satisfiedOption: satisfied[0],
    };
  }
  const missingByOption = options.map(([, keys]) => keys.filter(isMissing));
  const closest = missingByOption.reduce((
    best,
    missing,
  ) => (missing.length < best.length ? missing : best));
  return { complete: false, missingSlots: [...missingShared, ...closest], satisfiedOption: null };
}
