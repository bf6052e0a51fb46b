import { createAuthApi } from "../auth-server.ts";
import { startFunctionsServer } from "../functions-server.ts";
import { startPgNetWorker } from "../pgnet-worker.ts";
import {
  type Cluster,
  databaseUrl,
  ensureCluster,
  isClusterRunning,
  removeCluster,
  runningPort,
  startCluster,
  stopCluster,
  throwawayCluster,
} from "./cluster.ts";
import { applyPlatform, connect, recordResetSources, resetDatabase } from "./database.ts";
import { UserFacingError } from "./errors.ts";
import { JWT_SECRET, mintApiKey } from "./jwt.ts";
import { onShutdown } from "./lifecycle.ts";
import { resetSourcesSha256 } from "./paths.ts";
import { authSettings } from "./supabase-config.ts";

export type ApiKeys = { anonKey: string; serviceRoleKey: string };

export async function apiKeys(): Promise<ApiKeys> {
  return {
    anonKey: await mintApiKey("anon"),
    serviceRoleKey: await mintApiKey("service_role"),
  };
}

/**
 * Creates the cluster if needed and starts it (stopped again on shutdown when this process
 * started it).
 */
export async function bringUpCluster(cluster: Cluster): Promise<void> {
  await ensureCluster(cluster);
  if (await isClusterRunning(cluster)) {
    const port = await runningPort(cluster);
    if (port !== cluster.port) {
      throw new UserFacingError(
        `The cluster in ${cluster.dataDir} is already running on port ${port}, not ${cluster.port}: ` +
          `set VANTAGE_DB_PORT=${port}, or stop the npm start that runs it (Ctrl-C) and retry.`,
      );
    }
    return;
  }
  await startCluster(cluster);
  onShutdown(() => stopCluster(cluster));
}

/** A throwaway cluster on a free port, started; shutdown stops and deletes it. */
export async function startThrowawayCluster(): Promise<Cluster> {
  const cluster = await throwawayCluster();
  onShutdown(() => removeCluster(cluster));
  await bringUpCluster(cluster);
  return cluster;
}

/**
 * Platform stand-in first, then migrations and seed through `supabase db reset`; a reset that
 * succeeds records what it was built from (`isResetFromCurrentSources`).
 */
export async function resetWithPlatform(port: number): Promise<string> {
  await applyPlatform(port);
  await recordResetSources(port, null);
  const output = await resetDatabase(port);
  await recordResetSources(port, resetSourcesSha256());
  return output;
}

export type Services = {
  functionsUrl: string;
  functionNames: string[];
  /** SUPABASE_URL, SUPABASE_DB_URL, the keys and the JWT secret, as the functions receive them. */
  env: Record<string, string>;
};

/**
 * What the functions receive: the platform's settings for this stack (overriding
 * supabase/functions/.env, as the platform does), and `VANTAGE_STORAGE_URL` when it is set, so
 * that classify reads MOVs from a Storage API running elsewhere (by default from SUPABASE_URL).
 */
export function functionsEnvironment(
  dbPort: number,
  functionsPort: number,
  keys: ApiKeys,
  environment: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const storageUrl = environment.VANTAGE_STORAGE_URL;
  return {
    SUPABASE_URL: `http://127.0.0.1:${functionsPort}`,
    SUPABASE_DB_URL: databaseUrl(dbPort),
    SUPABASE_ANON_KEY: keys.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
    SUPABASE_JWT_SECRET: JWT_SECRET,
    ...(storageUrl ? { VANTAGE_STORAGE_URL: storageUrl } : {}),
  };
}

/**
 * The pg_net worker and the functions server against the database on `dbPort`; the functions
 * server also serves the Auth admin stand-in at /auth/v1, whose invitation e-mails are printed
 * (as the CLI's local mail catcher would hold them).
 */
export async function startServices(
  dbPort: number,
  functionsPort: number,
  keys: ApiKeys,
): Promise<Services> {
  const worker = await startPgNetWorker(databaseUrl(dbPort, "supabase_admin"));
  onShutdown(() => worker.stop());
  const env = functionsEnvironment(dbPort, functionsPort, keys);
  const auth = createAuthApi({
    databaseUrl: databaseUrl(dbPort, "supabase_auth_admin"),
    ...authSettings(),
    mailer: (mail) => console.log(`[auth] e-mail to ${mail.to}: ${mail.subject}: ${mail.link}`),
  });
  onShutdown(() => auth.close());
  const server = await startFunctionsServer({ port: functionsPort, env, auth });
  onShutdown(() => server.stop());
  await configurePipeline(dbPort, server.url);
  return { functionsUrl: server.url, functionNames: server.names, env };
}

/**
 * The local Vault holds no secrets, so the database reads the classify URL and its webhook
 * secret from private.settings: write them (a fresh secret per start), then dispatch jobs queued
 * meanwhile.
 */
async function configurePipeline(
  dbPort: number,
  functionsUrl: string,
): Promise<void> {
  const sql = connect(databaseUrl(dbPort));
  try {
    await sql`
      insert into private.settings (key, value)
      values ('vantage_functions_url', ${functionsUrl}), ('vantage_webhook_secret', ${crypto.randomUUID()})
      on conflict (key) do update set value = excluded.value, updated_at = now()`;
    await sql`select private.sweep_jobs()`;
  } catch (error) {
    console.error(
      `[stack] pipeline settings not written (${(error as Error).message}): uploads stay ` +
        "unclassified until npm run db:reset succeeds and the stack is restarted",
    );
  } finally {
    await sql.end();
  }
}
