/**
 * CapDev benchmark: the agenda's plan (`capdevPlan`: the fewest fixes to pass and the ranking) of
 * 42,000 synthetic official results over the 2024 catalog, as the classify function computes it
 * once per official result. The results are classified first (untimed); only the plans are timed.
 * Run: `deno run --allow-read bench/capdev.ts`.
 */
import { readFileSync } from "node:fs";
import {
  capdevPlan,
  catalogForYear,
  type ClassificationResult,
  classifySync,
  editionDocumentSchema,
} from "../packages/classifier/src/index.ts";
import { seededRandom, syntheticAssessment } from "./lib/synthetic.ts";

const ASSESSMENTS = 42_000;
const SEED = 20_241_207;

const catalog = catalogForYear(
  editionDocumentSchema.parse(
    JSON.parse(
      readFileSync(new URL("../supabase/catalog/sglgb-2024.json", import.meta.url), "utf8"),
    ),
  ),
  2023,
);
const random = seededRandom(SEED);
const results: ClassificationResult[] = Array.from(
  { length: ASSESSMENTS },
  () => classifySync(syntheticAssessment(catalog, random)),
);

let items = 0;
let passable = 0;
const started = performance.now();
for (const result of results) {
  const plan = capdevPlan(result);
  items += plan.items.length;
  if (plan.fewestFixes.passable) passable += 1;
}
const ms = performance.now() - started;

console.log(JSON.stringify(
  {
    assessments: ASSESSMENTS,
    totalMs: Math.round(ms),
    microsecondsPerPlan: Number((ms * 1000 / ASSESSMENTS).toFixed(1)),
    itemsPerAgenda: Number((items / ASSESSMENTS).toFixed(1)),
    passable,
  },
  null,
  2,
));
