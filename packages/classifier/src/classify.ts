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

const NO_VALUES: readonly null[] = Object.freeze([]);

function classifyLeaves({ leaves }: IndexedCatalog, read: ReadAssessment): LeafResult[] {
  const results: LeafResult[] = new Array(leaves.length);
  for (let i = 0; i < leaves.length; i++) {
    const { leaf, indicator, scored, recommendation: plan, slots } = leaves[i];
    const response = read.responses[i];
    const completeness = leafCompleteness(slots, read.liveFiles[i]);
    const recommendation = leafRecommendation(plan, response?.values ?? NO_VALUES);
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

function decide(
  catalog: IndexedCatalog,
  read: ReadAssessment,
): ClassificationResult {
  const leaves = classifyLeaves(catalog, read);
  const leavesOf = catalog.indicatorLeaves.map(({ from, to }) => leaves.slice(from, to));
  const indicators = catalog.indicators.map((indicator, i) => ({
    code: indicator.code,
    area: indicator.area,
    ...decideIndicator(leavesOf[i], read.overrides[i]),
  }));

  const areas: ClassificationResult["areas"] = [];
  const projectedAreas: ClassificationResult["projection"]["areas"] = [];
  catalog.areas.forEach(({ code, kind }, a) => {
    const areaLeaves = catalog.areaLeaves[a].map((position) => leaves[position]);
    const hasUnmetParent = indicators.some((indicator) =>
      indicator.area === code && indicator.explicitUnmet
    );
    const failures: Failure[] = [];
    const projectedFailed: Failure[] = [];
    for (const position of catalog.areaLeaves[a]) {
      const parentUnmet = indicators[catalog.leaves[position].indicatorPosition].explicitUnmet;
      officialFailures(leaves[position], parentUnmet, failures);
      projectedFailures(leaves[position], parentUnmet, projectedFailed);
    }
    areas.push({ code, kind, ...decideArea(areaLeaves, hasUnmetParent), failures });
    projectedAreas.push({
      code,
      passes: decideArea(areaLeaves, hasUnmetParent, projectedMet).passes,
      failures: projectedFailed,
    });
  });

  return {
    classifierVersion: CLASSIFIER_VERSION,
    inputHash: "",
    leaves,
    indicators,
    areas,
    overall: decideOverall(areas),
    bbis: catalog.indicators.flatMap((indicator, i) =>
      indicator.isBbi ? [{ indicatorCode: indicator.code, ...bbiFunctionality(leavesOf[i]) }] : []
    ),
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
export async function classify(input: unknown): Promise<ClassificationResult> {
  if (typeof input !== "object" || input === null || !("catalog" in input)) {
    throw new ClassifierInputError("catalog", "is required");
  }
  const catalog = prepareCatalog(input.catalog);
  const read = readAssessment(input as Record<string, unknown>, catalog.indexed);
  const hash = inputHash(catalog.sha256, canonicalAssessment(catalog.indexed, read));
  // The rules run while the digest is computed; the hash is filled in once it is known.
  const result = decide(catalog.indexed, read);
  result.inputHash = await hash;
  return result;
}
