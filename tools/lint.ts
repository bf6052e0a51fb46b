import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { databaseUrl, removeCluster } from "./lib/cluster.ts";
import { connect } from "./lib/database.ts";
import { runMain } from "./lib/errors.ts";
import { checkMigrations } from "./lib/hosted-postgres.ts";
import { exitOnSignals, shutdown } from "./lib/lifecycle.ts";
import { laterReferences } from "./lib/migration-order.ts";
import { binDir, denoFunctionFolders, repoRoot, runtimeDeno, supabaseDir } from "./lib/paths.ts";
import { type CommandResult, run } from "./lib/processes.ts";
import { resetWithPlatform, startThrowawayCluster } from "./lib/stack.ts";
import { requirements, requireSystem } from "./lib/system.ts";
import { databaseTypesAreCurrent, databaseTypesPath } from "./lib/typegen.ts";

/**
 * `npm run lint`: tsc (tools, tests, packages), deno check (functions, with the project's Deno and
 * the edge runtime's), the catalog files against
 * their source, the migrations against what a non-superuser postgres may do, deno fmt and deno
 * lint (all TypeScript), then, against a throwaway cluster holding
 * the migrations: the committed database types, `supabase db lint` and `supabase db advisors`.
 */

/** Schemas of the platform stand-in: advisor findings there are not the product's to fix. */
const platformSchemas = new Set(["auth", "storage", "extensions", "net", "vault"]);

type Advisory = { name: string; level: string; detail: string; metadata?: { schema?: string } };

const bin = (name: string) => path.join(binDir, name);
let failures = 0;

function report(check: string, ok: boolean, output = ""): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${check}`);
  if (!ok) {
    failures++;
    if (output.trim()) console.log(output.trimEnd().replace(/^/gm, "     "));
  }
}

async function check(
  name: string,
  command: string,
  args: string[],
  summarize = (output: string) => output,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  const result = await run(command, args, { cwd: repoRoot, env: { ...env, NO_COLOR: "1" } });
  report(name, result.code === 0, summarize(result.stdout + result.stderr));
  return result;
}

/** `deno fmt --check` prints whole diffs; the names of the files to format are enough here. */
const unformattedFiles = (output: string) =>
  [...output.matchAll(/^from (.+):$/gm)].map((match) => match[1]).join("\n") +
  "\nrun: npx deno fmt";

function typeScriptProjects(): string[] {
  const packages = path.join(repoRoot, "packages");
  return [
    path.join(repoRoot, "tools", "tsconfig.json"),
    path.join(repoRoot, "tests", "tsconfig.json"),
    ...readdirSync(packages).map((name) => path.join(packages, name, "tsconfig.json")),
  ].filter((project) => existsSync(project));
}

/**
 * Procedures that commit between batches: Postgres refuses COMMIT in a procedure with a SET clause,
 * so these cannot pin their search_path (they name every object with its schema instead), and the
 * advisor's finding on them is expected.
 */
async function proceduresThatCommit(url: string): Promise<string[]> {
  const sql = connect(url);
  try {
    const rows = await sql<{ name: string }[]>`
      select p.pronamespace::regnamespace || '.' || p.proname as name from pg_proc p
      where p.prokind = 'p' and p.pronamespace = 'private'::regnamespace and p.proconfig is null
        and not p.prosecdef and p.prosrc ~* '\\mcommit\\M'`;
    return rows.map((row) => row.name);
  } finally {
    await sql.end();
  }
}

async function lintDatabase(port: number): Promise<void> {
  const url = databaseUrl(port);
  const supabase = bin("supabase");
  await check("supabase db lint (public, private)", supabase, [
    "db",
    "lint",
    "--db-url",
    url,
    "--schema",
    "public,private",
    "--fail-on",
    "error",
    "--workdir",
    repoRoot,
  ]);

  const advisors = await run(supabase, [
    "db",
    "advisors",
    "--db-url",
    url,
    "--fail-on",
    "warn",
    "--output",
    "json",
    "--workdir",
    repoRoot,
  ], { cwd: repoRoot });
  let findings: Advisory[];
  try {
    findings = advisors.stdout.trim() ? JSON.parse(advisors.stdout) as Advisory[] : [];
  } catch {
    return report("supabase db advisors --fail-on warn", false, advisors.stdout + advisors.stderr);
  }
  const batchProcedures = await proceduresThatCommit(url);
  const own = findings.filter((finding) =>
    !platformSchemas.has(finding.metadata?.schema ?? "") && finding.level !== "INFO" &&
    !(finding.name === "function_search_path_mutable" &&
      batchProcedures.some((name) => finding.detail.includes(`\`${name}\``)))
  );
  report(
    "supabase db advisors --fail-on warn (product schemas)",
    own.length === 0 && (advisors.code === 0 || findings.length > 0),
    own.length > 0
      ? own.map((finding) => `${finding.level} ${finding.name}: ${finding.detail}`).join("\n")
      : advisors.stderr,
  );
}

