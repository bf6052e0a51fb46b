import { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { verifyToken } from "./lib/jwt.ts";

/**
 * The local stand-in for the Supabase Auth (GoTrue) admin API, served under /auth/v1 as on the
 * platform: the calls supabase-js's `auth.admin` makes (create, read, update with a password or a
 * ban, delete a user; invite by e-mail), answered as GoTrue documents them. It writes
 * `auth.users` and `auth.identities` as `supabase_auth_admin`, the role GoTrue connects as, so the
 * project's own triggers on them run for real. Only the service role (or supabase_admin) may call
 * it. There is no sign-in, sign-up or session here.
 */

/** An invitation e-mail as the stand-in's mailer sends it. */
export type Invitation = { to: string; subject: string; link: string };

export type AuthApiOptions = {
  /** The project's database, connected to as supabase_auth_admin. */
  databaseUrl: string;
  /** The project's SMTP: without it, invitations fail as GoTrue's do without one. */
  mailer?: (invitation: Invitation) => void;
  /** config.toml's [auth] minimum_password_length. */
  minimumPasswordLength?: number;
  /** Where invitation links lead (config.toml's [auth] site_url). */
  siteUrl?: string;
};

export type AuthApi = {
  /** Answers a request whose path, below /auth/v1, is `path`. */
  handle: (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void>;
  close: () => Promise<void>;
};

type UserRow = {
  id: string;
  aud: string;
  role: string;
  email: string;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  banned_until: Date | null;
  is_anonymous: boolean;
};

type Identity = {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

class AuthError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const API_VERSION = "2024-01-01";
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  "µs": 1e-3,
  ms: 1,
  s: 1e3,
  m: 60e3,
  h: 3600e3,
};

/** A ban_duration as GoTrue reads it (Go's time.ParseDuration, e.g. "876000h"), in milliseconds. */
export function parseBanDuration(duration: string): number {
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== duration) {
    throw new AuthError(400, "validation_failed", "invalid format for ban duration: " + duration);
  }
  return parts.reduce((sum, [, value, unit]) => sum + Number(value) * DURATION_UNITS[unit], 0);
}

function userJson(user: UserRow, identities: Identity[]) {
  const iso = (value: Date | null) => value?.toISOString() ?? undefined;
  return {
    id: user.id,
    aud: user.aud,
    role: user.role,
    email: user.email,
    email_confirmed_at: iso(user.email_confirmed_at),
    phone: "",
    confirmed_at: iso(user.email_confirmed_at),
    invited_at: iso(user.invited_at),
    confirmation_sent_at: iso(user.confirmation_sent_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: identities.map((identity) => ({
      identity_id: identity.id,
      id: identity.provider_id,
      user_id: identity.user_id,
      identity_data: identity.identity_data,
      provider: identity.provider,
      last_sign_in_at: iso(identity.last_sign_in_at),
      created_at: iso(identity.created_at),
      updated_at: iso(identity.updated_at),
      email: identity.identity_data.email,
    })),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: iso(user.banned_until),
    is_anonymous: user.is_anonymous,
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  try {
    const body = JSON.parse(text);
    if (body && typeof body === "object" && !Array.isArray(body)) return body;
  } catch {
    // answered below
  }
  throw new AuthError(400, "bad_json", "Could not parse request body as JSON");
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (request.headers["x-supabase-api-version"] === API_VERSION) {
    headers["x-supabase-api-version"] = API_VERSION;
  }
  response.writeHead(status, headers);
  response.end(JSON.stringify(body));
}

/** GoTrue's error body: `{code, message}` for API version 2024-01-01, else the legacy shape. */
function sendError(request: IncomingMessage, response: ServerResponse, error: AuthError): void {
  send(
    request,
    response,
    error.status,
    request.headers["x-supabase-api-version"] === API_VERSION
      ? { code: error.code, message: error.message }
      : { code: error.status, error_code: error.code, msg: error.message },
  );
}

async function requireServiceRole(request: IncomingMessage): Promise<void> {
  const token = request.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) throw new AuthError(401, "no_authorization", "This endpoint requires a Bearer token");
  let role: unknown;
  try {
    role = (await verifyToken(token)).role;
  } catch {
    throw new AuthError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature");
  }
  if (role !== "service_role" && role !== "supabase_admin") {
    throw new AuthError(403, "not_admin", "User not allowed");
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const object = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value)
    ? value as Record<string, unknown>
    : undefined;

export function createAuthApi(options: AuthApiOptions): AuthApi {
  const sql = postgres(options.databaseUrl, { max: 4, onnotice: () => {} });
  const minimumPasswordLength = options.minimumPasswordLength ?? 6;
  const siteUrl = options.siteUrl ?? "http://127.0.0.1:3000";

  function checkPassword(password: unknown): string | undefined {
    if (password === undefined) return undefined;
    if (typeof password !== "string" || password.length < minimumPasswordLength) {
      throw new AuthError(
        422,
        "weak_password",
        `Password should be at least ${minimumPasswordLength} characters.`,
      );
    }
    return password;
  }

  function checkEmail(value: unknown): string {
    const email = text(value)?.trim().toLowerCase();
    if (!email) {
      throw new AuthError(
        400,
        "validation_failed",
        "Unable to validate email address: invalid format",
      );
    }
    if (!EMAIL.test(email)) {
      throw new AuthError(
        400,
        "validation_failed",
        "Unable to validate email address: invalid format",
      );
    }
    return email;
  }

  async function loadUser(tx: postgres.Sql, id: string): Promise<ReturnType<typeof userJson>> {
    const [user] = await tx<UserRow[]>`select * from auth.users where id = ${id}`;
    if (!user) throw new AuthError(404, "user_not_found", "User not found");
    const identities = await tx<Identity[]>`
      select * from auth.identities where user_id = ${id} order by created_at`;
    return userJson(user, identities);
  }

  function userId(path: string): string {
    const id = path.match(/^\/admin\/users\/([^/]+)$/)?.[1] ?? "";
    if (!UUID.test(id)) throw new AuthError(404, "user_not_found", "User not found");
    return id;
  }

  async function insertUser(
    tx: postgres.Sql,
    fields: {
      email: string;
      password?: string;
      confirmed: boolean;
      invited: boolean;
      userMetadata: Record<string, unknown>;
      appMetadata: Record<string, unknown>;
      bannedForMs?: number;
    },
  ): Promise<string> {
    const [taken] = await tx`select 1 from auth.users where lower(email) = ${fields.email}`;
    if (taken) {
      throw new AuthError(
        422,
        "email_exists",
        "A user with this email address has already been registered",
      );
    }
    const id = crypto.randomUUID();
    const password = fields.password ?? null;
    const banned = fields.bannedForMs === undefined
      ? null
      : new Date(Date.now() + fields.bannedForMs);
    await tx`
      insert into auth.users (
        instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
        confirmation_token, confirmation_sent_at, recovery_token, email_change_token_new, email_change,
        raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until
      )
      values (
        '00000000-0000-0000-0000-000000000000', ${id}, 'authenticated', 'authenticated', ${fields.email},
        case when ${password}::text is null then ''
             else extensions.crypt(${password}::text, extensions.gen_salt('bf')) end,
        case when ${fields.confirmed} then now() end, case when ${fields.invited} then now() end,
        ${fields.invited ? randomBytes(28).toString("hex") : ""},
        case when ${fields.invited} then now() end, '', '', '',
        ${
      sql.json(
        { provider: "email", providers: ["email"], ...fields.appMetadata } as postgres.JSONValue,
      )
    },
        ${sql.json(fields.userMetadata as postgres.JSONValue)}, now(), now(), ${banned}
      )`;
    await tx`
      insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
      values (${id}, ${id},
              ${
      sql.json({ sub: id, email: fields.email, email_verified: false, phone_verified: false })
    },
              'email', now(), now())`;
    return id;
  }

  /** Runs `work` in one transaction; a database refusal (a trigger's) is GoTrue's 500. */
  async function transaction<T>(
    failure: string,
    work: (tx: postgres.Sql) => Promise<T>,
  ): Promise<T> {
    try {
      return await sql.begin((tx) => work(tx as unknown as postgres.Sql)) as T;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError(500, "unexpected_failure", `${failure}: ${(error as Error).message}`);
    }
  }

  async function createUser(body: Record<string, unknown>) {
    const email = checkEmail(body.email);
    const password = checkPassword(body.password);
    const bannedForMs = text(body.ban_duration) && body.ban_duration !== "none"
      ? parseBanDuration(body.ban_duration as string)
      : undefined;
    return await transaction("Database error creating new user", async (tx) => {
      const id = await insertUser(tx, {
        email,
        password,
        confirmed: body.email_confirm === true,
        invited: false,
        userMetadata: object(body.user_metadata) ?? {},
        appMetadata: object(body.app_metadata) ?? {},
        bannedForMs,
      });
      return await loadUser(tx, id);
    });
  }

  async function updateUser(id: string, body: Record<string, unknown>) {
    const password = checkPassword(body.password);
    const email = body.email === undefined ? undefined : checkEmail(body.email);
    const ban = text(body.ban_duration);
    const bannedUntil = ban === undefined
      ? undefined
      : ban === "none"
      ? null
      : new Date(Date.now() + parseBanDuration(ban));
    return await transaction("Database error updating user", async (tx) => {
      const [user] = await tx<UserRow[]>`select * from auth.users where id = ${id} for update`;
      if (!user) throw new AuthError(404, "user_not_found", "User not found");
      if (password !== undefined) {
        await tx`
          update auth.users set encrypted_password = extensions.crypt(${password}, extensions.gen_salt('bf')),
                                updated_at = now()
          where id = ${id}`;
      }
      if (email !== undefined && email !== user.email) {
        await tx`update auth.users set email = ${email}, updated_at = now() where id = ${id}`;
      }
      if (bannedUntil !== undefined) {
        await tx`update auth.users set banned_until = ${bannedUntil}, updated_at = now() where id = ${id}`;
      }
      if (body.email_confirm === true) {
        await tx`
          update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
          where id = ${id}`;
      }
      for (
        const [column, value] of [
          ["raw_user_meta_data", object(body.user_metadata)],
          ["raw_app_meta_data", object(body.app_metadata)],
        ] as const
      ) {
        if (value) {
          await tx`
            update auth.users set ${tx(column)} = coalesce(${tx(column)}, '{}') || ${
            sql.json(value as postgres.JSONValue)
          }, updated_at = now()
            where id = ${id}`;
        }
      }
      return await loadUser(tx, id);
    });
  }

  async function deleteUser(id: string, body: Record<string, unknown>) {
    if (body.should_soft_delete === true) {
      throw new AuthError(
        501,
        "not_implemented",
        "The local Auth stand-in deletes users only for good",
      );
    }
    return await transaction("Database error deleting user", async (tx) => {
      await loadUser(tx, id);
      await tx`delete from auth.users where id = ${id}`;
      return {};
    });
  }

  async function invite(body: Record<string, unknown>, redirectTo: string | null) {
    const email = checkEmail(body.email);
    if (!options.mailer) {
      throw new AuthError(500, "unexpected_failure", "Error sending invite email");
    }
    const mailer = options.mailer;
    return await transaction("Database error saving new user", async (tx) => {
      const id = await insertUser(tx, {
        email,
        confirmed: false,
        invited: true,
        userMetadata: object(body.data) ?? {},
        appMetadata: {},
      });
      const [{ confirmation_token: token }] = await tx<{ confirmation_token: string }[]>`
        select confirmation_token from auth.users where id = ${id}`;
      const user = await loadUser(tx, id);
      const link = `${siteUrl}/auth/v1/verify?token=${token}&type=invite&redirect_to=${
        encodeURIComponent(redirectTo ?? siteUrl)
      }`;
      mailer({ to: email, subject: "You have been invited", link });
      return user;
    });
  }

  async function route(request: IncomingMessage, path: string) {
    const url = new URL(path, "http://auth");
    await requireServiceRole(request);
    const method = request.method ?? "GET";
    if (url.pathname === "/admin/users" && method === "POST") {
      return await createUser(await readJson(request));
    }
    if (url.pathname === "/invite" && method === "POST") {
      return await invite(await readJson(request), url.searchParams.get("redirect_to"));
    }
    if (url.pathname.startsWith("/admin/users/")) {
      const id = userId(url.pathname);
      if (method === "GET") return await loadUser(sql, id);
      if (method === "PUT") return await updateUser(id, await readJson(request));
      if (method === "DELETE") return await deleteUser(id, await readJson(request));
    }
    throw new AuthError(
      404,
      "not_found",
      `${method} ${url.pathname} is not served by the local Auth stand-in`,
    );
  }

  return {
    handle: async (request, response, path) => {
      try {
        send(request, response, 200, await route(request, path));
      } catch (error) {
        sendError(
          request,
          response,
          error instanceof AuthError
            ? error
            : new AuthError(500, "unexpected_failure", (error as Error).message),
        );
      }
    },
    close: () => sql.end(),
  };
}

export type AuthServer = { url: string; stop: () => Promise<void> };

/** The stand-in on its own port (127.0.0.1); `url` is the project URL whose /auth/v1 it serves. */
export async function startAuthServer(
  options: AuthApiOptions & { port?: number },
): Promise<AuthServer> {
  const api = createAuthApi(options);
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").match(/^\/auth\/v1(\/.*)$/)?.[1];
    if (!path) {
      response.writeHead(404, { "content-type": "application/json" });
      response.end(JSON.stringify({ code: 404, error_code: "not_found", msg: "Not found" }));
      return;
    }
    void api.handle(request, response, path);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}
