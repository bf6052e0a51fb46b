import { isClusterRunning, runningPort } from "./lib/cluster.ts";
import { databaseUrl } from "./lib/cluster.ts";
import { createAdministrator, type Project } from "./lib/administrator.ts";
import { devCluster, devFunctionsPort } from "./lib/dev.ts";
import { runMain, UserFacingError } from "./lib/errors.ts";
import { mintApiKey } from "./lib/jwt.ts";

const USAGE = 'Usage: npm run admin:create -- <e-mail> ["Full Name"]\n' +
  "  for a Supabase project: set SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and SUPABASE_DB_URL;\n" +
  "  without them, the running npm start stack";

/** The project of the environment, or the running `npm start` stack. */
async function project(): Promise<Project> {
  const { SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_DB_URL } = process.env;
  if (SUPABASE_URL || SUPABASE_SERVICE_ROLE_KEY || SUPABASE_DB_URL) {
    if (!SUPABASE_URL || !SUPABASE_SERVICE_ROLE_KEY || !SUPABASE_DB_URL) {
      throw new UserFacingError(
        "Set all three of SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and SUPABASE_DB_URL\n" + USAGE,
      );
    }
    return {
      supabaseUrl: SUPABASE_URL,
      serviceRoleKey: SUPABASE_SERVICE_ROLE_KEY,
      databaseUrl: SUPABASE_DB_URL,
    };
  }
  const cluster = await devCluster();
  if (!(await isClusterRunning(cluster))) {
    throw new UserFacingError(
      "The local stack is not running (start it with npm start), and SUPABASE_URL, " +
        "SUPABASE_SERVICE_ROLE_KEY and SUPABASE_DB_URL do not name a project\n" + USAGE,
    );
  }
  return {
    supabaseUrl: `http://127.0.0.1:${devFunctionsPort()}`,
    serviceRoleKey: await mintApiKey("service_role"),
    databaseUrl: databaseUrl((await runningPort(cluster)) ?? cluster.port),
  };
}

/**
 * `npm run admin:create -- <e-mail> ["Full Name"]`: the first central administrator of a project
 * (or another one). Prints the temporary password once; it must be changed at the first sign-in.
 */
await runMain(async () => {
  const [email, fullName = ""] = process.argv.slice(2);
  if (!email || email.startsWith("-")) throw new UserFacingError(USAGE);
  const administrator = await createAdministrator(await project(), email, fullName);
  console.log(
    `${administrator.email} is a central administrator (user id ${administrator.userId})`,
  );
  console.log(
    administrator.temporaryPassword
      ? `temporary password: ${administrator.temporaryPassword}  (shown once; to be changed at the first sign-in)`
      : "the account existed already: its password is unchanged",
  );
});
