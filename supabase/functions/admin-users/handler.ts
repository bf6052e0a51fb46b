import { callerClaims } from "../_shared/caller.ts";
import type { Sql } from "../_shared/db.ts";
import { errorResponse, json, methodNotAllowed } from "../_shared/http.ts";
import { type LogFields, withRequestLog } from "../_shared/log.ts";
import {
  type AuthAdmin,
  changeRole,
  type Context,
  createAccount,
  importAccounts,
  refusalOf,
  resetPassword,
  setActive,
} from "./accounts.ts";
import { parseAccountsCsv } from "./csv.ts";
import { accountRequest, parseDelivery, parseFields, scopeRequest } from "./requests.ts";

export type AdminUsersDependencies = { sql: Sql; auth: AuthAdmin };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY_BYTES = 1_000_000;
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, x-client-info, apikey, content-type",
  "access-control-allow-methods": "POST, PATCH, OPTIONS",
};

/**
 * The routes, below /admin-users:
 *   POST   /                    create one account (JSON)
 *   POST   /import              create the accounts of a CSV file
 *   POST   /<id>/password       reset the password
 *   POST   /<id>/deactivate     deactivate; POST /<id>/reactivate reactivates
 *   PATCH  /<id>                change the role or scope
 * `?delivery=invite` on a creation sends an invitation e-mail instead of a temporary password.
 */
type Route =
  | { name: "create" | "import" }
  | { name: "password" | "deactivate" | "reactivate" | "role"; userId: string };

function routeOf(request: Request): Route | Response {
  const path = new URL(request.url).pathname.replace(/^.*?\/admin-users/, "").replace(/\/$/, "");
  const [, id, action] = path.match(/^\/([^/]+)(?:\/([^/]+))?$/) ?? [];
  const allow = (methods: string[]) =>
    methods.includes(request.method) ? undefined : methodNotAllowed(methods);
  if (path === "" || path === "/import") {
    return allow(["POST"]) ?? { name: path === "" ? "create" : "import" };
  }
  if (!id || (action && !["password", "deactivate", "reactivate"].includes(action))) {
    return errorResponse(404, "not_found", `No route ${path}: see the function's routes in README`);
  }
  if (!UUID.test(id)) {
    return errorResponse(400, "invalid_field", "The user id in the path must be a UUID", {
      field: "id",
    });
  }
  if (!action) return allow(["PATCH"]) ?? { name: "role", userId: id };
  return allow(["POST"]) ??
    { name: action as "password" | "deactivate" | "reactivate", userId: id };
}

async function bodyText(request: Request): Promise<string | Response> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return errorResponse(413, "too_large", "Send at most 1 MB at a time");
  }
  return text;
}

async function jsonBody(request: Request): Promise<unknown | Response> {
  const text = await bodyText(request);
  if (text instanceof Response) return text;
  try {
    return JSON.parse(text);
  } catch {
    return errorResponse(400, "invalid_field", "The body must be a JSON object", { field: "body" });
  }
}

const invalid = (error: { field: string; message: string }) =>
  errorResponse(400, "invalid_field", error.message, { field: error.field });

async function respond(request: Request, route: Route, context: Context): Promise<Response> {
  const delivery = parseDelivery(new URL(request.url).searchParams.get("delivery"));
  if (route.name === "create" || route.name === "import") {
    if (!delivery) {
      return invalid({ field: "delivery", message: "delivery must be password or invite" });
    }
    context.log.delivery = delivery;
  }
  switch (route.name) {
    case "create": {
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const parsed = parseFields(accountRequest, body);
      if ("error" in parsed) return invalid(parsed.error);
      context.log.role = parsed.value.role;
      const created = await createAccount(context, parsed.value, delivery!);
      context.log.target_user_id = created.account.id;
      return json(created, 201);
    }
    case "import": {
      const text = await bodyText(request);
      if (text instanceof Response) return text;
      const parsed = parseAccountsCsv(text);
      if ("error" in parsed) {
        return errorResponse(400, "invalid_csv", parsed.error, { rows: parsed.errors });
      }
      const rows = await importAccounts(context, parsed.rows, parsed.errors, delivery!);
      const count = (outcome: string) => rows.filter((row) => row.outcome === outcome).length;
      const summary = {
        created: count("created"),
        exists: count("exists"),
        failed: count("failed"),
      };
      Object.assign(context.log, { rows: rows.length, ...summary });
      return json({ ...summary, rows });
    }
    case "password":
      context.log.target_user_id = route.userId;
      return json(await resetPassword(context, route.userId));
    case "deactivate":
    case "reactivate":
      context.log.target_user_id = route.userId;
      return json(await setActive(context, route.userId, route.name === "reactivate"));
    case "role": {
      context.log.target_user_id = route.userId;
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const parsed = parseFields(scopeRequest, body);
      if ("error" in parsed) return invalid(parsed.error);
      return json(await changeRole(context, route.userId, parsed.value));
    }
  }
}

async function handle(
  request: Request,
  deps: AdminUsersDependencies,
  log: LogFields,
): Promise<Response> {
  const claims = callerClaims(request);
  if (!claims) {
    return errorResponse(
      401,
      "unauthorized",
      "Sign in: account administration needs a user's access token",
    );
  }
  log.user_id = claims.sub;
  const route = routeOf(request);
  if (route instanceof Response) return route;
  log.operation = route.name;
  try {
    return await respond(request, route, { sql: deps.sql, auth: deps.auth, claims, log });
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    log.refusal = refusal.code;
    return errorResponse(refusal.status, refusal.code, refusal.message, refusal.details);
  }
}

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
  return response;
}

/** The admin-users function: account administration for the MLGOO and the central administrator. */
export function createAdminUsersHandler(deps: AdminUsersDependencies) {
  const handler = withRequestLog("admin-users", (request, log) => handle(request, deps, log));
  return async (request: Request) =>
    withCors(
      request.method === "OPTIONS" ? new Response(null, { status: 204 }) : await handler(request),
    );
}
