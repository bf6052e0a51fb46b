import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classificationResultSchema,
  type ClassifierInput,
  classify,
  describeShortfall,
} from "../src/index.ts";
import {
  allMovs2024,
  catalog2024,
  decisions2024,
  input2024,
  leaves2024,
} from "./fixtures/assessments.ts";
import { assessment2024 } from "./fixtures/arbitraries.ts";
import { accomplishmentBelowHalf2024 } from "./fixtures/shortfalls.ts";

/** fast-check runs classify dozens of times per property; allow for a loaded machine. */
const PROPERTY_TIMEOUT_MS = 60_000;

const verdicts = (result: Awaited<ReturnType<typeof classify>>) => ({
  areas: result.areas.map((area) => area.passes),
  overall: result.overall,
  projection: {
    passed: result.projection.passed,
    readinessPercent: result.projection.readinessPercent,
    areas: result.projection.areas.map((area) => area.passes),
  },
  bbis: result.bbis,
});

describe("classify over the 2024 catalog", () => {
  it("a barangay with every scored leaf met and every MOV uploaded passes with every BBI highly functional", async () => {
    const result = await classify(
      input2024({ responses: decisions2024(() => "met"), movs: allMovs2024() }),
    );
    expect(classificationResultSchema.parse(result)).toEqual(result);
    expect(result.leaves).toHaveLength(84);
    expect(result.indicators).toHaveLength(31);
    expect(result.overall).toEqual({ passed: true, coreAreasPassed: 3, essentialAreasPassed: 3 });
    expect(result.areas.every((area) => area.failures.length === 0)).toBe(true);
    expect(result.bbis.every((bbi) => bbi.rating === "highly_functional")).toBe(true);
    expect(result.projection).toMatchObject({ passed: true, readinessPercent: 100 });
  });

  it("an empty assessment fails every area for want of decisions", async () => {
    const result = await classify(input2024());
    expect(result.areas.map((area) => area.passes)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(result.areas[0].failures).toContainEqual({ leafCode: "1.1.1", reason: "no_decision" });
    expect(result.projection.readinessPercent).toBe(0);
  });

  it("a recommendation falling short of a threshold names the shortfall with its numbers", async () => {
    const reported = accomplishmentBelowHalf2024;
    const responses = [{ leafCode: "2.1.4", checklist: reported, decision: null, override: null }];
    const result = await classify(input2024({ responses }));
    const leaf = result.leaves.find((candidate) => candidate.code === "2.1.4");
    expect(leaf).toMatchObject({ recommendation: "unmet", projected: "unmet" });
    expect(leaf?.shortfalls.map((shortfall) => describeShortfall(shortfall))).toEqual([
      "38 % of the physical targets accomplished and 41 % of the fund utilized; at least 50 % " +
      "of either is needed",
    ]);
    const enough = { ...reported, "2_1_4_financial_utilized": 500_000 };
    const met = await classify(
      input2024({ responses: [{ ...responses[0], checklist: enough }] }),
    );
    expect(met.leaves.find((candidate) => candidate.code === "2.1.4"))
      .toMatchObject({ recommendation: "met", shortfalls: [] });
    expect(met.inputHash).not.toBe(result.inputHash);
  });

  it("names, labels and descriptions in the catalog are ignored", async () => {
    const renamed = structuredClone(catalog2024);
    renamed.indicators[0].name = "Another name";
    renamed.indicators[0].leaves[0].items[0].label = "Another label";
    const responses = decisions2024(() => "met");
    expect(await classify({ ...input2024({ responses }), catalog: renamed }))
      .toEqual(await classify(input2024({ responses })));
  });
});

describe("properties", () => {
  const withCatalog = (parts: Omit<ClassifierInput, "catalog">): ClassifierInput => ({
    catalog: catalog2024,
    ...parts,
  });

  it(
    "determinism: the same input always yields the same result and hash, whatever the row order",
    async () => {
      await fc.assert(
        fc.asyncProperty(assessment2024, async (parts) => {
          const first = await classify(withCatalog(parts));
          const again = await classify(withCatalog(structuredClone(parts)));
          const reordered = await classify(withCatalog({
            responses: [...parts.responses].reverse(),
            indicatorOverrides: [...parts.indicatorOverrides].reverse(),
            movs: [...parts.movs].reverse(),
          }));
          expect(again).toEqual(first);
          expect(reordered).toEqual(first);
          expect(classificationResultSchema.safeParse(first).success).toBe(true);
        }),
        { numRuns: 60 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "monotonicity: turning an unmet leaf into met never turns a passing area into a failing one",
    async () => {
      await fc.assert(
        fc.asyncProperty(assessment2024, fc.nat(), async (parts, pick) => {
          const unmet = parts.responses.filter((r) => (r.override ?? r.decision) === "unmet");
          fc.pre(unmet.length > 0);
          const target = unmet[pick % unmet.length];
          const improved = parts.responses.map((r) =>
            r === target ? { ...r, decision: "met" as const, override: null } : r
          );
          const before = await classify(withCatalog(parts));
          const after = await classify(withCatalog({ ...parts, responses: improved }));
          before.areas.forEach((area, i) => {
            if (area.passes) expect(after.areas[i].passes).toBe(true);
          });
          if (before.overall.passed) expect(after.overall.passed).toBe(true);
          before.projection.areas.forEach((area, i) => {
            if (area.passes) expect(after.projection.areas[i].passes).toBe(true);
          });
        }),
        { numRuns: 60 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("profiling leaves never change a verdict", async () => {
    const profiling = new Set(leaves2024.filter((l) => !l.scored).map((l) => l.leaf.code));
    await fc.assert(
      fc.asyncProperty(assessment2024, assessment2024, async (parts, other) => {
        const onProfiling = (row: { leafCode: string }) => profiling.has(row.leafCode);
        const swapped = {
          responses: [
            ...parts.responses.filter((r) => !onProfiling(r)),
            ...other.responses.filter(onProfiling),
          ],
          indicatorOverrides: parts.indicatorOverrides,
          movs: [...parts.movs.filter((m) => !onProfiling(m)), ...other.movs.filter(onProfiling)],
        };
        const before = await classify(withCatalog(parts));
        const after = await classify(withCatalog(swapped));
        expect(verdicts(after)).toEqual(verdicts(before));
      }),
      { numRuns: 60 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