await runMain(async () => {
  requireSystem(requirements.server, requirements.linting);
  exitOnSignals();

  for (const project of typeScriptProjects()) {
    await check(`tsc -p ${path.relative(repoRoot, project)}`, bin("tsc"), ["-p", project]);
  }
  const runtimeVersion = (await run(runtimeDeno.command, [...runtimeDeno.args, "--version"], {
    env: runtimeDeno.env,
  })).stdout.split(" ")[1];
  for (const folder of denoFunctionFolders()) {
    const args = ["check", "--config", path.join(folder, "deno.json"), folder];
    await check(`deno check ${path.relative(repoRoot, folder)}`, bin("deno"), args);
    await check(
      `deno check ${path.relative(repoRoot, folder)} (Deno ${runtimeVersion}, the edge runtime's)`,
      runtimeDeno.command,
      [...runtimeDeno.args, ...args],
      undefined,
      runtimeDeno.env,
    );
  }
  const catalog = await check("catalog files (tools/catalog/generate.ts --check)", bin("deno"), [
    "run",
    "-A",
    path.join(repoRoot, "tools", "catalog", "generate.ts"),
    "--check",
  ]);
  // Its message says what the files were compared with: their source, or without it each other.
  if (catalog.code === 0) console.log(catalog.stdout.trimEnd().replace(/^/gm, "     "));
  await check("capdev interventions (tools/capdev/generate.ts --check)", bin("deno"), [
    "run",
    "-A",
    path.join(repoRoot, "tools", "capdev", "generate.ts"),
    "--check",
  ]);
  const violations = await checkMigrations(path.join(supabaseDir, "migrations"));
  report(
    "migrations need no superuser (what postgres may do on a hosted project)",
    violations.length === 0,
    violations.map(({ file, line, statement, why }) => `${file}:${line}: ${statement}\n  ${why}`)
      .join("\n"),
  );
  await check("deno fmt --check", bin("deno"), ["fmt", "--check"], unformattedFiles);
  await check("deno lint", bin("deno"), ["lint"]);

  const orderCluster = await startThrowawayCluster();
  const later = await laterReferences(orderCluster.port, path.join(supabaseDir, "migrations"));
  await removeCluster(orderCluster);
  report(
    "migrations in dependency order (none uses what a later one defines)",
    later.length === 0,
    later.map(({ migration, fn, message }) => `${migration}: ${fn}: ${message}`).join("\n"),
  );

  const cluster = await startThrowawayCluster();
  try {
    await resetWithPlatform(cluster.port);
    report("supabase db reset (migrations and seed)", true);
    report(
      `${path.relative(repoRoot, databaseTypesPath)} is what the migrations generate`,
      await databaseTypesAreCurrent(cluster.port),
      "a public table, view, enum or function changed: run npm run gen:types and commit the file",
    );
    await lintDatabase(cluster.port);
  } catch (error) {
    report("supabase db reset (migrations and seed)", false, (error as Error).message);
  }
  await shutdown();

  console.log(failures === 0 ? "lint: all checks passed" : `lint: ${failures} check(s) failed`);
  process.exit(failures === 0 ? 0 : 1);
});
