import { freePort } from "./lib/cluster.ts";
import { createPgtap, withoutSuperuser } from "./lib/database.ts";
import { runMain } from "./lib/errors.ts";
import { exitOnSignals, shutdown } from "./lib/lifecycle.ts";
import { apiKeys, resetWithPlatform, startServices, startThrowawayCluster } from "./lib/stack.ts";
import { couldNotRun, runDenoTests, runPgTap, runVitest, type SuiteResult } from "./lib/suites.ts";
import { requirements, requireSystem } from "./lib/system.ts";

/**
 * `npm test`: a throwaway cluster bootstrapped like the dev stack (platform stand-in, then
 * `supabase db reset`), then pgTAP, vitest and deno test against it. Ends with one line
 * `N passed, N failed` and removes everything it started.
 */
await runMain(async () => {
  requireSystem(requirements.server, requirements.testing);
  exitOnSignals();
  const startedAt = performance.now();
  const results: SuiteResult[] = [];
  const section = (title: string) => console.log(`\n=== ${title}`);

  const cluster = await startThrowawayCluster();
  section(`database: throwaway cluster on port ${cluster.port}`);

  let databaseReady = true;
  try {
    console.log(await resetWithPlatform(cluster.port));
    await createPgtap(cluster.port);
  } catch (error) {
    databaseReady = false;
    console.error((error as Error).message);
  }

  section("pgTAP (pg_prove supabase/tests, as postgres without superuser)");
  results.push(
    databaseReady
      ? await withoutSuperuser(cluster.port, () => runPgTap(cluster.port))
      : couldNotRun("pgTAP", "supabase db reset failed"),
  );

  section("functions server and pg_net worker");
  const services = await startServices(cluster.port, await freePort(), await apiKeys());
  console.log(
    `functions at ${services.functionsUrl}: ${services.functionNames.join(", ")}`,
  );
  const env = { ...services.env, FUNCTIONS_URL: services.functionsUrl };

  section("vitest (packages, tools, bench, tests)");
  results.push(await runVitest(env));

  section(
    "deno test (supabase/functions, packages/**/*_test.ts; the functions' unit tests also with the edge runtime's Deno)",
  );
  results.push(await runDenoTests(env));

  await shutdown();

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n=== summary (${seconds} s)`);
  for (const result of results) {
    const note = result.note ? ` (${result.note})` : "";
    console.log(
      `${result.name.padEnd(10)} ${result.passed} passed, ${result.failed} failed${note}`,
    );
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
});
