// Reads a leaf's free-text upload instructions into structured upload slots.
// Recognised shapes:
//   "Upload: <one document>"                      -> one shared slot
//   "Upload <one document>:" + requirement notes  -> one shared slot
//   numbered or bulleted lists                    -> one shared slot per entry
//   "SHARED (Required):" / "OPTION A - ..."       -> shared slots plus one group per option
//   "ONE of the following" or "OR" between items  -> each numbered entry is its own option
// Bullets nested under a numbered entry ending in ":" complete that entry's label; other
// bullets after a numbered entry (composition lists, photo requirements) are not slots.

export type Slot = { key: string; label: string; optionGroup: string | null };

const STOPWORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "copy",
  "copies",
  "for",
  "from",
  "in",
  "least",
  "of",
  "on",
  "one",
  "or",
  "the",
  "such",
  "three",
  "to",
  "two",
  "ten",
  "with",
]);

const SLUG_WORDS = 3;

/** A short path-safe key from the first significant words of a label. */
export function slotKeyFromLabel(label: string): string {
  const words = label
    .replace(/\([^)]*\)/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => /[a-z]/.test(word) && !STOPWORDS.has(word));
  return words.slice(0, SLUG_WORDS).join("_");
}

function cleanLabel(text: string): string {
  return text.trim().replace(/(?:[,;]\s*and|[,;:])$/i, "").trim();
}

const SINGLE_UPLOAD = /^Upload:\s*(\S.*)$/;
const SINGLE_UPLOAD_WITH_NOTES = /^Upload (?!the following|ONE |documents |based )(.+):$/;
const OPTION_HEADER = /^OPTION ([A-Z0-9]+)\b/;
const SHARED_HEADER = /^SHARED\b/;
const NUMBERED = /^(\d+)\.\s+(.+)$/;
const BULLET = /^\s*[-•]\s+(.+)$/;
const ALTERNATIVE_SEPARATOR = /^(?:OR|AND\/OR)$/;

type Entry = { label: string; optionGroup: string | null; numbered: boolean };

function listEntries(lines: string[]): Entry[] {
  const entries: Entry[] = [];
  let group: string | null = null;
  let sectionHasNumbered = false;
  let detailsOpen = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    const bullet = BULLET.exec(line);
    if (bullet && detailsOpen) {
      const entry = entries[entries.length - 1];
      entry.label = `${entry.label}${entry.label.endsWith(":") ? " " : "; "}${
        cleanLabel(bullet[1])
      }`;
      continue;
    }
    if (line.trim() !== "") detailsOpen = false;
    const option = OPTION_HEADER.exec(line);
    if (option) {
      group = `Option ${option[1]}`;
      sectionHasNumbered = false;
      continue;
    }
    if (SHARED_HEADER.test(line)) {
      group = null;
      sectionHasNumbered = false;
      continue;
    }
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      detailsOpen = numbered[2].endsWith(":");
      const label = detailsOpen ? numbered[2].trim() : cleanLabel(numbered[2]);
      entries.push({ label, optionGroup: group, numbered: true });
      sectionHasNumbered = true;
      continue;
    }
    if (bullet && !sectionHasNumbered) {
      entries.push({
        label: cleanLabel(bullet[1]),
        optionGroup: group,
        numbered: false,
      });
    }
  }
  return entries;
}

function offersNumberedAlternatives(lines: string[]): boolean {
  return /\bONE of the following\b/.test(lines[0]) ||
    lines.some((line) => ALTERNATIVE_SEPARATOR.test(line.trim()));
}

/** Slots read from the text alone; curation overrides the leaves this cannot read. */
export function parseUploadSlots(instructions: string): Omit<Slot, "key">[] {
  const lines = instructions.split("\n");
  const single = SINGLE_UPLOAD.exec(lines[0]) ??
    SINGLE_UPLOAD_WITH_NOTES.exec(lines[0]);
  if (single) return [{ label: cleanLabel(single[1]), optionGroup: null }];

  const body = (lines[0].startsWith("Upload") ? lines.slice(1) : lines)
    .filter((line) => !line.trim().startsWith("Note:"));
  const entries = listEntries(body);
  const hasOptionHeaders = body.some((line) => OPTION_HEADER.test(line));
  if (!hasOptionHeaders && offersNumberedAlternatives(lines)) {
    let option = 0;
    return entries.map((entry) => ({
      label: entry.label,
      optionGroup: entry.numbered ? `Option ${++option}` : null,
    }));
  }
  return entries.map(({ label, optionGroup }) => ({ label, optionGroup }));
}

/** Adds keys; a key collision inside one leaf must be resolved in the curation table. */
export function keyedSlots(
  leafCode: string,
  slots: Omit<Slot, "key">[],
): Slot[] {
  const seen = new Set<string>();
  return slots.map((slot) => {
    const key = slotKeyFromLabel(slot.label);
    if (key === "" || seen.has(key)) {
      throw new Error(
        `leaf ${leafCode}: slot key "${key}" for "${slot.label}" needs curation`,
      );
    }
    seen.add(key);
    return { key, label: slot.label, optionGroup: slot.optionGroup };
  });
}
