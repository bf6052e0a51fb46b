import { existsSync } from "node:fs";
import { appendFile, chown, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { UserFacingError } from "./errors.ts";
import { pgBinDir } from "./paths.ts";
import { asDatabaseUser, run, runChecked } from "./processes.ts";

/** The Supabase CLI treats these ports as its Docker database and then demands Docker. */
const cliReservedPorts = new Set([54322, 54320]);

export type Cluster = {
  dataDir: string;
  port: number;
  /** Throwaway clusters trade durability for speed. */
  throwaway: boolean;
};

export function checkPort(port: number): number {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new UserFacingError(`Invalid database port: ${port}`);
  }
  if (cliReservedPorts.has(port)) {
    throw new UserFacingError(
      `Port ${port} is reserved for the Supabase CLI's Docker database; choose another VANTAGE_DB_PORT.`,
    );
  }
  return port;
}

/** A port that is free on 127.0.0.1 right now (never one the CLI reserves). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    if (port > 0 && !cliReservedPorts.has(port)) return port;
  }
}

/** Whether something listens on `port` of 127.0.0.1 (binding it fails). */
export function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

export function databaseUrl(
  port: number,
  user = "postgres",
  password = "postgres",
): string {
  return `postgresql://${user}:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

const pg = (program: string) => path.join(pgBinDir, program);

export async function giveToDatabaseUser(directory: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { stdout } = await runChecked("id", ["-u", "postgres"]);
  const { stdout: group } = await runChecked("id", ["-g", "postgres"]);
  await chown(directory, Number(stdout.trim()), Number(group.trim()));
}

/** Creates the cluster's data directory with initdb unless it exists. */
export async function ensureCluster(cluster: Cluster): Promise<void> {
  if (existsSync(path.join(cluster.dataDir, "PG_VERSION"))) return;
  await mkdir(path.dirname(cluster.dataDir), { recursive: true });
  await mkdir(cluster.dataDir, { recursive: true, mode: 0o700 });
  await giveToDatabaseUser(cluster.dataDir);
  const [command, args] = asDatabaseUser(pg("initdb"), [
    "--pgdata",
    cluster.dataDir,
    "--username",
    "supabase_admin",
    "--auth",
    "trust",
    "--encoding",
    "UTF8",
    "--locale",
    "C.UTF-8",
    "--no-instructions",
  ]);
  const initdb = await run(command, args);
  if (initdb.code !== 0) {
    const reason = `${initdb.stdout}${initdb.stderr}`.trim().split("\n").at(-1);
    throw new UserFacingError(`initdb could not create ${cluster.dataDir}: ${reason}`);
  }
  const settings = [
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${cluster.dataDir}'`,
    "shared_preload_libraries = 'pg_cron'",
    "cron.database_name = 'postgres'",
    "max_connections = 200",
    ...(cluster.throwaway
      ? ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
      : []),
  ];
  await appendFile(
    path.join(cluster.dataDir, "postgresql.conf"),
    `\n# Vantage local stack\n${settings.join("\n")}\n`,
  );
}

const logFile = (cluster: Cluster) => path.join(cluster.dataDir, "postgres.log");

export async function isClusterRunning(cluster: Cluster): Promise<boolean> {
  const [command, args] = asDatabaseUser(pg("pg_ctl"), [
    "status",
    "--pgdata",
    cluster.dataDir,
  ]);
  return (await run(command, args)).code === 0;
}

/** The port a running cluster listens on, read from its postmaster.pid. */
export async function runningPort(
  cluster: Cluster,
): Promise<number | undefined> {
  try {
    const lines = (await readFile(path.join(cluster.dataDir, "postmaster.pid"), "utf8"))
      .split("\n");
    return Number(lines[3]);
  } catch {
    return undefined;
  }
}

export async function startCluster(cluster: Cluster): Promise<void> {
  const [command, args] = asDatabaseUser(pg("pg_ctl"), [
    "start",
    "--pgdata",
    cluster.dataDir,
    "--log",
    logFile(cluster),
    "--wait",
    "--timeout",
    "60",
    "--options",
    `-p ${cluster.port}`,
  ]);
  const result = await run(command, args);
  if (result.code !== 0) {
    const log = await readFile(logFile(cluster), "utf8").catch(() => "");
    const lastLines = log.trim().split("\n").slice(-5).join("\n");
    const advice = lastLines.includes("Address already in use") && !cluster.throwaway
      ? `\nAnother program listens on port ${cluster.port}: stop it, or choose a free port with ` +
        "VANTAGE_DB_PORT (e.g. VANTAGE_DB_PORT=55433 npm start)."
      : "";
    throw new UserFacingError(
      `Postgres did not start on port ${cluster.port} (log: ${logFile(cluster)}):\n` +
        lastLines + advice,
    );
  }
}

export async function stopCluster(cluster: Cluster): Promise<void> {
  if (!existsSync(path.join(cluster.dataDir, "postmaster.pid"))) return;
  const [command, args] = asDatabaseUser(pg("pg_ctl"), [
    "stop",
    "--pgdata",
    cluster.dataDir,
    "--mode",
    "fast",
    "--wait",
  ]);
  await run(command, args);
}

/** A fresh cluster in its own temporary folder, on a free port; `removeCluster` deletes it. */
export async function throwawayCluster(): Promise<Cluster> {
  const folder = await mkdtemp(path.join(tmpdir(), "vantage-"));
  await giveToDatabaseUser(folder);
  return {
    dataDir: path.join(folder, "db"),
    port: await freePort(),
    throwaway: true,
  };
}

export async function removeCluster(cluster: Cluster): Promise<void> {
  await stopCluster(cluster);
  await rm(path.dirname(cluster.dataDir), { recursive: true, force: true });
}
