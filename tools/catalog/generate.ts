// Generates supabase/catalog/sglgb-2024.json and its migration from the reference catalog.
//   deno run -A tools/catalog/generate.ts [--check] [--source file] [--json file] [--sql file]
// The source defaults to $VANTAGE_CATALOG_SOURCE, else ../shared/reference/sglgb-2024-catalog.json.
// --check writes nothing and exits 1 when a checked-in file differs from what the source gives.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CURATION_2024 } from "./curation.ts";
import { buildEdition } from "./edition.ts";
import { renderJson, renderMigration } from "./render.ts";
import { sourceCatalogSchema } from "./source.ts";

const EDITION = "2024";
const GENERATE_COMMAND = "npm run catalog:generate";
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const DEFAULT_PATHS = {
  source: resolve(REPO_ROOT, "../shared/reference/sglgb-2024-catalog.json"),
  json: resolve(REPO_ROOT, "supabase/catalog/sglgb-2024.json"),
  sql: resolve(
    REPO_ROOT,
    "supabase/migrations/20261126000210_catalog_2024.sql",
  ),
};

export type Outcome = { exitCode: 0 | 1; message: string };

/** The files the source gives, keyed by output path. */
export function generateFiles(
  paths: { source: string; json: string; sql: string },
): Map<string, string> {
  const bytes = readFileSync(paths.source);
  const source = sourceCatalogSchema.parse(JSON.parse(bytes.toString("utf8")));
  const document = buildEdition(EDITION, source, CURATION_2024);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sourcePath = relative(REPO_ROOT, paths.source);
  return new Map([
    [paths.json, renderJson(document)],
    [
      paths.sql,
      renderMigration(document, { path: sourcePath, sha256 }, GENERATE_COMMAND),
    ],
  ]);
}

export function run(
  args: string[],
  env: Record<string, string | undefined>,
): Outcome {
  const { values } = parseArgs({
    args,
    options: {
      check: { type: "boolean", default: false },
      source: { type: "string" },
      json: { type: "string" },
      sql: { type: "string" },
    },
  });
  const paths = {
    source: resolve(
      values.source ?? env.VANTAGE_CATALOG_SOURCE ?? DEFAULT_PATHS.source,
    ),
    json: resolve(values.json ?? DEFAULT_PATHS.json),
    sql: resolve(values.sql ?? DEFAULT_PATHS.sql),
  };
  const files = generateFiles(paths);
  if (values.check) {
    for (const [path, expected] of files) {
      const actual = existsSync(path) ? readFileSync(path, "utf8") : null;
      if (actual !== expected) {
        const name = relative(REPO_ROOT, path);
        return {
          exitCode: 1,
          message: `${name} is stale: run ${GENERATE_COMMAND}`,
        };
      }
    }
    return { exitCode: 0, message: "catalog files match their source" };
  }
  for (const [path, content] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return {
    exitCode: 0,
    message: `wrote ${[...files.keys()].map((path) => relative(REPO_ROOT, path)).join(", ")}`,
  };
}

if (import.meta.main) {
  try {
    const outcome = run(process.argv.slice(2), process.env);
    (outcome.exitCode === 0 ? console.log : console.error)(outcome.message);
    process.exit(outcome.exitCode);
  } catch (error) {
    console.error(
      `catalog generation failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
