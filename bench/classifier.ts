/**
 * Classifier benchmark: 42,000 synthetic assessments (one per barangay) over the full 2024 catalog,
 * generated from a fixed seed in batches of 20 and classified one after another in this process.
 * Only classification is timed (wall and CPU), through `classifySync`, the synchronous core that
 * `classify()` wraps in a promise; generation is not. Run: `deno run --allow-read bench/classifier.ts`.
 * The time of the first tenth is also printed on its own, with the time per assessment after it:
 * the first tenth includes preparing the catalog and V8 compiling the classifier.
 * With `--digest` it also prints SHA-256 digests of the JSON of all results (untimed): one of the
 * whole results and one without classifierVersion and inputHash, which shows that two versions of
 * the classifier reach the same verdicts, explanations and projections.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import process from "node:process";
import {
  catalogForYear,
  classifySync,
  editionDocumentSchema,
} from "../packages/classifier/src/index.ts";
import { seededRandom, syntheticAssessment } from "./lib/synthetic.ts";

const ASSESSMENTS = 42_000;
/** Small batches: each input is classified while still in cache, as a request's freshly parsed JSON is. */
const BATCH = 20;
const SEED = 20_241_126;

/** The 2024 edition as a cycle reviewing CY 2023 gets it (the year its Technical Notes name). */
const catalog = catalogForYear(
  editionDocumentSchema.parse(
    JSON.parse(
      readFileSync(new URL("../supabase/catalog/sglgb-2024.json", import.meta.url), "utf8"),
    ),
  ),
  2023,
);
const leavesPerAssessment = catalog.indicators.reduce(
  (n, indicator) => n + indicator.leaves.length,
  0,
);
const random = seededRandom(SEED);
const digests = process.argv.includes("--digest")
  ? { results: createHash("sha256"), verdicts: createHash("sha256") }
  : null;

let peakRss = 0;
let peakHeap = 0;
let classifyMs = 0;
/** Classification time of the first tenth, where V8 still compiles and the caches still fill. */
const FIRST_TENTH = ASSESSMENTS / 10;
let firstTenthMs = 0;
let classifyCpuMicros = 0;
let passed = 0;
const started = performance.now();

for (let done = 0; done < ASSESSMENTS; done += BATCH) {
  const batch = Array.from(
    { length: Math.min(BATCH, ASSESSMENTS - done) },
    () => syntheticAssessment(catalog, random),
  );
  const results = digests === null ? null : new Array(batch.length);
  const batchCpu = process.cpuUsage();
  const batchStarted = performance.now();
  for (let i = 0; i < batch.length; i++) {
    const result = classifySync(batch[i]);
    if (result.overall.passed) passed += 1;
    if (results !== null) results[i] = result;
  }
  const batchMs = performance.now() - batchStarted;
  classifyMs += batchMs;
  if (done < FIRST_TENTH) firstTenthMs += batchMs;
  const cpu = process.cpuUsage(batchCpu);
  classifyCpuMicros += cpu.user + cpu.system;
  if (digests !== null && results !== null) {
    for (const result of results) {
      digests.results.update(JSON.stringify(result));
      const { classifierVersion: _version, inputHash: _hash, ...verdicts } = result;
      digests.verdicts.update(JSON.stringify(verdicts));
    }
  }
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
console.log(JSON.stringify(
  {
    assessments: ASSESSMENTS,
    leavesPerAssessment,
    passed,
    classifySeconds: Number((classifyMs / 1000).toFixed(3)),
    classifyCpuSeconds: Number((classifyCpuMicros / 1e6).toFixed(3)),
    wallSecondsWithGeneration: Number(((performance.now() - started) / 1000).toFixed(3)),
    assessmentsPerSecond: Math.round(ASSESSMENTS / (classifyMs / 1000)),
    assessmentsPerCpuSecond: Math.round(ASSESSMENTS / (classifyCpuMicros / 1e6)),
    nanosecondsPerLeaf: Math.round((classifyMs * 1e6) / (ASSESSMENTS * leavesPerAssessment)),
    firstTenthSeconds: Number((firstTenthMs / 1000).toFixed(3)),
    microsecondsPerAssessmentAfterFirstTenth: Number(
      (((classifyMs - firstTenthMs) * 1000) / (ASSESSMENTS - FIRST_TENTH)).toFixed(1),
    ),
    cpuNanosecondsPerLeaf: Math.round(
      (classifyCpuMicros * 1e3) / (ASSESSMENTS * leavesPerAssessment),
    ),
    peakRss: mib(peakRss),
    peakHeapUsed: mib(peakHeap),
    ...(digests === null ? {} : {
      resultsSha256: digests.results.digest("hex"),
      verdictsSha256: digests.verdicts.digest("hex"),
    }),
  },
  null,
  2,
));
