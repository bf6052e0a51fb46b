// Shared by the admin-users tests (named *_test.ts so that it is never deployed, as it reaches into
// tools/ for the Auth stand-in): the test database, the Auth admin stand-in the tests start, tokens,
// and a record of every response and log line, so that a test can show the service role key in none.
import { SignJWT } from "jose";
import { type Invitation, startAuthServer } from "../../../tools/auth-server.ts";
import { insertUser, testDatabase } from "../classify/test-fixtures.ts";
import { type Account, authAdmin } from "./accounts.ts";
import { createAdminUsersHandler } from "./handler.ts";

export const sql = testDatabase();
export const SERVICE_ROLE_KEY = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY") ?? "";
const jwtSecret = new TextEncoder().encode(Deno.env.get("SUPABASE_JWT_SECRET") ?? "");

/** The seeded people the tests act as (supabase/seed.sql). */
export const SEEDED = {
  mlgooPagsanjan: "00000000-0000-4000-8000-000000001001",
  administrator: "00000000-0000-4000-8000-000000000601",
  oversight: "00000000-0000-4000-8000-000000000501",
};
export const SANTA_CRUZ = "043426000";
export const PAGSANJAN = "043422000";

/** A tag that keeps this run's e-mails apart from any other's. */
export const RUN = crypto.randomUUID().slice(0, 8);
export const email = (name: string) => `${name}-${RUN}@onboarding.test`;

/** Every response body and header and every log line the function produced in these tests. */
export const seen: string[] = [];
const consoleLog = console.log;
console.log = (...args: unknown[]) => {
  seen.push(args.map(String).join(" "));
  consoleLog(...args);
};

export const mailbox: Invitation[] = [];
const databaseUrl = new URL(Deno.env.get("SUPABASE_DB_URL") ?? "");
databaseUrl.username = "supabase_auth_admin";
/** The Auth admin stand-in (tools/auth-server.ts), with an SMTP that fills `mailbox`. */
export const authServer = await startAuthServer({
  databaseUrl: databaseUrl.href,
  minimumPasswordLength: 8,
  mailer: (mail) => mailbox.push(mail),
});
/** The same without SMTP. */
export const authServerWithoutSmtp = await startAuthServer({
  databaseUrl: databaseUrl.href,
  minimumPasswordLength: 8,
});

type Fetch = typeof globalThis.fetch;

export function handlerWith(auth = authServer.url, fetch?: Fetch) {
  return createAdminUsersHandler({ sql, auth: authAdmin(auth, SERVICE_ROLE_KEY, fetch) });
}
const handler = handlerWith();

export const tokenOf = (userId: string) =>
  new SignJWT({
    sub: userId,
    role: "authenticated",
    aud: "authenticated",
    exp: Math.floor(Date.now() / 1000) + 600,
  }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(jwtSecret);

/** The JSON of an answer, as the tests read it (each answer has some of these). */
type Body = {
  error: {
    code: string;
    message: string;
    field?: string;
    hint?: string;
    rows: { line: number; field: string; message: string }[];
  };
  account: Account;
  temporaryPassword: string;
  invited?: true;
  created: number;
  exists: number;
  failed: number;
  rows: { line: number; email: string; outcome: string; temporaryPassword?: string }[];
};
export type Answer = { status: number; body: Body };

/** Calls the function (the handler, or `via` such as the served one) as `userId`. */
export async function call(
  userId: string,
  method: string,
  path: string,
  body?: unknown,
  via: (request: Request) => Promise<Response> = handler,
): Promise<Answer> {
  const csv = typeof body === "string";
  const response = await via(
    new Request(`http://127.0.0.1/admin-users${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenOf(userId)}`,
        "content-type": csv ? "text/csv" : "application/json",
      },
      body: body === undefined ? undefined : csv ? body : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  seen.push(text, JSON.stringify([...response.headers]));
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** An active MLGOO of Santa Cruz of the tests' own (its password change done). */
export const newMlgoo = () => insertUser(sql, "mlgoo", null, null);

export async function authUser(address: string) {
  const [user] = await sql<
    { id: string; banned_until: Date | null; invited_at: Date | null; encrypted_password: string }[]
  >`select id, banned_until, invited_at, encrypted_password from auth.users where email = ${address}`;
  return user;
}

export async function profile(address: string) {
  const [row] = await sql<Record<string, unknown>[]>`
    select p.*, b.psgc_code as barangay_code
    from public.profiles p left join public.barangays b on b.id = p.barangay_id
    where p.email = ${address}`;
  return row;
}

export async function passwordIs(address: string, password: string): Promise<boolean> {
  const [{ matches }] = await sql<{ matches: boolean }[]>`
    select encrypted_password = extensions.crypt(${password}, encrypted_password) as matches
    from auth.users where email = ${address}`;
  return matches;
}

/** Removes this run's accounts (never an actor of an event: those stay, as the trail does). */
export async function removeRunAccounts(): Promise<void> {
  await sql`delete from auth.users where email like ${`%-${RUN}@onboarding.test`}`;
}
