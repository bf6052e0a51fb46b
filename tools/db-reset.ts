import { databaseUrl } from "./lib/cluster.ts";
import { applyPlatform, connect } from "./lib/database.ts";
import { devCluster } from "./lib/dev.ts";
import { runMain } from "./lib/errors.ts";
import { exitOnSignals, shutdown } from "./lib/lifecycle.ts";
import { bringUpCluster, resetWithPlatform } from "./lib/stack.ts";
import { requirements, requireSystem } from "./lib/system.ts";

type Setting = { key: string; value: string };

/** A fresh cluster has neither the schema nor the table yet. */
const NOT_CREATED_YET = new Set(["3F000", "42P01"]);

/**
 * The pipeline settings a running `npm start` wrote (classify URL, webhook secret): a reset
 * empties private.settings, and without them uploads would wait until the next start.
 */
async function readSettings(url: string): Promise<Setting[]> {
  const sql = connect(url);
  try {
    return await sql<Setting[]>`
      select key, value from private.settings`;
  } catch (error) {
    if (NOT_CREATED_YET.has((error as { code?: string }).code ?? "")) return [];
    throw error;
  } finally {
    await sql.end();
  }
}

async function restoreSettings(url: string, settings: Setting[]): Promise<void> {
  if (settings.length === 0) return;
  const sql = connect(url);
  try {
    await sql`insert into private.settings ${sql(settings)}
              on conflict (key) do update set value = excluded.value`;
  } finally {
    await sql.end();
  }
}

/** `npm run db:reset`: re-applies migrations and seed to the dev cluster, running or not. */
await runMain(async () => {
  requireSystem(requirements.server);
  exitOnSignals();
  const cluster = await devCluster();
  await bringUpCluster(cluster);
  // Reading the settings connects as `postgres`, a role the stand-in creates.
  await applyPlatform(cluster.port);
  const url = databaseUrl(cluster.port);
  const settings = await readSettings(url);
  console.log(await resetWithPlatform(cluster.port));
  await restoreSettings(url, settings);
  await shutdown();
});
