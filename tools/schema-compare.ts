import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { databaseUrl } from "./lib/cluster.ts";
import { applyPlatform, resetDatabase } from "./lib/database.ts";
import { runMain, UserFacingError } from "./lib/errors.ts";
import { exitOnSignals, onShutdown, shutdown } from "./lib/lifecycle.ts";
import { pgBinDir, repoRoot } from "./lib/paths.ts";
import { runChecked } from "./lib/processes.ts";
import { startThrowawayCluster } from "./lib/stack.ts";
import { requirements, requireSystem } from "./lib/system.ts";

/**
 * `npm run schema:compare -- <git ref>`: applies the migrations of <git ref> and then those of the
 * working tree to a throwaway cluster, dumps the schema after each (`pg_dump --schema-only`: tables,
 * functions, policies, triggers and grants of every schema, storage's included) and prints how the
 * second differs from the first. The dump is normalised for order (its sections sorted), so that
 * moving a definition to another migration changes nothing; a reorganisation of the migrations is a
 * pure move when nothing is printed.
 */

/** pg_dump's sections ("-- Name: ...; Type: ...") sorted, without its version banner and its session key (\restrict). */
export function normaliseDump(dump: string): string[] {
  return dump
    .split(/\n--\n(?=-- (?:Name|Data for Name): )/)
    .map((section) =>
      section.split("\n").filter((line) => !/^(-- Dumped (from|by) |\\(un)?restrict )/.test(line))
        .join("\n").trim()
    )
    .filter((section) => section.length > 0)
    .sort();
}

async function resetAndDump(port: number, workdir: string): Promise<string[]> {
  await resetDatabase(port, workdir);
  const { stdout } = await runChecked(path.join(pgBinDir, "pg_dump"), [
    "--schema-only",
    "--dbname",
    databaseUrl(port, "supabase_admin"),
  ]);
  return normaliseDump(stdout);
}

/** Lines only in `before` (-) and only in `after` (+), section by section. */
function difference(before: string[], after: string[]): string[] {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  return [
    ...before.filter((section) => !inAfter.has(section)).map((section) => `- ${section}`),
    ...after.filter((section) => !inBefore.has(section)).map((section) => `+ ${section}`),
  ];
}

await runMain(async () => {
  const ref = process.argv[2];
  if (!ref) {
    throw new UserFacingError("Name the git ref to compare with: npm run schema:compare -- <ref>");
  }
  requireSystem(requirements.server);
  exitOnSignals();
  const checkout = await mkdtemp(path.join(tmpdir(), "vantage-schema-"));
  onShutdown(() => rm(checkout, { recursive: true, force: true }));
  const archive = path.join(checkout, "supabase.tar");
  await runChecked("git", ["archive", "--output", archive, ref, "supabase"], { cwd: repoRoot });
  await runChecked("tar", ["-xf", archive, "-C", checkout]);

  const cluster = await startThrowawayCluster();
  await applyPlatform(cluster.port);
  const before = await resetAndDump(cluster.port, checkout);
  const after = await resetAndDump(cluster.port, repoRoot);
  const changes = difference(before, after);
  await shutdown();
  if (changes.length === 0) {
    console.log(`The schema from the working tree's migrations is the schema from ${ref}'s.`);
    return;
  }
  console.log(changes.join("\n\n"));
  console.log(`\n${changes.length} sections differ from ${ref}.`);
  process.exitCode = 1;
});
