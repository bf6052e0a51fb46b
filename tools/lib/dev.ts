import path from "node:path";
import { checkPort, type Cluster } from "./cluster.ts";
import { devStateDir } from "./paths.ts";

/** The cluster `npm start` keeps between runs, in the git-ignored .vantage folder. */
export function devCluster(): Cluster {
  return {
    dataDir: path.join(devStateDir, "db"),
    port: checkPort(Number(process.env.VANTAGE_DB_PORT ?? 55432)),
    throwaway: false,
  };
}

export function devFunctionsPort(): number {
  return Number(process.env.VANTAGE_FUNCTIONS_PORT ?? 54321);
}
