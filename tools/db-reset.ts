import { devCluster } from "./lib/dev.ts";
import { runMain } from "./lib/errors.ts";
import { shutdown } from "./lib/lifecycle.ts";
import { bringUpCluster, resetWithPlatform } from "./lib/stack.ts";
import { requirements, requireSystem } from "./lib/system.ts";

/** `npm run db:reset`: re-applies migrations and seed to the dev cluster, running or not. */
await runMain(async () => {
  requireSystem(requirements.server);
  const cluster = devCluster();
  await bringUpCluster(cluster);
  console.log(await resetWithPlatform(cluster.port));
  await shutdown();
});
