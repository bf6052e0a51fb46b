import { databaseUrl, isPortInUse } from "./lib/cluster.ts";
import { applyPlatform, connect, isResetFromCurrentSources } from "./lib/database.ts";
import { demoLogins } from "./lib/demo-logins.ts";
import { devCluster, devFunctionsPort, requestedDataDir } from "./lib/dev.ts";
import { runMain, UserFacingError } from "./lib/errors.ts";
import { JWT_SECRET } from "./lib/jwt.ts";
import { exitOnSignals } from "./lib/lifecycle.ts";
import { apiKeys, bringUpCluster, resetWithPlatform, startServices } from "./lib/stack.ts";
import { requirements, requireSystem } from "./lib/system.ts";

/** `npm start`: the Docker-free local stack, in the foreground until Ctrl-C. */
await runMain(async () => {
  requireSystem(requirements.server);
  exitOnSignals();
  const startedAt = performance.now();
  const cluster = await devCluster();
  const functionsPort = devFunctionsPort();
  if (await isPortInUse(functionsPort)) {
    throw new UserFacingError(
      `Port ${functionsPort} is in use: the stack may be running already (its URLs are in that ` +
        "terminal; Ctrl-C there stops it), or choose another port with VANTAGE_FUNCTIONS_PORT.",
    );
  }

  if (cluster.dataDir !== requestedDataDir()) {
    console.log(
      `[stack] the postgres OS user cannot enter ${requestedDataDir()}: ` +
        `the cluster lives in ${cluster.dataDir} instead`,
    );
  }
  await bringUpCluster(cluster);
  // The stand-in creates the roles every other connection uses, so it comes first, even on a
  // cluster initdb has just created.
  await applyPlatform(cluster.port);
  if (await isResetFromCurrentSources(cluster.port)) {
    console.log(
      `[stack] reusing the cluster in ${cluster.dataDir} (npm run db:reset re-applies migrations)`,
    );
  } else {
    console.log(
      `[stack] cluster in ${cluster.dataDir} was not reset from the migrations and seed.sql as they ` +
        "are now: applying platform, migrations and seed",
    );
    console.log(await resetWithPlatform(cluster.port));
  }

  const keys = await apiKeys();
  const services = await startServices(cluster.port, functionsPort, keys);

  const sql = connect(databaseUrl(cluster.port));
  const logins = await demoLogins(sql).finally(() => sql.end());
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    [
      "",
      `Vantage local stack is running (ready in ${seconds} s)`,
      "",
      `  Database URL      ${databaseUrl(cluster.port)}`,
      `  Functions URL     ${services.functionsUrl}/<name>   (${
        services.functionNames.join(", ")
      })`,
      `  SUPABASE_URL      ${services.env.SUPABASE_URL}   (Edge Functions and the Auth admin API at /auth/v1: no sign-in, REST or Storage API)`,
      `  Storage for MOVs  ${
        services.env.VANTAGE_STORAGE_URL ?? "none (set VANTAGE_STORAGE_URL to a Storage API's URL)"
      }`,
      `  anon key          ${keys.anonKey}`,
      `  service_role key  ${keys.serviceRoleKey}`,
      `  JWT secret        ${JWT_SECRET}`,
      "",
      logins.length === 0 ? "  Demo logins       none yet (seed.sql has no users)" : [
        "  Demo logins       (password in README.md; `npm run token -- <email>` mints a token)",
        ...logins.map((login) => `    ${(login.role ?? "-").padEnd(10)} ${login.email}`),
      ].join("\n"),
      "",
      `  Health check      curl ${services.functionsUrl}/health`,
      "  Stop              Ctrl-C (stops Postgres, functions and the pg_net worker)",
      "",
    ].join("\n"),
  );
});
