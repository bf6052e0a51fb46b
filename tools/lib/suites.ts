import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { binDir, denoFunctionFolders, repoRoot, runtimeDeno, supabaseDir } from "./paths.ts";
import { run } from "./processes.ts";

/** One suite's outcome. A suite that cannot run at all counts as one failure. */
export type SuiteResult = {
  name: string;
  passed: number;
  failed: number;
  note?: string;
};

export const couldNotRun = (name: string, note: string): SuiteResult => ({
  name,
  passed: 0,
  failed: 1,
  note,
});

function echo(output: string): void {
  const text = output.trimEnd();
  if (text) console.log(text);
}

/**
 * Reads pg_prove's summary: `Files=.., Tests=N` and, per failing file,
 * `(Wstat: .. Tests: .. Failed: F)`. A failing file with no failed assertion (a bad plan, an
 * error that stopped the script) counts as one failure.
 */
export function parsePgProve(
  output: string,
): { passed: number; failed: number } | undefined {
  const total = output.match(/^Files=\d+, Tests=(\d+)/m);
  if (!total) return undefined;
  let failed = 0;
  let failedAssertions = 0;
  for (
    const [, count] of output.matchAll(
      /\(Wstat: \d+ Tests: \d+ Failed: (\d+)\)/g,
    )
  ) {
    failedAssertions += Number(count);
    failed += Math.max(Number(count), 1);
  }
  return { passed: Number(total[1]) - failedAssertions, failed };
}

export async function runPgTap(port: number): Promise<SuiteResult> {
  const testsDir = path.join(supabaseDir, "tests");
  const result = await run("pg_prove", [
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--username",
    "postgres",
    "--dbname",
    "postgres",
    "--ext",
    ".pg",
    "--ext",
    ".sql",
    "-r",
    testsDir,
  ], { cwd: repoRoot, env: { PGOPTIONS: "-c search_path=public,extensions" } });
  echo(result.stdout + result.stderr);
  const counts = parsePgProve(result.stdout);
  if (!counts) {
    return couldNotRun("pgTAP", `pg_prove exited with ${result.code}`);
  }
  if (result.code !== 0 && counts.failed === 0) counts.failed = 1;
  return { name: "pgTAP", ...counts };
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  success: boolean;
};

export async function runVitest(
  env: Record<string, string>,
): Promise<SuiteResult> {
  const reportDir = await mkdtemp(path.join(tmpdir(), "vantage-vitest-"));
  const reportFile = path.join(reportDir, "report.json");
  try {
    const result = await run(path.join(binDir, "vitest"), [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportFile}`,
    ], { cwd: repoRoot, env: { ...env, NO_COLOR: "1" } });
    echo(result.stdout + result.stderr);
    if (!existsSync(reportFile)) {
      return couldNotRun("vitest", `vitest exited with ${result.code}`);
    }
    const report = JSON.parse(
      await readFile(reportFile, "utf8"),
    ) as VitestReport;
    const failed = report.numFailedTests || (result.code === 0 ? 0 : 1);
    return { name: "vitest", passed: report.numPassedTests, failed };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

/** Deno's closing line: `ok | 3 passed | 0 failed` or `FAILED | 2 passed | 1 failed`. */
export function parseDenoTest(
  output: string,
): { passed: number; failed: number } | undefined {
  const summary = [
    ...output.matchAll(/(?:ok|FAILED) \| (\d+) passed[^|]*\| (\d+) failed/g),
  ].at(-1);
  return summary ? { passed: Number(summary[1]), failed: Number(summary[2]) } : undefined;
}

type DenoTarget = { folder: string; files: string[]; runtime?: boolean };

/** The `*_test.ts` files under `folder` (Deno's naming; vitest files end in `.test.ts`). */
function denoTestFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("_test.ts") && !file.includes("node_modules"))
    .map((file) => path.join(folder, file));
}

/**
 * Whether a function's test file runs without the local stack: its module graph (`deno info`)
 * reaches no database client (`supabase/functions/_shared/db.ts`).
 */
export async function isUnitTest(file: string, config: string): Promise<boolean> {
  const info = await run(path.join(binDir, "deno"), ["info", "--json", "--config", config, file]);
  const graph = JSON.parse(info.stdout) as { modules: { specifier: string }[] };
  const database = pathToFileURL(path.join(supabaseDir, "functions", "_shared", "db.ts")).href;
  return !graph.modules.some((module) => module.specifier === database);
}

/**
 * Folders with their own deno.json (each function and _shared), and the Deno tests of packages,
 * with the project's Deno; then the functions' unit tests again with the edge runtime's Deno
 * (tests that use the database keep a pooled client across tests, which its stricter leak
 * checks refuse).
 */
async function denoTestTargets(): Promise<DenoTarget[]> {
  const targets: DenoTarget[] = denoFunctionFolders().map((folder) => ({
    folder,
    files: [folder],
  }));
  const packagesDir = path.join(repoRoot, "packages");
  const packageTests = existsSync(packagesDir) ? denoTestFiles(packagesDir) : [];
  if (packageTests.length > 0) targets.push({ folder: repoRoot, files: packageTests });
  for (const folder of denoFunctionFolders()) {
    const config = path.join(folder, "deno.json");
    const units = [];
    for (const file of denoTestFiles(folder)) {
      if (await isUnitTest(file, config)) units.push(file);
    }
    if (units.length > 0) targets.push({ folder, files: units, runtime: true });
  }
  return targets;
}

export async function runDenoTests(
  env: Record<string, string>,
): Promise<SuiteResult> {
  const total: SuiteResult = { name: "deno test", passed: 0, failed: 0 };
  for (const { folder, files, runtime } of await denoTestTargets()) {
    const config = path.join(folder, "deno.json");
    const args = [
      "test",
      "-A",
      "--permit-no-files",
      ...(existsSync(config) ? ["--config", config] : []),
      ...files,
    ];
    const result = runtime
      ? await run(runtimeDeno.command, [...runtimeDeno.args, ...args], {
        cwd: repoRoot,
        env: { ...env, ...runtimeDeno.env, NO_COLOR: "1" },
      })
      : await run(path.join(binDir, "deno"), args, {
        cwd: repoRoot,
        env: { ...env, NO_COLOR: "1" },
      });
    echo(result.stdout + result.stderr);
    const counts = parseDenoTest(result.stdout);
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed || (result.code === 0 ? 0 : 1);
    } else if (result.code !== 0) {
      total.failed += 1;
    }
  }
  return total;
}
