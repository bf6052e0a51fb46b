import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  binDir,
  denoFunctionFolders,
  repoRoot,
  runtimeDeno,
  runtimeDenoEnv,
  supabaseDir,
} from "./paths.ts";
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

/**
 * Folders with their own deno.json (each function and _shared), run with the edge runtime's Deno,
 * and the Deno tests of packages (`*_test.ts`, Deno's own naming, while vitest files there end in
 * `.test.ts`), run with the project's.
 */
function denoTestTargets(): { folder: string; files: string[]; runtime?: boolean }[] {
  const functionFolders = denoFunctionFolders().map((folder) => ({
    folder,
    files: [folder],
    runtime: true,
  }));
  const packagesDir = path.join(repoRoot, "packages");
  const packageTests = existsSync(packagesDir)
    ? readdirSync(packagesDir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("_test.ts") && !file.includes("node_modules"))
      .map((file) => path.join(packagesDir, file))
    : [];
  return packageTests.length > 0
    ? [...functionFolders, { folder: repoRoot, files: packageTests }]
    : functionFolders;
}

export async function runDenoTests(
  env: Record<string, string>,
): Promise<SuiteResult> {
  const total: SuiteResult = { name: "deno test", passed: 0, failed: 0 };
  for (const { folder, files, runtime } of denoTestTargets()) {
    const config = path.join(folder, "deno.json");
    const args = [
      "test",
      "-A",
      "--permit-no-files",
      ...(existsSync(config) ? ["--config", config] : []),
      ...files,
    ];
    const result = runtime
      ? await run("node", [runtimeDeno, ...args], {
        cwd: repoRoot,
        env: { ...env, ...runtimeDenoEnv, NO_COLOR: "1" },
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
