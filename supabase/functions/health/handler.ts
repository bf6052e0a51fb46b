import type { Sql } from "../_shared/db.ts";
import { json, methodNotAllowed } from "../_shared/http.ts";
import { logEvent } from "../_shared/log.ts";

export type HealthDependencies = {
  /** The latest applied migration version; throws when the database cannot be reached. */
  latestMigration: () => Promise<string | null>;
  version: string;
};

export async function latestMigration(sql: Sql): Promise<string | null> {
  const [row] = await sql<{ version: string | null }[]>`
    select max(version) as version from supabase_migrations.schema_migrations`;
  return row.version;
}

export function createHealthHandler(dependencies: HealthDependencies) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== "GET") return methodNotAllowed(["GET"]);
    try {
      const migration = await dependencies.latestMigration();
      return json({
        status: "ok",
        database: "ok",
        migration,
        version: dependencies.version,
      });
    } catch (error) {
      logEvent("error", "database_unreachable", {
        error: error instanceof Error ? error.message : String(error),
      });
      return json({
        status: "error",
        database: "unreachable",
        version: dependencies.version,
        error: {
          code: "database_unreachable",
          message: "The database cannot be reached",
        },
      }, 503);
    }
  };
}
