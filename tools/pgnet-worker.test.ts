import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./lib/cluster.ts";
import { connect, type Sql } from "./lib/database.ts";
import { type PgNetWorker, startPgNetWorker } from "./pgnet-worker.ts";

// Runs against the database `npm test` provides (SUPABASE_DB_URL).
const databaseUrl = process.env.SUPABASE_DB_URL;

type Received = { url: string; headers: IncomingMessage["headers"]; body: string };
type ResponseRow = {
  status_code: number | null;
  content_type: string | null;
  headers: Record<string, string> | null;
  content: string | null;
  timed_out: boolean | null;
  error_msg: string | null;
};

let sql: Sql;
let worker: PgNetWorker;
let target: Server;
let targetUrl: string;
const received: Received[] = [];

async function responseFor(id: string, timeoutMs = 5000): Promise<ResponseRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<ResponseRow[]>`
      select status_code, content_type, headers, content, timed_out, error_msg
      from net._http_response where id = ${id}`;
    if (row) return row;
    if (Date.now() > deadline) throw new Error(`no response recorded for request ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!databaseUrl)("pg_net worker stand-in", () => {
  beforeAll(async () => {
    sql = connect(databaseUrl!);
    target = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ url: request.url ?? "", headers: request.headers, body });
        if (request.url?.startsWith("/slow")) {
          setTimeout(() => response.end("late"), 1500);
          return;
        }
        response.writeHead(202, { "content-type": "application/json" });
        response.end('{"accepted":true}');
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => target.listen(port, "127.0.0.1", resolve));
    targetUrl = `http://127.0.0.1:${port}`;
    worker = await startPgNetWorker(databaseUrl!, () => {});
  });

  afterAll(async () => {
    await worker?.stop();
    target?.closeAllConnections();
    await new Promise((resolve) => target?.close(resolve));
    await sql?.end();
  });

  it("sends a committed net.http_post request and records the response", async () => {
    const [{ id }] = await sql<{ id: string }[]>`
      select net.http_post(
        url => ${`${targetUrl}/hook`},
        body => '{"job": 42}'::jsonb,
        params => '{"source": "test"}'::jsonb,
        headers => '{"Content-Type": "application/json", "X-Secret": "s3"}'::jsonb
      ) as id`;
    const response = await responseFor(id);
    expect(response).toMatchObject({
      status_code: 202,
      content_type: "application/json",
      content: '{"accepted":true}',
      timed_out: false,
      error_msg: null,
    });
    const request = received.find((entry) => entry.url === "/hook?source=test");
    expect(request?.headers["x-secret"]).toBe("s3");
    expect(JSON.parse(request!.body)).toEqual({ job: 42 });
    const [{ queued }] = await sql<{ queued: number }[]>`
      select count(*)::int as queued from net.http_request_queue where id = ${id}`;
    expect(queued).toBe(0);
  });

  it("records a timeout when the target answers after timeout_milliseconds", async () => {
    const [{ id }] = await sql<{ id: string }[]>`
      select net.http_post(url => ${`${targetUrl}/slow`}, timeout_milliseconds => 200) as id`;
    const response = await responseFor(id);
    expect(response.timed_out).toBe(true);
    expect(response.status_code).toBeNull();
    expect(response.error_msg).toMatch(/Timeout of 200 ms/);
  });

  it("records the error when the target cannot be reached", async () => {
    const closedPort = await freePort();
    const [{ id }] = await sql<{ id: string }[]>`
      select net.http_post(url => ${`http://127.0.0.1:${closedPort}/down`}) as id`;
    const response = await responseFor(id);
    expect(response.timed_out).toBe(false);
    expect(response.status_code).toBeNull();
    expect(response.error_msg).toBeTruthy();
  });

  it("sends nothing for a request whose transaction rolled back", async () => {
    const before = received.length;
    const rolledBack = sql.begin(async (transaction) => {
      await transaction`select net.http_post(url => ${`${targetUrl}/rolled-back`})`;
      throw new Error("roll back");
    });
    await expect(rolledBack).rejects.toThrow("roll back");
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(received.slice(before).some((entry) => entry.url === "/rolled-back")).toBe(false);
  });
});
