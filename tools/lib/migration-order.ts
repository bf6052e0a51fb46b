import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { databaseUrl } from "./cluster.ts";
import { applyPlatform, connect } from "./database.ts";

export type LaterReference = { migration: string; fn: string; message: string };

/**
 * Applies the migrations one by one to a database that has only the platform stand-in and, after
 * each, checks every plpgsql function of public and private with plpgsql_check: a function that
 * refers to a table, column or function no migration so far defines is reported with the
 * migration that created it. Postgres checks only SQL functions and policies as they are created;
 * a plpgsql body is resolved when it first runs, so this is how a migration that depends on a
 * later one shows. The migrations run as `postgres`, as `supabase db reset` runs them.
 */
export async function laterReferences(
  port: number,
  migrationsDir: string,
): Promise<LaterReference[]> {
  await applyPlatform(port);
  const sql = connect(databaseUrl(port, "supabase_admin"));
  const found: LaterReference[] = [];
  const reported = new Set<string>();
  try {
    await sql.unsafe("create extension if not exists plpgsql_check");
    const migrations = (await readdir(migrationsDir)).filter((file) => file.endsWith(".sql"))
      .sort();
    for (const migration of migrations) {
      const text = await readFile(path.join(migrationsDir, migration), "utf8");
      await sql.begin(async (tx) => {
        await tx.unsafe("set local role postgres");
        await tx.unsafe(text);
      });
      const errors = await sql<{ fn: string; message: string }[]>`
        select p.oid::regprocedure::text as fn, c.message
        from pg_proc p
        join pg_language l on l.oid = p.prolang and l.lanname = 'plpgsql'
        cross join lateral plpgsql_check_function_tb(
          p.oid,
          coalesce((select t.tgrelid from pg_trigger t where t.tgfoid = p.oid limit 1), 0),
          fatal_errors => false) c
        where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
          and c.level = 'error'`;
      for (const { fn, message } of errors) {
        if (reported.has(fn + message)) continue;
        reported.add(fn + message);
        found.push({ migration, fn, message });
      }
    }
  } finally {
    await sql.end();
  }
  return found;
}
