import { bbiFunctionality } from "./bbi.ts";
import { indexCatalog, type IndexedCatalog } from "./catalog.ts";
import { leafCompleteness } from "./completeness.ts";
import { ClassifierInputError } from "./errors.ts";
import { officialFailures, projectedFailures } from "./explain.ts";
import { areaPasses } from "./area.ts";
import { indicatorVerdict } from "./indicator.ts";
import { type ReadAssessment, readAssessment } from "./input.ts";
import { decideOverall } from "./overall.ts";
import { projectLeaf, readinessPercent } from "./projection.ts";
import { canonicalJson, CLASSIFIER_VERSION, inputHash, sha256 } from "./provenance.ts";
import { leafRecommendation } from "./recommendation.ts";
import type { ClassificationResult, Failure, LeafResult } from "./schema.ts";
import { leafStatus, statusPasses } from "./status.ts";

/**
 * Scored leaves counted by indicator and by area while the leaves are classified, so the verdicts
 * above the leaves need no further pass over them. One set per catalog, reset on every call.
 */
type Tallies = {
  indicatorScored: Int32Array;
  indicatorPassed: Int32Array;
  areaScored: Int32Array;
  areaPassed: Int32Array;
  areaProjectedMet: Int32Array;
  areaHasUnmetParent: Uint8Array;
};

type PreparedCatalog = {
  indexed: IndexedCatalog;
  sha256: Uint8Array;
  tallies: Tallies;
};

/** Catalogs are validated, indexed and hashed once per object; a catalog object must not be mutated once classified against. */
const preparedCatalogs = new WeakMap<object, PreparedCatalog>();

function prepareCatalog(catalog: unknown): PreparedCatalog {
  const cached = typeof catalog === "object" && catalog !== null
    ? preparedCatalogs.get(catalog)
    : undefined;
  if (cached !== undefined) return cached;
  const indexed = indexCatalog(catalog);
  const indicators = indexed.indicators.length;
  const areas = indexed.areas.length;
  const prepared = {
    indexed,
    sha256: sha256(canonicalJson(indexed.catalog)),
    tallies: {
      indicatorScored: new Int32Array(indicators),
      indicatorPassed: new Int32Array(indicators),
      areaScored: new Int32Array(areas),
      areaPassed: new Int32Array(areas),
      areaProjectedMet: new Int32Array(areas),
      areaHasUnmetParent: new Uint8Array(areas),
    },
  };
  preparedCatalogs.set(catalog as object, prepared);
  return prepared;
}

function resetTallies(tallies: Tallies): void {
  const { indicatorScored, indicatorPassed, areaScored, areaPassed } = tallies;
  for (let i = 0; i < indicatorScored.length; i++) indicatorScored[i] = indicatorPassed[i] = 0;
  for (let a = 0; a < areaScored.length; a++) {
    areaScored[a] = areaPassed[a] = tallies.areaProjectedMet[a] = 0;
    tallies.areaHasUnmetParent[a] = 0;
  }
}

function classifyLeaves(
  { leaves }: IndexedCatalog,
  read: ReadAssessment,
  tallies: Tallies,
): LeafResult[] {
  const results: LeafResult[] = new Array(leaves.length);
  for (let i = 0; i < leaves.length; i++) {
    const {
      code,
      indicatorCode,
      area,
      scored,
      recommendation: plan,
      slots,
      slotOffset,
      itemOffset,
    } = leaves[i];
    const answered = read.answered[i] === 1;
    const completeness = leafCompleteness(slots, read.liveFiles, slotOffset, read.filledSlots[i]);
    const recommendation = leafRecommendation(plan, answered ? read.values : undefined, itemOffset);
    const status = leafStatus(read.decisions[i], read.decisionOverrides[i]);
    const passes = statusPasses(status);
    const { projected, projectedFrom } = projectLeaf(
      status,
      recommendation,
      read.reviewed[i] === 1,
      completeness,
    );
    results[i] = {
      code,
      indicatorCode,
      area,
      scored,
      completeness,
      recommendation,
      status,
      passes,
      projected,
      projectedFrom,
    };
    // Profiling leaves are never counted: not by their indicator, area, BBI or readiness.
    if (!scored) continue;
    const { indicatorPosition, areaPosition } = leaves[i];
    tallies.indicatorScored[indicatorPosition] += 1;
    tallies.areaScored[areaPosition] += 1;
    if (passes) {
      tallies.indicatorPassed[indicatorPosition] += 1;
      tallies.areaPassed[areaPosition] += 1;
    }
    if (projected === "met") tallies.areaProjectedMet[areaPosition] += 1;
  }
  return results;
}

function decide(
  prepared: PreparedCatalog,
  read: ReadAssessment,
  hash: string,
): ClassificationResult {
  const { indexed: catalog, tallies } = prepared;
  resetTallies(tallies);
  const leaves = classifyLeaves(catalog, read, tallies);

  const indicators: ClassificationResult["indicators"] = new Array(catalog.indicators.length);
  const bbis: ClassificationResult["bbis"] = [];
  for (let i = 0; i < catalog.indicators.length; i++) {
    const { code, area, isBbi } = catalog.indicators[i];
    const scored = tallies.indicatorScored[i];
    const passed = tallies.indicatorPassed[i];
    const { passes, explicitUnmet } = indicatorVerdict(scored, passed, read.overrides[i]);
    indicators[i] = { code, area, passes, explicitUnmet };
    if (explicitUnmet) tallies.areaHasUnmetParent[catalog.indicatorAreas[i]] = 1;
    if (isBbi) {
      const { scoredLeaves, passedLeaves, share, rating } = bbiFunctionality(scored, passed);
      bbis.push({ indicatorCode: code, scoredLeaves, passedLeaves, share, rating });
    }
  }

  const areas: ClassificationResult["areas"] = new Array(catalog.areas.length);
  const projectedAreas: ClassificationResult["projection"]["areas"] = new Array(areas.length);
  let scoredLeaves = 0;
  let projectedMet = 0;
  for (let a = 0; a < catalog.areas.length; a++) {
    const { code, kind } = catalog.areas[a];
    const positions = catalog.areaLeaves[a];
    const failures: Failure[] = [];
    const projectedFailed: Failure[] = [];
    for (let k = 0; k < positions.length; k++) {
      const leaf = leaves[positions[k]];
      const { indicatorPosition, reasons } = catalog.leaves[positions[k]];
      const parentUnmet = indicators[indicatorPosition].explicitUnmet;
      officialFailures(leaf, parentUnmet, failures, reasons);
      projectedFailures(leaf, parentUnmet, projectedFailed, reasons);
    }
    const scored = tallies.areaScored[a];
    const passed = tallies.areaPassed[a];
    const hasUnmetParent = tallies.areaHasUnmetParent[a] === 1;
    areas[a] = {
      code,
      kind,
      passes: areaPasses(scored, passed, hasUnmetParent),
      scoredLeaves: scored,
      passedLeaves: passed,
      failures,
    };
    projectedAreas[a] = {
      code,
      passes: areaPasses(scored, tallies.areaProjectedMet[a], hasUnmetParent),
      failures: projectedFailed,
    };
    scoredLeaves += scored;
    projectedMet += tallies.areaProjectedMet[a];
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
      readinessPercent: readinessPercent(scoredLeaves, projectedMet),
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
  return decide(catalog, read, inputHash(catalog.indexed, catalog.sha256, read));
}

/** `classifySync` behind a promise, the classifier's original interface. */
export function classify(input: unknown): Promise<ClassificationResult> {
  try {
    return Promise.resolve(classifySync(input));
  } catch (error) {
    return Promise.reject(error);
  }
}
