import { bbiFunctionality } from "./bbi.ts";
import { indexCatalog, type IndexedCatalog } from "./catalog.ts";
import { leafCompleteness } from "./completeness.ts";
import { ClassifierInputError } from "./errors.ts";
import { officialFailures, projectedFailures } from "./explain.ts";
import { decideArea } from "./area.ts";
import { decideIndicator } from "./indicator.ts";
import { type ReadAssessment, readAssessment } from "./input.ts";
import { decideOverall } from "./overall.ts";
import { hasReviewerValues, projectLeaf, readinessPercent } from "./projection.ts";
import {
  canonicalAssessment,
  canonicalJson,
  CLASSIFIER_VERSION,
  inputHash,
  sha256Hex,
} from "./provenance.ts";
import { leafRecommendation } from "./recommendation.ts";
import type { ClassificationResult, Failure, LeafResult } from "./schema.ts";
import { leafStatus, statusPasses } from "./status.ts";

type PreparedCatalog = {
  indexed: IndexedCatalog;
  sha256: Promise<string>;
};

/** Catalogs are validated, indexed and hashed once per object; a catalog object must not be mutated once classified against. */
const preparedCatalogs = new WeakMap<object, PreparedCatalog>();

function prepareCatalog(catalog: unknown): PreparedCatalog {
  const cached = typeof catalog === "object" && catalog !== null
    ? preparedCatalogs.get(catalog)
    : undefined;
  if (cached !== undefined) return cached;
  const indexed = indexCatalog(catalog);
  const prepared = { indexed, sha256: sha256Hex(canonicalJson(indexed.catalog)) };
  preparedCatalogs.set(catalog as object, prepared);
  return prepared;
}

const NO_FILES: ReadonlyMap<string, number> = new Map();

function classifyLeaves({ leaves }: IndexedCatalog, read: ReadAssessment): LeafResult[] {
  return leaves.map(({ leaf, indicator, scored }) => {
    const response = read.responseByLeaf.get(leaf.code);
    const completeness = leafCompleteness(
      leaf.slots,
      read.liveFilesByLeaf.get(leaf.code) ?? NO_FILES,
    );
    const recommendation = leafRecommendation(leaf, response?.checklist ?? {});
    const status = leafStatus(response);
    return {
      code: leaf.code,
      indicatorCode: indicator.code,
      area: indicator.area,
      scored,
      completeness,
      recommendation,
      status,
      passes: statusPasses(status),
      ...projectLeaf(status, recommendation, hasReviewerValues(response?.checklist), completeness),
    };
  });
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [row]);
    else group.push(row);
  }
  return groups;
}

function decide(
  catalog: IndexedCatalog,
  read: ReadAssessment,
): Omit<ClassificationResult, "classifierVersion" | "inputHash"> {
  const leaves = classifyLeaves(catalog, read);
  const leavesByIndicator = groupBy(leaves, (leaf) => leaf.indicatorCode);
  const leavesOf = (indicatorCode: string) => leavesByIndicator.get(indicatorCode) ?? [];

  const indicators = catalog.indicators.map((indicator) => ({
    code: indicator.code,
    area: indicator.area,
    ...decideIndicator(leavesOf(indicator.code), read.overrideByIndicator.get(indicator.code)),
  }));
  const unmetParents = new Set(indicators.filter((i) => i.explicitUnmet).map((i) => i.code));
  const leavesByArea = groupBy(leaves, (leaf) => leaf.area);
  const failuresOf = (
    areaLeaves: LeafResult[],
    explain: (leaf: LeafResult, parentUnmet: boolean) => Failure[],
  ) => areaLeaves.flatMap((leaf) => explain(leaf, unmetParents.has(leaf.indicatorCode)));

  const areaVerdicts = catalog.areas.map(({ code, kind }) => {
    const areaLeaves = leavesByArea.get(code) ?? [];
    const projectedLeaves = areaLeaves.map((leaf) => ({
      scored: leaf.scored,
      passes: leaf.projected === "met",
    }));
    const hasUnmetParent = indicators.some((indicator) =>
      indicator.area === code && indicator.explicitUnmet
    );
    return {
      official: {
        code,
        kind,
        ...decideArea(areaLeaves, hasUnmetParent),
        failures: failuresOf(areaLeaves, officialFailures),
      },
      projected: {
        code,
        passes: decideArea(projectedLeaves, hasUnmetParent).passes,
        failures: failuresOf(areaLeaves, projectedFailures),
      },
    };
  });
  const areas = areaVerdicts.map(({ official }) => official);

  return {
    leaves,
    indicators,
    areas,
    overall: decideOverall(areas),
    bbis: catalog.indicators.filter((indicator) => indicator.isBbi).map((indicator) => ({
      indicatorCode: indicator.code,
      ...bbiFunctionality(leavesOf(indicator.code)),
    })),
    projection: {
      kind: "projection",
      passed: decideOverall(
        areaVerdicts.map(({ official, projected }) => ({
          kind: official.kind,
          passes: projected.passes,
        })),
      )
        .passed,
      readinessPercent: readinessPercent(leaves),
      areas: areaVerdicts.map(({ projected }) => projected),
    },
  };
}

/**
 * Classifies one assessment against the catalog it carries (sglgb.md §5). Rejects input it cannot
 * judge with a ClassifierInputError naming the field; the same input always yields the same result.
 */
export async function classify(input: unknown): Promise<ClassificationResult> {
  if (typeof input !== "object" || input === null || !("catalog" in input)) {
    throw new ClassifierInputError("catalog", "is required");
  }
  const catalog = prepareCatalog(input.catalog);
  const read = readAssessment(input as Record<string, unknown>, catalog.indexed);
  const hash = inputHash(catalog.sha256, canonicalAssessment(catalog.indexed, read));
  const result = decide(catalog.indexed, read);
  return { classifierVersion: CLASSIFIER_VERSION, inputHash: await hash, ...result };
}
