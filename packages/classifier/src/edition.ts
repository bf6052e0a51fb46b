import type { EditionDocument } from "./schema.ts";

/**
 * An edition's catalog for a cycle reviewing `reviewedYear`: the `{CURRENT_YEAR}` and
 * `{PREVIOUS_YEAR}` of its requirements (deadlines and periods) resolved, as the database resolves
 * them when it installs a cycle's catalog (`private.install_catalog`). The classifier compares
 * real dates only.
 */
export function catalogForYear(edition: EditionDocument, reviewedYear: number): EditionDocument {
  const resolve = (requirements: unknown) =>
    JSON.parse(
      JSON.stringify(requirements)
        .replaceAll("{CURRENT_YEAR}", String(reviewedYear))
        .replaceAll("{PREVIOUS_YEAR}", String(reviewedYear - 1)),
    );
  return {
    ...edition,
    indicators: edition.indicators.map((indicator) => ({
      ...indicator,
      leaves: indicator.leaves.map((leaf) => ({
        ...leaf,
        requirements: resolve(leaf.requirements),
      })),
    })),
  };
}
