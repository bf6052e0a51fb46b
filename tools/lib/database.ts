import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { databaseUrl } from "./cluster.ts";
import { binDir, newestMigrationVersion, platformDir, repoRoot } from "./paths.ts";
import { UserFacingError } from "./errors.ts";
import { run } from "./processes.ts";

export type Sql = postgres.Sql;

/** A postgres.js client for local tooling; notices (e.g. "already exists, skipping") stay quiet. */
export function connect(
  url: string,
  options: postgres.Options<Record<string, never>> = {},
): Sql {
  return postgres(url, { max: 1, onnotice: () => {}, ...options });
}

/**
 * Creates what the Supabase platform provides before any migration runs (tools/platform/*.sql),
 * as supabase_admin so that `supabase db reset` keeps it. Every file is idempotent.
 */
export async function applyPlatform(port: number): Promise<void> {
  const sql = connect(databaseUrl(port, "supabase_admin"));
  try {
    const files = (await readdir(platformDir)).filter((file) => file.endsWith(".sql")).sort();
    for (const file of files) {
      await sql.unsafe(await readFile(path.join(platformDir, file), "utf8"));
    }
  } finally {
    await sql.end();
  }
}

/** Applies migrations and seed.sql with the real Supabase CLI. */
export async function resetDatabase(port: number): Promise<string> {
  const { code, stdout, stderr } = await run(path.join(binDir, "supabase"), [
    "db",
    "reset",
    "--yes",
    "--db-url",
    databaseUrl(port),
    "--workdir",
    repoRoot,
  ], { cwd: repoRoot });
  const output = `${stdout}${stderr}`.trim();
  if (code !== 0) {
    throw new UserFacingError(
      `${output}\nsupabase db reset failed: fix the migration or seed.sql statement above, ` +
        "then run the command again.",
    );
  }
  return output;
}

/**
 * Whether `supabase db reset` applied every migration here: the CLI's migration history holds the
 * newest one. A reset that stopped at a failing migration leaves the history short of it.
 */
export async function hasMigrations(port: number): Promise<boolean> {
  const sql = connect(databaseUrl(port));
  try {
    const [{ history }] = await sql<{ history: boolean }[]>`
      select to_regclass('supabase_migrations.schema_migrations') is not null as history`;
    if (!history) return false;
    const [{ applied }] = await sql<{ applied: boolean }[]>`
      select exists (
        select from supabase_migrations.schema_migrations where version = ${newestMigrationVersion()}
      ) as applied`;
    return applied;
  } finally {
    await sql.end();
  }
}

/** `supabase db reset` drops pgTAP with every other extension; the test runner recreates it. */
export async function createPgtap(port: number): Promise<void> {
  const sql = connect(databaseUrl(port));
  try {
    await sql`create extension if not exists pgtap with schema extensions`;
  } finally {
    await sql.end();
  }
}
