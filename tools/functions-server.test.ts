import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FunctionsServer, startFunctionsServer } from "./functions-server.ts";
import { freePort } from "./lib/cluster.ts";
import { mintApiKey } from "./lib/jwt.ts";

const echoFunction = `
Deno.serve(async (request) => {
  const url = new URL(request.url);
  return Response.json({
    path: url.pathname,
    search: url.search,
    method: request.method,
    authorization: request.headers.get("authorization"),
    body: await request.text(),
    supabaseUrl: Deno.env.get("SUPABASE_URL"),
  }, { status: 201, headers: { "x-echo": "yes" } });
});
`;

let folder: string;
let server: FunctionsServer;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "vantage-functions-"));
  for (const name of ["guarded", "open", "_shared"]) {
    await mkdir(path.join(folder, name));
    if (name !== "_shared") await writeFile(path.join(folder, name, "index.ts"), echoFunction);
  }
  await writeFile(path.join(folder, "config.toml"), "[functions.open]\nverify_jwt = false\n");
  server = await startFunctionsServer({
    port: await freePort(),
    env: { SUPABASE_URL: "http://127.0.0.1:1" },
    functionsDir: folder,
    configToml: path.join(folder, "config.toml"),
  });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe("functions server", () => {
  it("serves every function folder except _shared", () => {
    expect(server.names).toEqual(["guarded", "open"]);
  });

  it("refuses a function with verify_jwt (the default) without a token", async () => {
    const response = await fetch(`${server.url}/guarded`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "Invalid JWT" });
  });

  it("refuses a token signed with another secret", async () => {
    const forged = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("another-secret-that-is-at-least-32-characters"));
    const response = await fetch(`${server.url}/guarded`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });

  it("forwards method, sub-path, query, headers and body with a valid token", async () => {
    const anonKey = await mintApiKey("anon");
    const response = await fetch(`${server.url}/guarded/items/7?full=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${anonKey}`, "content-type": "application/json" },
      body: JSON.stringify({ hello: "world" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-echo")).toBe("yes");
    expect(await response.json()).toEqual({
      path: "/guarded/items/7",
      search: "?full=1",
      method: "POST",
      authorization: `Bearer ${anonKey}`,
      body: '{"hello":"world"}',
      supabaseUrl: "http://127.0.0.1:1",
    });
  });

  it("serves a function with verify_jwt = false without a token", async () => {
    const response = await fetch(`${server.url}/open`);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { path: string }).path).toBe("/open");
  });

  it("answers 404 for an unknown function", async () => {
    const response = await fetch(`${server.url}/missing`);
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});

describe("functions server start", () => {
  it("names the function that failed to start and does not listen", async () => {
    const broken = await mkdtemp(path.join(tmpdir(), "vantage-functions-"));
    try {
      for (const name of ["broken", "fine"]) await mkdir(path.join(broken, name));
      await writeFile(path.join(broken, "broken", "index.ts"), 'throw new Error("boom");\n');
      await writeFile(path.join(broken, "fine", "index.ts"), echoFunction);
      await writeFile(path.join(broken, "config.toml"), "");
      const port = await freePort();
      await expect(startFunctionsServer({
        port,
        env: {},
        functionsDir: broken,
        configToml: path.join(broken, "config.toml"),
      })).rejects.toThrow(/Edge Function broken did not start .*\[fn:broken\]/);
      const refused = await fetch(`http://127.0.0.1:${port}/functions/v1/fine`).catch(() => null);
      expect(refused).toBeNull();
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  }, 60_000);
});
