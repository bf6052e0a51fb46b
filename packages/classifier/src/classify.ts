import { bbiFunctionality } from "./bbi.ts";
import { indexCatalog, type IndexedCatalog } from "./catalog.ts";
import { leafCompleteness } from "./completeness.ts";
import { ClassifierInputError } from "./errors.ts";
import { officialFailures, projectedFailures } from "./explain.ts";
import { decideArea } from "./area.ts";
import { decideIndicator } from "./indicator.ts";
import { type ReadAssessment, readAssessment } from "./input.ts";
import { decideOverall } from "./overall.ts";
import { projectLeaf, readinessPercent } from "./projection.ts";
import { canonicalJson, CLASSIFIER_VERSION, inputHash, sha256 } from "./provenance.ts";
import { leafRecommendation } from "./recommendation.ts";
import type { ClassificationResult, Failure, LeafResult } from "./schema.ts";
import { leafStatus, statusPasses } from "./status.ts";

type PreparedCatalog = {
  indexed: IndexedCatalog;
  sha256: Uint8Array;
};

/** Catalogs are validated, indexed and hashed once per object; a catalog object must not be mutated once classified against. */
const preparedCatalogs = new WeakMap<object, PreparedCatalog>();

export function prepareCatalog(catalog: unknown): PreparedCatalog {
  const cached = typeof catalog === "object" && catalog !== null
    ? preparedCatalogs.get(catalog)
    : undefined;
  if (cached !== undefined) return cached;
  const indexed = indexCatalog(catalog);
  const prepared = { indexed, sha256: sha256(canonicalJson(indexed.catalog)) };
  preparedCatalogs.set(catalog as object, prepared);
  return prepared;
}

function classifyLeaves({ leaves }: IndexedCatalog, read: ReadAssessment): LeafResult[] {
  const results: LeafResult[] = new Array(leaves.length);
  for (let i = 0; i < leaves.length; i++) {
    const { leaf, indicator, scored, recommendation: plan, slots, slotOffset } = leaves[i];
    const response = read.responses[i];
    const completeness = leafCompleteness(slots, read.liveFiles, slotOffset);
    const recommendation = leafRecommendation(plan, response?.values);
    const status = leafStatus(response);
    const { projected, projectedFrom } = projectLeaf(
      status,
      recommendation,
      response?.reviewed ?? false,
      completeness,
    );
    results[i] = {
      code: leaf.code,
      indicatorCode: indicator.code,
      area: indicator.area,
      scored,
      completeness,
      recommendation,
      status,
      passes: statusPasses(status),
      projected,
      projectedFrom,
    };
  }
  return results;
}

const projectedMet = (leaf: LeafResult) => leaf.projected === "met";

export function decide(
  catalog: IndexedCatalog,
  read: ReadAssessment,
  hash: string,
): ClassificationResult {
  const leaves = classifyLeaves(catalog, read);
  const indicators: ClassificationResult["indicators"] = new Array(catalog.indicators.length);
  const bbis: ClassificationResult["bbis"] = [];
  for (let i = 0; i < catalog.indicators.length; i++) {
    const { code, area, isBbi } = catalog.indicators[i];
    const { from, to } = catalog.indicatorLeaves[i];
    const { passes, explicitUnmet } = decideIndicator(leaves, read.overrides[i], from, to);
    indicators[i] = { code, area, passes, explicitUnmet };
    if (isBbi) {
      const { scoredLeaves, passedLeaves, share, rating } = bbiFunctionality(leaves, from, to);
      bbis.push({ indicatorCode: code, scoredLeaves, passedLeaves, share, rating });
    }
  }

  const areas: ClassificationResult["areas"] = new Array(catalog.areas.length);
  const projectedAreas: ClassificationResult["projection"]["areas"] = new Array(areas.length);
  for (let a = 0; a < catalog.areas.length; a++) {
    const { code, kind } = catalog.areas[a];
    const positions = catalog.areaLeaves[a];
    const failures: Failure[] = [];
    const projectedFailed: Failure[] = [];
    let hasUnmetParent = false;
    for (let i = 0; i < indicators.length; i++) {
      if (indicators[i].area === code && indicators[i].explicitUnmet) hasUnmetParent = true;
    }
    for (let k = 0; k < positions.length; k++) {
      const leaf = leaves[positions[k]];
      const { indicatorPosition, reasons } = catalog.leaves[positions[k]];
      const parentUnmet = indicators[indicatorPosition].explicitUnmet;
      officialFailures(leaf, parentUnmet, failures, reasons);
      projectedFailures(leaf, parentUnmet, projectedFailed, reasons);
    }
    const { passes, scoredLeaves, passedLeaves } = decideArea(
      leaves,
      hasUnmetParent,
      undefined,
      positions,
    );
    areas[a] = { code, kind, passes, scoredLeaves, passedLeaves, failures };
    projectedAreas[a] = {
      code,
      passes: decideArea(leaves, hasUnmetParent, projectedMet, positions).passes,
      failures: projectedFailed,
    };
  }

  return {
    classifierVersion: CLASSIFIER_VERSION,
    inputHash: hash,
    leaves,
    indicators,
    areas,
    overall: decideOverall(areas),
    bbis,
    projection: {
      kind: "projection",
      passed: decideOverall(
        projectedAreas.map(({ passes }, a) => ({ kind: catalog.areas[a].kind, passes })),
      ).passed,
      readinessPercent: readinessPercent(leaves),
      areas: projectedAreas,
    },
  };
}

/**
 * Classifies one assessment against the catalog it carries (sglgb.md §5). Rejects input it cannot
 * judge with a ClassifierInputError naming the field; the same input always yields the same result.
 */
export function classifySync(input: unknown): ClassificationResult {
  if (typeof input !== "object" || input === null || !("catalog" in input)) {
    throw new ClassifierInputError("catalog", "is required");
  }
  const catalog = prepareCatalog(input.catalog);
  const read = readAssessment(input as Record<string, unknown>, catalog.indexed);
  return decide(catalog.indexed, read, inputHash(catalog.indexed, catalog.sha256, read));
}

/** `classifySync` behind a promise, the classifier's original interface. */
export function classify(input: unknown): Promise<ClassificationResult> {
  try {
    return Promise.resolve(classifySync(input));
  } catch (error) {
    return Promise.reject(error);
  }
}
