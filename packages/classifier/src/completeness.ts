import type { CatalogSlot } from "./schema.ts";

/** §5 rule 1 and §5.6, leaf completeness: all shared slots and one whole option group have a live MOV. */
export type Completeness = {
  complete: boolean;
  missingSlots: string[];
  satisfiedOption: string | null;
};

/** Live files by slot position (from an offset); 0 when a slot has none. */
export type LiveFiles = ArrayLike<number>;

/** A leaf's slots as positions: shared slots and option groups in catalog order, compiled once per leaf. */
export type SlotLayout = {
  keys: readonly string[];
  shared: readonly number[];
  options: readonly { name: string; slots: readonly number[] }[];
  /** The result when every shared slot is filled, per option satisfied (or for a leaf without options). */
  completeWith: ReadonlyMap<string | null, Completeness>;
};

/** Leaves with more slots are not cached: a leaf takes 2^slots entries of a `SlotSetCache`. */
const MAX_CACHED_SLOTS = 12;

/**
 * What depends only on which of a leaf's slots have a live file (its completeness, its missing-MOV
 * failures), kept for a whole catalog in one flat array by leaf position and set of filled slots
 * (a bit per slot, as the reader's `filledSlots`), so it is worked out once. Leaves with more than
 * MAX_CACHED_SLOTS slots are not cached.
 */
export class SlotSetCache<T> {
  private readonly starts: Int32Array;
  private readonly entries: (T | undefined)[];

  constructor(slotCounts: readonly number[]) {
    this.starts = new Int32Array(slotCounts.length);
    let size = 0;
    slotCounts.forEach((count, leaf) => {
      this.starts[leaf] = count <= MAX_CACHED_SLOTS ? size : -1;
      if (count <= MAX_CACHED_SLOTS) size += 2 ** count;
    });
    this.entries = new Array(size).fill(undefined);
  }

  /** Where the entry of the leaf and set of filled slots is kept, or -1 if nowhere. */
  at(leaf: number, filled: number): number {
    const start = this.starts[leaf];
    return start < 0 ? -1 : start + filled;
  }

  get(at: number): T | undefined {
    return at < 0 ? undefined : this.entries[at];
  }

  /** Keeps `value` at `at` (unless -1) and returns it. */
  keep(at: number, value: T): T {
    if (at >= 0) this.entries[at] = value;
    return value;
  }
}

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
    if (!(files[offset + position] > 0)) into.push(layout.keys[position]);
  }
  return into;
}

function isWhole(positions: readonly number[], files: LiveFiles, offset: number): boolean {
  for (let i = 0; i < positions.length; i++) if (!(files[offset + positions[i]] > 0)) return false;
  return true;
}

/**
 * Missing slots are the missing shared slots and, when no option group is whole, the missing slots
 * of the group closest to complete (the first in catalog order on a tie). The leaf's slot counts
 * are `files[offset]` onwards.
 */
export function leafCompleteness(layout: SlotLayout, files: LiveFiles, offset = 0): Completeness {
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

/**
 * Leaf `leaf`'s completeness from the cache, worked out and frozen on first use; `filled` is the
 * set of its slots with a live file, as bits.
 */
export function cachedCompleteness(
  cache: SlotSetCache<Completeness>,
  leaf: number,
  filled: number,
  layout: SlotLayout,
  files: LiveFiles,
  offset: number,
): Completeness {
  const at = cache.at(leaf, filled);
  const cached = cache.get(at);
  if (cached !== undefined) return cached;
  const completeness = leafCompleteness(layout, files, offset);
  Object.freeze(completeness.missingSlots);
  return cache.keep(at, Object.freeze(completeness));
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
