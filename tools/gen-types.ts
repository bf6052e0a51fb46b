import { writeFile } from "node:fs/promises";
import path from "node:path";
import { runMain } from "./lib/errors.ts";
import { exitOnSignals, shutdown } from "./lib/lifecycle.ts";
import { repoRoot } from "./lib/paths.ts";
import { resetWithPlatform, startThrowawayCluster } from "./lib/stack.ts";
import { requirements, requireSystem } from "./lib/system.ts";
import { databaseTypesPath, generateDatabaseTypes } from "./lib/typegen.ts";

/**
 * `npm run gen:types`: the migrations applied to a throwaway cluster, then the `Database` type of
 * every table, view, enum and function the API exposes, written to supabase/database.types.ts.
 */
await runMain(async () => {
  requireSystem(requirements.server);
  exitOnSignals();
  const cluster = await startThrowawayCluster();
  await resetWithPlatform(cluster.port);
  await writeFile(databaseTypesPath, await generateDatabaseTypes(cluster.port));
  await shutdown();
  console.log(`wrote ${path.relative(repoRoot, databaseTypesPath)}`);
});
