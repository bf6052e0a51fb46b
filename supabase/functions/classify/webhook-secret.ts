import type { Sql } from "../_shared/db.ts";

const TTL_MS = 30_000;

/**
 * The webhook secret the dispatcher sends, read from the same configuration it uses
 * (private.setting: Vault, else private.settings) and kept for 30 s, so a rotation applies
 * within half a minute.
 */
export function cachedWebhookSecret(
  sql: Sql,
  clock = () => Date.now(),
): () => Promise<string | null> {
  let cached: { value: string | null; readAt: number } | undefined;
  return async () => {
    if (!cached || clock() - cached.readAt > TTL_MS) {
      const [row] = await sql<
        { value: string | null }[]
      >`select private.setting('vantage_webhook_secret') as value`;
      cached = { value: row.value, readAt: clock() };
    }
    return cached.value;
  };
}
