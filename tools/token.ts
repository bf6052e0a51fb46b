import { isClusterRunning, runningPort } from "./lib/cluster.ts";
import { devCluster } from "./lib/dev.ts";
import { runMain, UserFacingError } from "./lib/errors.ts";
import { userToken } from "./lib/user-token.ts";

/** `npm run token -- <email>`: an access token for a seeded user of the running `npm start` stack. */
await runMain(async () => {
  const email = process.argv[2];
  if (!email) throw new UserFacingError("Usage: npm run token -- <email> [--claims]");
  const cluster = await devCluster();
  if (!(await isClusterRunning(cluster))) {
    throw new UserFacingError("The local stack is not running: start it with npm start");
  }
  const port = (await runningPort(cluster)) ?? cluster.port;
  const { token, claims } = await userToken(port, email);
  if (process.argv.includes("--claims")) console.error(JSON.stringify(claims, null, 2));
  console.log(token);
});
