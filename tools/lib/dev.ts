import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { checkPort, type Cluster } from "./cluster.ts";
import { UserFacingError } from "./errors.ts";
import { devStateDir } from "./paths.ts";
import { databaseUserHome, databaseUserMayEnter, runningAsRoot } from "./processes.ts";

/**
 * The data directory `npm start` asks for: `VANTAGE_DATA_DIR`, else `.vantage/db` in the
 * repository (git-ignored).
 */
export function requestedDataDir(): string {
  const configured = process.env.VANTAGE_DATA_DIR;
  return configured ? path.resolve(configured) : path.join(devStateDir, "db");
}

/** The nearest folder on the way to `target` that exists already (`target` itself, if it does). */
function nearestExisting(target: string): string {
  let folder = target;
  while (!existsSync(folder)) folder = path.dirname(folder);
  return folder;
}

/**
 * Where the cluster for `requested` lives. As root, Postgres runs as the `postgres` OS user, which
 * cannot reach a folder inside a private one (a clone in /root or in a `mktemp -d` folder); the
 * cluster then lives in that user's home, in a folder named after the requested path, so every
 * command of this checkout finds the same one.
 */
export async function reachableDataDir(requested: string): Promise<string> {
  if (!runningAsRoot || await databaseUserMayEnter(nearestExisting(requested))) return requested;
  const home = await databaseUserHome();
  const key = createHash("sha256").update(requested).digest("hex").slice(0, 12);
  const relocated = path.join(home, "vantage", `db-${key}`);
  if (!(await databaseUserMayEnter(nearestExisting(relocated)))) {
    throw new UserFacingError(
      `The postgres OS user can enter neither ${requested} nor ${relocated}: ` +
        "set VANTAGE_DATA_DIR to a folder it can reach (e.g. under /var/tmp).",
    );
  }
  return relocated;
}

/** The cluster `npm start`, `npm run db:reset` and `npm run token` share. */
export async function devCluster(): Promise<Cluster> {
  const port = checkPort(Number(process.env.VANTAGE_DB_PORT ?? 55432));
  return { dataDir: await reachableDataDir(requestedDataDir()), port, throwaway: false };
}

export function devFunctionsPort(): number {
  return Number(process.env.VANTAGE_FUNCTIONS_PORT ?? 54321);
}
