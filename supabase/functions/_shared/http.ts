/** JSON responses with one error shape for every function: `{"error": {"code", "message"}}`. */

export function json(
  body: unknown,
  status = 200,
  headers: HeadersInit = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json",
      ...Object.fromEntries(new Headers(headers)),
    },
  });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Response {
  return json({ error: { code, message, ...details } }, status);
}

export function methodNotAllowed(allowed: string[]): Response {
  return json(
    {
      error: {
        code: "method_not_allowed",
        message: `Use ${allowed.join(" or ")}`,
      },
    },
    405,
    { allow: allowed.join(", ") },
  );
}
