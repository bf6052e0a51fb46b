import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkMigrations, hostedPostgresViolations } from "./hosted-postgres.ts";
import { supabaseDir } from "./paths.ts";

const whys = async (sql: string) =>
  (await hostedPostgresViolations("x.sql", sql)).map((violation) => violation.why);

describe("what a non-superuser postgres cannot do on a hosted project", () => {
  it("refuses alter role, alter database and create event trigger, saying why", async () => {
    expect(await whys("alter role authenticated set statement_timeout = '20s';")).toEqual([
      expect.stringContaining("postgres is not a superuser"),
    ]);
    expect(await whys("alter database postgres set timezone = 'Asia/Manila';")).toEqual([
      expect.stringContaining("`alter database` is the platform's"),
    ]);
    expect(
      await whys("create event trigger e on ddl_command_end execute function private.f();"),
    ).toEqual([expect.stringContaining("needs a superuser")]);
  });

  it("refuses an owner change to a reserved role and set role to one, not to postgres", async () => {
    expect(
      await whys(`
      alter table public.t owner to supabase_admin;
      alter function private.f() owner to supabase_auth_admin;
      alter schema private owner to postgres;
      set local role supabase_storage_admin;
      set local role authenticated;
      grant supabase_admin to postgres;`),
    ).toEqual([
      expect.stringContaining("owner to supabase_admin"),
      expect.stringContaining("owner to supabase_auth_admin"),
      expect.stringContaining("`set role supabase_storage_admin`"),
      expect.stringContaining("reserved role supabase_admin"),
    ]);
  });

  it("reads statements, so a column named role is not `set role`", async () => {
    expect(
      await whys(`
      update public.profiles set role = 'supabase_admin' where id = '00000000-0000-4000-8000-000000000001';
      select 'alter role postgres superuser';
      -- alter database postgres set x = 1;`),
    ).toEqual([]);
  });

  it("looks inside do blocks and function bodies, naming the statement's line", async () => {
    const violations = await hostedPostgresViolations(
      "20990101000000_x.sql",
      `-- header
create function private.f() returns void language plpgsql as $$
begin
  set local role supabase_admin;
end $$;

do $$ begin alter role anon set statement_timeout = '1s'; end $$;
create function private.g() returns void language sql as 'alter database postgres reset all';
`,
    );
    expect(violations.map(({ line, statement }) => [line, statement])).toEqual([
      [2, "create function private.f() returns void language plpgsql as $$"],
      [7, "do $$ begin alter role anon set statement_timeout = '1s'; end $$"],
      [
        8,
        "create function private.g() returns void language sql as 'alter database postgres reset all'",
      ],
    ]);
  });

  it("fails on a migration folder that adds such a statement, and passes on the project's", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "vantage-migrations-"));
    try {
      await writeFile(path.join(folder, "20990101000000_ok.sql"), "create table t (role text);\n");
      await writeFile(
        path.join(folder, "20990101000100_timeout.sql"),
        "alter role authenticated set statement_timeout = '30s';\n",
      );
      expect(await checkMigrations(folder)).toEqual([
        expect.objectContaining({ file: "20990101000100_timeout.sql", line: 1 }),
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect(await checkMigrations(path.join(supabaseDir, "migrations"))).toEqual([]);
  });
});
