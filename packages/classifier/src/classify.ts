import { bbiFunctionality } from "./bbi.ts";
import { indexCatalog, type IndexedCatalog } from "./catalog.ts";
import { cachedCompleteness, type Completeness, SlotSetCache } from "./completeness.ts";
import { ClassifierInputError } from "./errors.ts";
import {
  appendFailures,
  cachedMissingFailures,
  failsNeither,
  type HowItFails,
  officialFailure,
  projectedFailure,
} from "./explain.ts";
import { areaPasses } from "./area.ts";
import { indicatorVerdict } from "./indicator.ts";
import { type ReadAssessment, readAssessment } from "./input.ts";
import { AreaCount } from "./overall.ts";
import { projectLeaf, readinessPercent } from "./projection.ts";
import { canonicalJson, CLASSIFIER_VERSION, inputHash, sha256 } from "./provenance.ts";
import { leafRecommendation, leafShortfalls } from "./recommendation.ts";
import { DOCUMENTS_BY_CHECKLIST } from "./requirements.ts";
import type { ClassificationResult, Failure, LeafResult, Shortfall } from "./schema.ts";
import { responseStatus, statusPasses } from "./status.ts";

/**
 * Scored leaves counted by indicator and by area while the leaves are classified, so the verdicts
 * above the leaves need no further pass over them, and how each leaf fails (`HowItFails`), so the
 * explanations need not look at leaves that do not. One set per catalog, reset on every call.
 */
type Tallies = {
  indicatorScored: Int32Array;
  indicatorPassed: Int32Array;
  indicatorExplicitUnmet: Uint8Array;
  areaScored: Int32Array;
  areaPassed: Int32Array;
  areaProjectedMet: Int32Array;
  areaHasUnmetParent: Uint8Array;
  leafOfficialFailure: Uint8Array;
  leafProjectedFailure: Uint8Array;
};

