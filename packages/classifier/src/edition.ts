import type { EditionDocument } from "./schema.ts";

/**
 * An edition's catalog for a cycle reviewing `reviewedYear`: the `{CURRENT_YEAR}` and
 * `{PREVIOUS_YEAR}` of its requirements' dates resolved, as the database resolves them when it
 * installs a cycle's catalog (`private.install_catalog`). The classifier compares real dates only.
 */
export function catalogForYear(edition: EditionDocument, reviewedYear: number): EditionDocument {
  const resolve = (day: string) =>
    day.replace("{CURRENT_YEAR}", String(reviewedYear))
      .replace("{PREVIOUS_YEAR}", String(reviewedYear - 1));
  return {
    ...edition,
    indicators: edition.indicators.map((indicator) => ({
      ...indicator,
      leaves: indicator.leaves.map((leaf) => ({
        ...leaf,
        requirements: leaf.requirements.map((requirement) =>
          requirement.kind === "deadline"
            ? {
              ...requirement,
              onOrBefore: resolve(requirement.onOrBefore),
              considerationUntil: requirement.considerationUntil === null
                ? null
                : resolve(requirement.considerationUntil),
            }
            : requirement
        ),
      })),
    })),
  };
}
