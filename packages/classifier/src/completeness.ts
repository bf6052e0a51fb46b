import type { CatalogSlot } from "./schema.ts";

/** §5 rule 1 and §5.6, leaf completeness: all shared slots and one whole option group have a live MOV. */
export type Completeness = {
  complete: boolean;
  missingSlots: string[];
  satisfiedOption: string | null;
};

/** Live files by slot position (from an offset); absent or 0 when a slot has none. */
export type LiveFiles = ArrayLike<number> | undefined;

/** A leaf's slots as positions: shared slots and option groups in catalog order, compiled once per leaf. */
export type SlotLayout = {
  keys: readonly string[];
  shared: readonly number[];
  options: readonly { name: string; slots: readonly number[] }[];
  /** The result when every shared slot is filled, per option satisfied (or for a leaf without options). */
  completeWith: ReadonlyMap<string | null, Completeness>;
  /**
   * Completeness depends only on which slots have a live file: results are kept frozen by that
   * set (a bit per slot) once computed, for leaves with at most MAX_CACHED_SLOTS slots.
   */
  bySlotsFilled: (Completeness | undefined)[] | null;
};

const MAX_CACHED_SLOTS = 12;

const NO_SLOTS = Object.freeze([]) as unknown as string[];

const frozenCompleteness = (satisfiedOption: string | null): Completeness =>
  Object.freeze({ complete: true, missingSlots: NO_SLOTS, satisfiedOption });

export function slotLayout(slots: readonly CatalogSlot[]): SlotLayout {
  const options = new Map<string, number[]>();
  const shared: number[] = [];
  slots.forEach(({ optionGroup }, position) => {
    if (optionGroup === null) shared.push(position);
    else options.set(optionGroup, [...(options.get(optionGroup) ?? []), position]);
  });
  const names = options.size === 0 ? [null] : [...options.keys()];
  return {
    keys: slots.map((slot) => slot.key),
    shared,
    options: [...options].map(([name, positions]) => ({ name, slots: positions })),
    completeWith: new Map(names.map((name) => [name, frozenCompleteness(name)])),
    bySlotsFilled: slots.length <= MAX_CACHED_SLOTS ? new Array(2 ** slots.length) : null,
  };
}

function missingIn(
  layout: SlotLayout,
  positions: readonly number[],
  files: LiveFiles,
  offset: number,
  into: string[],
): string[] {
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i];
    if (files === undefined || !(files[offset + position] > 0)) into.push(layout.keys[position]);
  }
  return into;
}

function isWhole(positions: readonly number[], files: LiveFiles, offset: number): boolean {
  if (files === undefined) return positions.length === 0;
  for (let i = 0; i < positions.length; i++) if (!(files[offset + positions[i]] > 0)) return false;
  return true;
}

/** Which of a leaf's slots have a live file, a bit per slot (slot i is bit i). */
export function filledSlots(layout: SlotLayout, files: LiveFiles, offset = 0): number {
  let filled = 0;
  if (files !== undefined) {
    for (let i = 0; i < layout.keys.length; i++) if (files[offset + i] > 0) filled |= 1 << i;
  }
  return filled;
}

/**
 * Missing slots are the missing shared slots and, when no option group is whole, the missing slots
 * of the group closest to complete (the first in catalog order on a tie). The leaf's slot counts
 * are `files[offset]` onwards; `filled` is their `filledSlots`, when the caller already has it.
 */
export function leafCompleteness(
  layout: SlotLayout,
  files: LiveFiles,
  offset = 0,
  filled?: number,
): Completeness {
  const cache = layout.bySlotsFilled;
  if (cache === null) return computeCompleteness(layout, files, offset);
  const key = filled ?? filledSlots(layout, files, offset);
  let completeness = cache[key];
  if (completeness === undefined) {
    completeness = computeCompleteness(layout, files, offset);
    Object.freeze(completeness.missingSlots);
    cache[key] = Object.freeze(completeness);
  }
  return completeness;
}

function computeCompleteness(layout: SlotLayout, files: LiveFiles, offset: number): Completeness {
  let satisfied: string | null = null;
  if (layout.options.length > 0) {
    const whole = layout.options.find((option) => isWhole(option.slots, files, offset));
    if (whole === undefined) return incomplete(layout, files, offset);
    satisfied = whole.name;
  }
  if (isWhole(layout.shared, files, offset)) {
    return layout.completeWith.get(satisfied) as Completeness;
  }
  return {
    complete: false,
    missingSlots: missingIn(layout, layout.shared, files, offset, []),
    satisfiedOption: satisfied,
  };
}

function incomplete(layout: SlotLayout, files: LiveFiles, offset: number): Completeness {
  let closest = missingIn(layout, layout.options[0].slots, files, offset, []);
  for (let i = 1; i < layout.options.length; i++) {
    const missing = missingIn(layout, layout.options[i].slots, files, offset, []);
    if (missing.length < closest.length) closest = missing;
  }
  const missingSlots = missingIn(layout, layout.shared, files, offset, []);
  for (const key of closest) missingSlots.push(key);
  return { complete: false, missingSlots, satisfiedOption: null };
}
