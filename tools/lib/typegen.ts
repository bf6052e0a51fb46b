import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { databaseUrl } from "./cluster.ts";
import { UserFacingError } from "./errors.ts";
import { supabaseDir } from "./paths.ts";
import { run } from "./processes.ts";
import { apiSchemas } from "./supabase-config.ts";

/** Where the frontend's `Database` type lives, checked in beside the migrations it comes from. */
export const databaseTypesPath = path.join(supabaseDir, "database.types.ts");

/**
 * `supabase gen types typescript` for the database on `port`, without Docker: the CLI runs the
 * postgres-meta image's `node dist/server/server.js` with these settings; the same program runs
 * here from its npm package, pinned to the version the pinned CLI uses.
 */
export async function generateDatabaseTypes(port: number): Promise<string> {
  const server = path.join(
    path.dirname(createRequire(import.meta.url).resolve("@supabase/postgres-meta/package.json")),
    "dist",
    "server",
    "server.js",
  );
  const { code, stdout, stderr } = await run("node", [server], {
    env: {
      PG_META_DB_URL: databaseUrl(port),
      PG_META_GENERATE_TYPES: "typescript",
      PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: apiSchemas().join(","),
      PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: "true",
    },
  });
  if (code !== 0 || !stdout.includes("export type Database")) {
    throw new UserFacingError(`Type generation failed: ${stderr.trim().split("\n").at(-1)}`);
  }
  return stdout;
}

/** Whether the committed file holds exactly what the migrations produce. */
export async function databaseTypesAreCurrent(port: number): Promise<boolean> {
  const committed = await readFile(databaseTypesPath, "utf8").catch(() => "");
  return committed === await generateDatabaseTypes(port);
}
