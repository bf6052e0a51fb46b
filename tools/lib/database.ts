import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { databaseUrl } from "./cluster.ts";
import { binDir, platformDir, repoRoot, resetSourcesSha256 } from "./paths.ts";
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

/** Applies migrations and seed.sql (of `workdir`'s supabase folder) with the real Supabase CLI. */
export async function resetDatabase(port: number, workdir = repoRoot): Promise<string> {
  const { code, stdout, stderr } = await run(path.join(binDir, "supabase"), [
    "db",
    "reset",
    "--yes",
    "--db-url",
    databaseUrl(port),
    "--workdir",
    workdir,
  ], { cwd: workdir });
  const output = `${stdout}${stderr}`.trim();
  if (code !== 0) throw new UserFacingError(describeResetFailure(output));
  return output;
}

/**
 * Two lines out of the CLI's output of a failed reset: which file and statement failed, and why.
 * Output of another shape (the CLI could not connect, say) is kept whole.
 */
export function describeResetFailure(output: string): string {
  const file = [...output.matchAll(/^(?:Applying migration|Seeding data from) (\S+?)\.{3}$/gm)]
    .at(-1)?.[1];
  const error = output.match(/^ERROR: (.+)$/m)?.[1];
  if (!file || !error) return `${output}\nsupabase db reset failed (output above).`;
  const statement = output.match(/^At statement: \d+\n(.+)$/m)?.[1].trim() ?? "";
  const shown = statement.length > 80 ? `${statement.slice(0, 77)}...` : statement;
  return `supabase db reset stopped in ${file}: ${error}${shown ? ` (at: ${shown})` : ""}\n` +
    "Fix that statement, then run the command again.";
}

/**
 * A reset database records, as the comment on the CLI's `supabase_migrations` schema, the
 * `resetSourcesSha256` of the migrations and seed it was built from, once the reset has succeeded.
 */
const RESET_SOURCES = "reset from migrations and seed with sha256 ";

/** Clears the record before a reset, and writes it after a successful one (`sha256` not null). */
export async function recordResetSources(port: number, sha256: string | null): Promise<void> {
  const sql = connect(databaseUrl(port));
  try {
    // A comment takes no parameter; the value is this file's prefix and a hex digest.
    const comment = sha256 === null ? "null" : `'${RESET_SOURCES}${sha256}'`;
    await sql.unsafe(`
      do $$ begin
        if to_regnamespace('supabase_migrations') is not null then
          comment on schema supabase_migrations is ${comment};
        end if;
      end $$`);
  } finally {
    await sql.end();
  }
}

/**
 * Whether the database was last reset, successfully, from the migrations and seed.sql as they are
 * now. An edited, added or removed migration, an edited seed, or a reset that stopped at a failing
 * statement leaves it out of date.
 */
export async function isResetFromCurrentSources(port: number): Promise<boolean> {
  const sql = connect(databaseUrl(port));
  try {
    const [{ recorded }] = await sql<{ recorded: string | null }[]>`
      select obj_description(to_regnamespace('supabase_migrations'), 'pg_namespace') as recorded`;
    return recorded === `${RESET_SOURCES}${resetSourcesSha256()}`;
  } finally {
    await sql.end();
  }
}

/**
 * Runs `work` with `postgres` as a hosted project has it: not a superuser, keeping its other
 * attributes and grants. The stand-in and the migrations need the superuser (no supautils here to
 * let `postgres` create extensions and storage policies); what runs inside must not. Restored after.
 */
export async function withoutSuperuser<T>(port: number, work: () => Promise<T>): Promise<T> {
  const sql = connect(databaseUrl(port, "supabase_admin"));
  try {
    await sql`alter role postgres nosuperuser`;
    return await work();
  } finally {
    await sql`alter role postgres superuser`;
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
