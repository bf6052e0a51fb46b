import { connect, type Sql } from "./lib/database.ts";

/**
 * The local stand-in for pg_net's background worker: sends the requests `net.http_post` queued
 * (woken by NOTIFY at commit, and polling every second), records each outcome in
 * `net._http_response` as pg_net does, and never retries.
 */

type QueuedRequest = {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  timeout_milliseconds: number;
};

type Outcome = {
  status_code: number | null;
  content_type: string | null;
  headers: Record<string, string> | null;
  content: string | null;
  timed_out: boolean;
  error_msg: string | null;
};

export type PgNetWorker = { stop: () => Promise<void> };

const MAX_IN_FLIGHT = 64;
const POLL_MS = 1000;
const RESPONSE_TTL = "6 hours";

async function deliver(request: QueuedRequest): Promise<Outcome> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? undefined,
      signal: AbortSignal.timeout(request.timeout_milliseconds),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return {
      status_code: response.status,
      content_type: response.headers.get("content-type"),
      headers,
      content: await response.text(),
      timed_out: false,
      error_msg: null,
    };
  } catch (error) {
    const timedOut = error instanceof DOMException &&
      error.name === "TimeoutError";
    return {
      status_code: null,
      content_type: null,
      headers: null,
      content: null,
      timed_out: timedOut,
      error_msg: timedOut
        ? `Timeout of ${request.timeout_milliseconds} ms reached`
        : (error as Error).message,
    };
  }
}

export async function startPgNetWorker(
  databaseUrl: string,
  log = console.log,
): Promise<PgNetWorker> {
  const sql: Sql = connect(databaseUrl, { max: 4 });
  let inFlight = 0;
  let draining = false;
  let drainAgain = false;
  let stopped = false;
  const deliveries = new Set<Promise<void>>();

  const record = async (request: QueuedRequest) => {
    const outcome = await deliver(request);
    await sql`
      insert into net._http_response
        (id, status_code, content_type, headers, content, timed_out, error_msg)
      values (
        ${request.id}, ${outcome.status_code}, ${outcome.content_type},
        ${outcome.headers ? sql.json(outcome.headers) : null}, ${outcome.content},
        ${outcome.timed_out}, ${outcome.error_msg}
      )`;
    if (outcome.error_msg) {
      log(
        `[pg_net] request ${request.id} ${request.url}: ${outcome.error_msg}`,
      );
    }
  };

  const claim = (limit: number) =>
    sql<QueuedRequest[]>`
      delete from net.http_request_queue
      where id in (
        select id from net.http_request_queue order by id limit ${limit} for update skip locked
      )
      returning id, method, url, headers, body, timeout_milliseconds`;

  const drain = async (): Promise<void> => {
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    try {
      do {
        drainAgain = false;
        while (!stopped && inFlight < MAX_IN_FLIGHT) {
          const batch = await claim(MAX_IN_FLIGHT - inFlight);
          if (batch.length === 0) break;
          for (const request of batch) {
            inFlight++;
            const delivery = record(request)
              .catch((error) =>
                log(
                  `[pg_net] request ${request.id}: ${(error as Error).message}`,
                )
              )
              .finally(() => {
                inFlight--;
                deliveries.delete(delivery);
                if (drainAgain || inFlight === MAX_IN_FLIGHT - 1) void drain();
              });
            deliveries.add(delivery);
          }
        }
      } while (drainAgain && !stopped);
    } catch (error) {
      if (!stopped) log(`[pg_net] ${(error as Error).message}`);
    } finally {
      draining = false;
    }
  };

  const listener = await sql.listen(
    "net_http_request_queue",
    () => void drain(),
  );
  const poll = setInterval(() => void drain(), POLL_MS);
  const expire = setInterval(() => {
    sql`delete from net._http_response where created < now() - ${RESPONSE_TTL}::interval`
      .catch(() => {});
  }, 60_000);
  await drain();

  return {
    stop: async () => {
      stopped = true;
      clearInterval(poll);
      clearInterval(expire);
      await listener.unlisten();
      await Promise.allSettled([...deliveries]);
      await sql.end({ timeout: 2 });
    },
  };
}
