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

/** Wraps a handler so that every request produces exactly one log line with its outcome. */
export function withRequestLog(
  functionName: string,
  handler: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const startedAt = performance.now();
    const fields = {
      function: functionName,
      method: request.method,
      path: new URL(request.url).pathname,
    };
    try {
      const response = await handler(request);
      logEvent(response.status >= 500 ? "error" : "info", "request", {
        ...fields,
        status: response.status,
        duration_ms: Math.round(performance.now() - startedAt),
      });
      return response;
    } catch (error) {
      logEvent("error", "request", {
        ...fields,
        status: 500,
        duration_ms: Math.round(performance.now() - startedAt),
        error: error instanceof Error ? error.message : String(error),
      });
      return new Response(
        JSON.stringify({
          error: { code: "internal_error", message: "Unexpected error" },
        }),
        { status: 500, headers: { "content-type": "application/json" } },
      );
    }
  };
}
