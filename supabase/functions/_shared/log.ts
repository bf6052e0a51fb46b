import { errorResponse } from "./http.ts";

/** Structured logs: one JSON object per line on stdout. */

export type LogFields = Record<string, unknown>;

export function logEvent(
  level: "info" | "warn" | "error",
  event: string,
  fields: LogFields = {},
) {
  console.log(
    JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }),
  );
}

/**
 * Wraps a handler so that every request produces exactly one log line with its outcome. The handler
 * may add fields to `log`; an exception answers 500 with `failureMessage`.
 */
export function withRequestLog(
  functionName: string,
  handler: (request: Request, log: LogFields) => Promise<Response>,
  failureMessage = "Unexpected error",
): (request: Request) => Promise<Response> {
  return async (request) => {
    const startedAt = performance.now();
    const log: LogFields = {
      function: functionName,
      method: request.method,
      path: new URL(request.url).pathname,
    };
    let response: Response;
    try {
      response = await handler(request, log);
    } catch (error) {
      log.error = error instanceof Error ? error.message : String(error);
      response = errorResponse(500, "internal_error", failureMessage);
    }
    logEvent(response.status >= 500 ? "error" : "info", "request", {
      ...log,
      status: response.status,
      duration_ms: Math.round(performance.now() - startedAt),
    });
    return response;
  };
}
