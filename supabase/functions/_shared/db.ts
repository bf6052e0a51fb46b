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

/** A user's claims as Supabase Auth issues them: `role` authenticated and the user id as `sub`. */
export type Claims = Record<string, unknown> & { sub: string; role: "authenticated" };

/** Runs `query` in a transaction as the user of `claims`, the way PostgREST runs an API request. */
export async function asCaller<T>(
  sql: Sql,
  claims: Claims,
  query: (tx: Sql) => Promise<T>,
): Promise<T> {
  return await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    await tx`set local role authenticated`;
    return await query(tx as unknown as Sql);
  }) as T;
}
