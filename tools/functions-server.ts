import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect as connectTcp } from "node:net";
import path from "node:path";
import { parseEnv } from "node:util";
import type { AuthApi } from "./auth-server.ts";
import { freePort } from "./lib/cluster.ts";
import { UserFacingError } from "./lib/errors.ts";
import { verifyJwtSetting } from "./lib/supabase-config.ts";
import { verifyToken } from "./lib/jwt.ts";
import { binDir, configTomlPath, functionsDir, repoRoot } from "./lib/paths.ts";
import { pipeLines, terminate } from "./lib/processes.ts";

/**
 * Serves every Edge Function in supabase/functions at /functions/v1/<name>, as the Supabase
 * gateway does: each function runs in its own Deno process (its own deno.json), and the router
 * checks the `Authorization` JWT first unless the function sets `verify_jwt = false`. With an Auth
 * stand-in (tools/auth-server.ts), the same URL serves its admin API at /auth/v1, so that a
 * function's SUPABASE_URL reaches Auth as on the platform.
 */

type FunctionProcess = {
  name: string;
  port: number;
  verifyJwt: boolean;
  child: ChildProcess;
};

export type FunctionsServer = {
  url: string;
  names: string[];
  stop: () => Promise<void>;
};

export type FunctionsServerOptions = {
  port: number;
  /** SUPABASE_URL, SUPABASE_DB_URL, keys ...: the environment the platform gives functions. */
  env: Record<string, string>;
  /** Defaults to supabase/functions and supabase/config.toml. */
  functionsDir?: string;
  configToml?: string;
  auth?: AuthApi;
};

export function functionNames(folder = functionsDir): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("_"))
    .filter((entry) => existsSync(path.join(folder, entry.name, "index.ts")))
    .map((entry) => entry.name)
    .sort();
}

async function functionsEnvFile(folder: string): Promise<Record<string, string>> {
  const file = path.join(folder, ".env");
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    Object.entries(parseEnv(await readFile(file, "utf8")))
      .filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

function waitForPort(
  port: number,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) {
        return reject(new Error(`exited with ${child.exitCode}`));
      }
      const socket = connectTcp(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) {
          return reject(new Error(`not listening after ${timeoutMs} ms`));
        }
        setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

async function startFunction(
  functionsFolder: string,
  name: string,
  verifyJwt: boolean,
  env: Record<string, string>,
): Promise<FunctionProcess> {
  const folder = path.join(functionsFolder, name);
  const port = await freePort();
  const config = path.join(folder, "deno.json");
  const child = spawn(
    path.join(binDir, "deno"),
    [
      "run",
      "-A",
      ...(existsSync(config) ? ["--config", config] : []),
      path.join(folder, "index.ts"),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...env,
        DENO_SERVE_ADDRESS: `tcp:127.0.0.1:${port}`,
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  pipeLines(child, `[fn:${name}]`);
  await waitForPort(port, child, 120_000).catch((error: Error) => {
    child.kill("SIGKILL");
    throw new UserFacingError(
      `Edge Function ${name} did not start (${error.message}): its output is above, ` +
        `prefixed [fn:${name}].`,
    );
  });
  return { name, port, verifyJwt, child };
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function isAuthorized(request: IncomingMessage): Promise<boolean> {
  const token = request.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) return false;
  try {
    await verifyToken(token);
    return true;
  } catch {
    return false;
  }
}

async function route(
  functions: Map<string, FunctionProcess>,
  auth: AuthApi | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const authPath = (request.url ?? "/").match(/^\/auth\/v1(\/.*)$/)?.[1];
  if (auth && authPath) return await auth.handle(request, response, authPath);
  const match = url.pathname.match(/^\/functions\/v1\/([^/]+)(\/.*)?$/);
  const target = match ? functions.get(match[1]) : undefined;
  if (!match || !target) {
    return sendJson(response, 404, {
      code: "NOT_FOUND",
      message: "Requested function was not found",
    });
  }
  if (
    target.verifyJwt && request.method !== "OPTIONS" &&
    !(await isAuthorized(request))
  ) {
    return sendJson(response, 401, { code: 401, message: "Invalid JWT" });
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === "host" || key === "connection") continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const body = request.method === "GET" || request.method === "HEAD"
    ? undefined
    : await readBody(request);
  try {
    const upstream = await fetch(
      `http://127.0.0.1:${target.port}/${target.name}${match[2] ?? ""}${url.search}`,
      { method: request.method, headers, body, redirect: "manual" },
    );
    const payload = Buffer.from(await upstream.arrayBuffer());
    const responseHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, key) => {
      if (key !== "content-length" && key !== "transfer-encoding") {
        responseHeaders[key] = value;
      }
    });
    response.writeHead(upstream.status, responseHeaders);
    response.end(payload);
  } catch (error) {
    sendJson(response, 502, {
      code: "BOOT_ERROR",
      message: `Function ${target.name} is not reachable: ${(error as Error).message}`,
    });
  }
}

export async function startFunctionsServer(
  options: FunctionsServerOptions,
): Promise<FunctionsServer> {
  const folder = options.functionsDir ?? functionsDir;
  const configToml = await readFile(options.configToml ?? configTomlPath, "utf8");
  const env = { ...(await functionsEnvFile(folder)), ...options.env };
  const names = functionNames(folder);
  const started = await Promise.allSettled(
    names.map((name) => startFunction(folder, name, verifyJwtSetting(configToml, name), env)),
  );
  const functions = new Map<string, FunctionProcess>();
  for (const result of started) {
    if (result.status === "fulfilled") {
      functions.set(result.value.name, result.value);
    }
  }
  const stopFunctions = () =>
    Promise.all([...functions.values()].map(({ child }) => terminate(child)))
      .then(() => {});
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stopFunctions();
    throw failed.reason;
  }

  const server: Server = createServer((request, response) => {
    void route(functions, options.auth, request, response).catch((error) =>
      sendJson(response, 500, {
        code: "ROUTER_ERROR",
        message: (error as Error).message,
      })
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await stopFunctions();
    throw error.code === "EADDRINUSE"
      ? new UserFacingError(
        `Port ${options.port} is in use (is the stack already running?); ` +
          "VANTAGE_FUNCTIONS_PORT chooses another.",
      )
      : error;
  });

  return {
    url: `http://127.0.0.1:${options.port}/functions/v1`,
    names,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stopFunctions();
    },
  };
}