type PreparedCatalog = {
  indexed: IndexedCatalog;
  sha256: Uint8Array;
  tallies: Tallies;
  completeness: SlotSetCache<Completeness>;
  missingFailures: SlotSetCache<readonly Failure[]>;
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
  const leaves = indexed.leaves.length;
  const slotCounts = indexed.leaves.map((placed) => placed.slotCount);
  const prepared = {
    indexed,
    sha256: sha256(canonicalJson(indexed.catalog)),
    tallies: {
      indicatorScored: new Int32Array(indicators),
      indicatorPassed: new Int32Array(indicators),
      indicatorExplicitUnmet: new Uint8Array(indicators),
      areaScored: new Int32Array(areas),
      areaPassed: new Int32Array(areas),
      areaProjectedMet: new Int32Array(areas),
      areaHasUnmetParent: new Uint8Array(areas),
      leafOfficialFailure: new Uint8Array(leaves),
      leafProjectedFailure: new Uint8Array(leaves),
    },
    completeness: new SlotSetCache<Completeness>(slotCounts),
    missingFailures: new SlotSetCache<readonly Failure[]>(slotCounts),
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

function classifyLeaves(prepared: PreparedCatalog, read: ReadAssessment): LeafResult[] {
  const { indexed: catalog, tallies } = prepared;
  const { leaves, leafIndicators, plans } = catalog;
  const results: LeafResult[] = new Array(leaves.length);
  for (let i = 0; i < leaves.length; i++) {
    const placed = leaves[i];
    const { code, indicatorCode, area, scored } = placed;
    const response = read.responses[i];
    const completeness = cachedCompleteness(
      prepared.completeness,
      i,
      read.filledSlots[i],
      placed.slots,
      read.liveFiles,
      placed.slotOffset,
    );
    const filled = read.documentsByFiles ? read.filledSlots[i] : DOCUMENTS_BY_CHECKLIST;
    const recommendation = leafRecommendation(
      plans,
      i,
      response === 0 ? undefined : read.values,
      filled,
    );
    // A leaf with a response says what its values fall short of; one without has none to judge.
    const shortfalls = recommendation === "unmet" && response !== 0 &&
        plans.requirements[i].length > 0
      ? leafShortfalls(plans, i, read.values, filled)
      : NO_SHORTFALLS;
    const status = responseStatus(response);
    const passes = statusPasses(status);
    const { projected, projectedFrom } = projectLeaf(
      status,
      recommendation,
      read.reviewed[i] === 1,
      completeness,
    );
    const result: LeafResult = {
      code,
      indicatorCode,
      area,
      scored,
      completeness,
      recommendation,
      shortfalls,
      status,
      passes,
      projected,
      projectedFrom,
    };
    results[i] = result;
    tallies.leafOfficialFailure[i] = officialFailure(result);
    tallies.leafProjectedFailure[i] = projectedFailure(result);
    // Profiling leaves are never counted: not by their indicator, area, BBI or readiness.
    if (!scored) continue;
    const indicatorPosition = leafIndicators[i];
    const areaPosition = placed.areaPosition;
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

/**
 * Appends the failures of the area's scored leaves (at `positions`), official and projected. A leaf
 * that fails neither way, and not through its parent, is passed over without a look at it.
 */
function explainArea(
  prepared: PreparedCatalog,
  read: ReadAssessment,
  leaves: readonly LeafResult[],
  positions: readonly number[],
  official: Failure[],
  projected: Failure[],
): void {
  const { indexed: catalog, tallies } = prepared;
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k];
    const fails = tallies.leafOfficialFailure[i] as HowItFails;
    const projectedFails = tallies.leafProjectedFailure[i] as HowItFails;
    const underUnmetParent = tallies.indicatorExplicitUnmet[catalog.leafIndicators[i]] === 1;
    const failsNeitherWay = failsNeither(fails, projectedFails);
    if (failsNeitherWay && !underUnmetParent) continue;
    const reasons = catalog.leaves[i].reasons;
    const missing = failsNeitherWay
      ? NO_FAILURES
      : cachedMissingFailures(prepared.missingFailures, i, read.filledSlots[i], leaves[i], reasons);
    appendFailures(official, fails, underUnmetParent, missing, reasons);
    appendFailures(projected, projectedFails, underUnmetParent, missing, reasons);
  }
}

const NO_FAILURES: readonly Failure[] = Object.freeze([]);
const NO_SHORTFALLS = Object.freeze([]) as unknown as Shortfall[];

function decide(
  prepared: PreparedCatalog,
  read: ReadAssessment,
  hash: string,
): ClassificationResult {
  const { indexed: catalog, tallies } = prepared;
  resetTallies(tallies);
  const leaves = classifyLeaves(prepared, read);

  const indicators: ClassificationResult["indicators"] = new Array(catalog.indicators.length);
  const bbis: ClassificationResult["bbis"] = [];
  for (let i = 0; i < catalog.indicators.length; i++) {
    const { code, area, isBbi } = catalog.indicators[i];
    const scored = tallies.indicatorScored[i];
    const passed = tallies.indicatorPassed[i];
    const { passes, explicitUnmet } = indicatorVerdict(scored, passed, read.overrides[i]);
    indicators[i] = { code, area, passes, explicitUnmet };
    tallies.indicatorExplicitUnmet[i] = explicitUnmet ? 1 : 0;
    if (explicitUnmet) tallies.areaHasUnmetParent[catalog.indicatorAreas[i]] = 1;
    if (isBbi) {
      const { scoredLeaves, passedLeaves, share, rating } = bbiFunctionality(scored, passed);
      bbis.push({ indicatorCode: code, scoredLeaves, passedLeaves, share, rating });
    }
  }

  const areas: ClassificationResult["areas"] = new Array(catalog.areas.length);
  const projectedAreas: ClassificationResult["projection"]["areas"] = new Array(areas.length);
  const officialCount = new AreaCount();
  const projectedCount = new AreaCount();
  let scoredLeaves = 0;
  let projectedMet = 0;
  for (let a = 0; a < catalog.areas.length; a++) {
    const { code, kind } = catalog.areas[a];
    const failures: Failure[] = [];
    const projectedFailed: Failure[] = [];
    explainArea(prepared, read, leaves, catalog.areaScoredLeaves[a], failures, projectedFailed);
    const scored = tallies.areaScored[a];
    const passed = tallies.areaPassed[a];
    const hasUnmetParent = tallies.areaHasUnmetParent[a] === 1;
    const passes = areaPasses(scored, passed, hasUnmetParent);
    areas[a] = {
      code,
      kind,
      passes,
      scoredLeaves: scored,
      passedLeaves: passed,
      failures,
    };
    const projectedPasses = areaPasses(scored, tallies.areaProjectedMet[a], hasUnmetParent);
    projectedAreas[a] = { code, passes: projectedPasses, failures: projectedFailed };
    officialCount.add(kind, passes);
    projectedCount.add(kind, projectedPasses);
    scoredLeaves += scored;
    projectedMet += tallies.areaProjectedMet[a];
  }

  return {
    classifierVersion: CLASSIFIER_VERSION,
    inputHash: hash,
    leaves,
    indicators,
    areas,
    overall: officialCount.verdict(),
    bbis,
    projection: {
      kind: "projection",
      passed: projectedCount.verdict().passed,
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
  if (Array.isArray(input)) {
    throw new ClassifierInputError("input", "expected an object, not a list");
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
