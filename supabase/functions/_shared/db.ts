import postgres from "postgres";

export type Sql = postgres.Sql;

/**
 * A postgres.js client for SUPABASE_DB_URL (set by the platform for every function). Prepared
 * statements are off because the platform's pooler runs in transaction mode.
 */
export function createDatabase(
  url = Deno.env.get("SUPABASE_DB_URL"),
  options: postgres.Options<Record<string, never>> = {},
): Sql {
  if (!url) throw new Error("SUPABASE_DB_URL is not set");
  return postgres(url, {
    max: 5,
    prepare: false,
    connect_timeout: 5,
    idle_timeout: 20,
    onnotice: () => {},
    ...options,
  });
}
