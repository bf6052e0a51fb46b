// The Auth admin stand-in as supabase-js's auth.admin calls it: at the test stack's SUPABASE_URL
// (served by the functions server, as `npm start` serves it) and on its own port.
import { createClient, type WebSocketLikeConstructor } from "@supabase/supabase-js";
import ws from "ws";
import { afterAll, describe, expect, it } from "vitest";
import { type Invitation, parseBanDuration, startAuthServer } from "./auth-server.ts";
import { connect } from "./lib/database.ts";

const env = process.env as Record<string, string>;
const sql = connect(env.SUPABASE_DB_URL, { max: 2 });
const tag = crypto.randomUUID().slice(0, 8);
const address = (name: string) => `${name}-${tag}@auth-stand-in.test`;

const adminOf = (url: string, key = env.SUPABASE_SERVICE_ROLE_KEY) =>
  createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: ws as unknown as WebSocketLikeConstructor },
  }).auth.admin;
const admin = adminOf(env.SUPABASE_URL);

const authDatabaseUrl = () => {
  const url = new URL(env.SUPABASE_DB_URL);
  url.username = "supabase_auth_admin";
  return url.href;
};

afterAll(async () => {
  await sql`delete from auth.users where email like ${`%-${tag}@auth-stand-in.test`}`;
  await sql.end();
});

describe("the Auth admin stand-in at SUPABASE_URL/auth/v1", () => {
  it("creates a user as GoTrue answers it, and the project's trigger gives it a profile", async () => {
    const { data, error } = await admin.createUser({
      email: address("Ana").toUpperCase(),
      password: "first-password",
      email_confirm: true,
      user_metadata: { full_name: "Ana Reyes" },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email: address("ana"),
      aud: "authenticated",
      role: "authenticated",
      user_metadata: { full_name: "Ana Reyes" },
      app_metadata: { provider: "email", providers: ["email"] },
      identities: [{ provider: "email", user_id: data.user!.id }],
    });
    expect(data.user!.email_confirmed_at).toBeTruthy();
    const [profile] = await sql`
      select full_name, role, must_change_password from public.profiles where id = ${
      data.user!.id
    }`;
    expect(profile).toEqual({ full_name: "Ana Reyes", role: null, must_change_password: true });
    const [{ matches }] = await sql`
      select encrypted_password = extensions.crypt('first-password', encrypted_password) as matches
      from auth.users where id = ${data.user!.id}`;
    expect(matches).toBe(true);
  });

  it("refuses an e-mail in use (422 email_exists), a malformed one and a short password", async () => {
    const again = await admin.createUser({ email: address("ana"), password: "another-password" });
    expect([again.error?.status, again.error?.code]).toEqual([422, "email_exists"]);
    const malformed = await admin.createUser({ email: "ana@", password: "another-password" });
    expect([malformed.error?.status, malformed.error?.code]).toEqual([400, "validation_failed"]);
    const short = await admin.createUser({ email: address("short"), password: "short" });
    expect([short.error?.status, short.error?.code]).toEqual([422, "weak_password"]);
    const [{ n }] = await sql`select count(*)::int as n from auth.users where email = ${
      address("short")
    }`;
    expect(n).toBe(0);
  });

  it("bans, lifts a ban, sets a password (the project's trigger follows) and deletes", async () => {
    const { data } = await admin.createUser({ email: address("ben"), password: "first-password" });
    const id = data.user!.id;
    const banned = await admin.updateUserById(id, { ban_duration: "876000h" });
    expect(new Date(banned.data.user!.banned_until!).getTime()).toBeGreaterThan(
      Date.now() + 99 * 365 * 86400_000,
    );
    const lifted = await admin.updateUserById(id, { ban_duration: "none" });
    expect(lifted.data.user!.banned_until).toBeUndefined();

    // After a sign-in, a new password is the user's own: the trigger clears the first-login flag.
    await sql`update auth.users set last_sign_in_at = now() where id = ${id}`;
    const changed = await admin.updateUserById(id, { password: "second-password" });
    expect(changed.error).toBeNull();
    const [profile] = await sql`select must_change_password from public.profiles where id = ${id}`;
    expect(profile.must_change_password).toBe(false);

    const removed = await admin.deleteUser(id);
    expect(removed.error).toBeNull();
    const [{ n }] = await sql`select count(*)::int as n from public.profiles where id = ${id}`;
    expect(n).toBe(0);
    const missing = await admin.getUserById(id);
    expect([missing.error?.status, missing.error?.code]).toEqual([404, "user_not_found"]);
    const badBan = await admin.updateUserById(crypto.randomUUID(), { ban_duration: "forever" });
    expect(badBan.error?.status).toBe(400);
  });

  it("answers only the service role", async () => {
    const anon = await adminOf(env.SUPABASE_URL, env.SUPABASE_ANON_KEY).createUser({
      email: address("anon"),
      password: "first-password",
    });
    expect([anon.error?.status, anon.error?.code]).toEqual([403, "not_admin"]);
    const bare = await fetch(`${env.SUPABASE_URL}/auth/v1/admin/users`, { method: "POST" });
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error_code: "no_authorization" });
  });
});

describe("invitations", () => {
  it("without SMTP, fail as GoTrue's do and create nothing; with it, send the link", async () => {
    const mails: Invitation[] = [];
    const withoutSmtp = await startAuthServer({ databaseUrl: authDatabaseUrl() });
    const withSmtp = await startAuthServer({
      databaseUrl: authDatabaseUrl(),
      mailer: (mail) => mails.push(mail),
    });
    try {
      const refused = await adminOf(withoutSmtp.url).inviteUserByEmail(address("ivy"));
      expect(refused.error?.status).toBe(500);
      const [{ n }] = await sql`select count(*)::int as n from auth.users where email = ${
        address("ivy")
      }`;
      expect(n).toBe(0);
      const sent = await adminOf(withSmtp.url).inviteUserByEmail(address("ivy"), {
        data: { full_name: "Ivy" },
      });
      expect(sent.error).toBeNull();
      expect(sent.data.user!.invited_at).toBeTruthy();
      expect(mails).toEqual([
        expect.objectContaining({
          to: address("ivy"),
          link: expect.stringContaining("type=invite"),
        }),
      ]);
    } finally {
      await withoutSmtp.stop();
      await withSmtp.stop();
    }
  });
});

describe("ban durations", () => {
  it("are read as Go durations", () => {
    expect(parseBanDuration("876000h")).toBe(876000 * 3600_000);
    expect(parseBanDuration("1h30m")).toBe(5400_000);
    expect(parseBanDuration("1.5s")).toBe(1500);
    expect(() => parseBanDuration("forever")).toThrow(/invalid format/);
    expect(() => parseBanDuration("10")).toThrow(/invalid format/);
  });
});
