// The custom access token hook as Supabase Auth calls it: connected as `supabase_auth_admin` (a
// login role `postgres` is not a member of on the platform), `select "public"."custom_access_token_hook"($1)`
// inside a transaction with a 2 s statement timeout. What it reads, it reads through its own grants
// and the `to supabase_auth_admin` policy on public.profiles.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../tools/lib/database.ts";

const databaseUrl = process.env.SUPABASE_DB_URL;

/** The same database, signed in as another role of the stand-in (password `postgres`). */
function urlAs(user: string): string {
  const url = new URL(databaseUrl ?? "postgresql://localhost/postgres");
  url.username = user;
  return url.toString();
}

const seededAssessor = "00000000-0000-4000-8000-000000000103";

function hookEvent(userId: string) {
  return {
    user_id: userId,
    authentication_method: "password",
    claims: {
      aud: "authenticated",
      exp: 2000000000,
      iat: 1900000000,
      sub: userId,
      email: "someone@vantage.local",
      phone: "",
      role: "authenticated",
      aal: "aal1",
      session_id: randomUUID(),
      is_anonymous: false,
    },
  };
}

describe.skipIf(!databaseUrl)("custom access token hook, called as Supabase Auth calls it", () => {
  const admin = connect(databaseUrl ?? "");
  const auth = connect(urlAs("supabase_auth_admin"));
  const roleless = randomUUID();

  /** Auth's call: one transaction, statement timeout 2 s, the hook by its qualified name. */
  async function callHook(userId: string): Promise<Record<string, unknown>> {
    const [{ result }] = await auth.begin(async (tx) => {
      await tx`set local statement_timeout = '2s'`;
      return await tx.unsafe<{ result: Record<string, unknown> }[]>(
        `select "public"."custom_access_token_hook"($1) as result`,
        [hookEvent(userId) as never],
      );
    });
    return result;
  }

  beforeAll(async () => {
    await admin`
      insert into auth.users (id, aud, role, email, raw_app_meta_data, created_at, updated_at)
      values (${roleless}, 'authenticated', 'authenticated', ${`hook-${roleless}@t.local`},
              '{"provider": "email"}', now(), now())`;
  });

  afterAll(async () => {
    await admin`delete from auth.users where id = ${roleless}`;
    await Promise.all([admin.end(), auth.end()]);
  });

  it("connects as supabase_auth_admin, which is neither a superuser nor postgres", async () => {
    const [session] = await auth<{ user: string; superuser: boolean }[]>`
      select current_user as user, rolsuper as superuser from pg_roles where rolname = current_user`;
    expect(session).toEqual({ user: "supabase_auth_admin", superuser: false });
  });

  it("adds the role and scope of a user to the claims Auth requires", async () => {
    const result = await callHook(seededAssessor);
    expect(result.claims).toMatchObject({
      sub: seededAssessor,
      role: "authenticated",
      aud: "authenticated",
      app_role: "assessor",
      area_code: 3,
      barangay_id: null,
      must_change_password: false,
    });
  });

  it("refuses a user without a role with a 403 Auth shows at sign-in", async () => {
    const result = await callHook(roleless);
    expect(result).not.toHaveProperty("claims");
    expect(result).toMatchObject({ error: { http_code: 403 } });
  });

  it("reads profiles only: the hook's role gets nothing else of the application", async () => {
    await expect(auth`select 1 from public.assessments limit 1`).rejects.toMatchObject({
      code: "42501",
    });
  });
});
