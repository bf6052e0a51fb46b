// `npm run admin:create`: the first central administrator of a project, made through the Auth
// admin API (here the stand-in at the test stack's SUPABASE_URL) and the database; then that
// administrator onboards an MLGOO through the admin-users function.
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "./lib/database.ts";
import { signClaims, userClaims } from "./lib/jwt.ts";
import { binDir, repoRoot } from "./lib/paths.ts";
import { run } from "./lib/processes.ts";
import path from "node:path";

const env = process.env as Record<string, string>;
const sql = connect(env.SUPABASE_DB_URL, { max: 2 });
const tag = crypto.randomUUID().slice(0, 8);
const email = `central-${tag}@dilg.test`;
const mlgooEmail = `mlgoo-${tag}@dilg.test`;

const createAdministrator = (args: string[], overrides: Record<string, string> = {}) =>
  run(path.join(binDir, "deno"), ["run", "-A", "tools/create-administrator.ts", ...args], {
    cwd: repoRoot,
    env: {
      SUPABASE_URL: env.SUPABASE_URL,
      SUPABASE_SERVICE_ROLE_KEY: env.SUPABASE_SERVICE_ROLE_KEY,
      SUPABASE_DB_URL: env.SUPABASE_DB_URL,
      ...overrides,
    },
  });

afterAll(async () => {
  await sql`delete from auth.users where email = ${mlgooEmail}`;
  await sql.end();
});

describe("npm run admin:create", () => {
  it("creates the account, makes it a central administrator and prints its temporary password once", async () => {
    const result = await createAdministrator([email, "Central Office"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${email} is a central administrator`);
    const password = result.stdout.match(/temporary password: (\S+)/)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const [profile] = await sql`
      select p.role, p.full_name, p.must_change_password,
             u.encrypted_password = extensions.crypt(${password!}, u.encrypted_password) as password_matches
      from public.profiles p join auth.users u on u.id = p.id where p.email = ${email}`;
    expect(profile).toEqual({
      role: "administrator",
      full_name: "Central Office",
      must_change_password: true,
      password_matches: true,
    });

    const again = await createAdministrator([email]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("the account existed already: its password is unchanged");
  });

  it("refuses a malformed e-mail or an incomplete project, and creates nothing", async () => {
    const malformed = await createAdministrator(["central@"]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain(
      "refused to create the account: Unable to validate email address",
    );
    const partial = await createAdministrator([`partial-${tag}@dilg.test`], {
      SUPABASE_DB_URL: "",
    });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain("Set all three of SUPABASE_URL");
    const [{ n }] =
      await sql`select count(*)::int as n from auth.users where email like ${`%${tag}%`}`;
    expect(n).toBe(1);
  });

  it("the new administrator, once its password is its own, onboards an MLGOO through admin-users", async () => {
    const [{ id }] = await sql`select id from public.profiles where email = ${email}`;
    await sql`update auth.users set last_sign_in_at = now() where id = ${id}`;
    await sql`
      update auth.users set encrypted_password = extensions.crypt('its-own-password', extensions.gen_salt('bf', 4))
      where id = ${id}`;
    const response = await fetch(`${env.FUNCTIONS_URL}/admin-users`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await signClaims(userClaims(id))}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        email: mlgooEmail,
        fullName: "MLGOO of Pagsanjan",
        role: "mlgoo",
        cityMunicipality: "043422000",
      }),
    });
    const body = await response.json() as {
      account: { role: string; cityMunicipalityCode: string };
    };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.account).toMatchObject({ role: "mlgoo", cityMunicipalityCode: "043422000" });
  });
});
