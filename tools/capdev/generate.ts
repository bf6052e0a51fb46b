// Generates the migration that seeds the capacity-development offices and the national
// interventions of the 2024 catalog from tools/capdev, after checking that every scored
// sub-indicator of the edition has one and no other code does.
//   deno run -A tools/capdev/generate.ts [--check]
// --check writes nothing and exits 1 when the migration differs from what the data gives.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { coverageProblems } from "./coverage.ts";
import { INTERVENTIONS_2024 } from "./interventions-2024.ts";
import { renderMigration } from "./render.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const COMMAND = "npm run capdev:generate";
export const EDITION_PATH = resolve(REPO_ROOT, "supabase/catalog/sglgb-2024.json");
export const MIGRATION_PATH = resolve(
  REPO_ROOT,
  "supabase/migrations/20261207618100_capdev_interventions_2024.sql",
);

export function run(args: string[]): { exitCode: 0 | 1; message: string } {
  const edition = JSON.parse(readFileSync(EDITION_PATH, "utf8"));
  const problems = coverageProblems(edition, INTERVENTIONS_2024);
  if (problems.length > 0) {
    return { exitCode: 1, message: `interventions-2024.ts:\n  ${problems.join("\n  ")}` };
  }
  const sql = renderMigration("2024", INTERVENTIONS_2024, COMMAND);
  const target = relative(REPO_ROOT, MIGRATION_PATH);
  if (args.includes("--check")) {
    const actual = existsSync(MIGRATION_PATH) ? readFileSync(MIGRATION_PATH, "utf8") : null;
    return actual === sql
      ? {
        exitCode: 0,
        message: "capdev interventions cover every scored sub-indicator and match their migration",
      }
      : { exitCode: 1, message: `${target} is stale: run ${COMMAND}` };
  }
  writeFileSync(MIGRATION_PATH, sql);
  return { exitCode: 0, message: `wrote ${target}` };
}

if (import.meta.main) {
  const outcome = run(process.argv.slice(2));
  (outcome.exitCode === 0 ? console.log : console.error)(outcome.message);
  process.exit(outcome.exitCode);
}
