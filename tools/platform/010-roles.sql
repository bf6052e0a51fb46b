-- Platform stand-in: the roles of a Supabase project (docs/supabase-platform.md, "Roles").
-- Applied as supabase_admin before every `supabase db reset`; never part of the migrations.

do $$
declare
  role_name text;
begin
  foreach role_name in array array[
    'postgres', 'anon', 'authenticated', 'service_role', 'authenticator',
    'supabase_auth_admin', 'supabase_storage_admin'
  ] loop
    if not exists (select from pg_catalog.pg_roles where rolname = role_name) then
      execute format('create role %I', role_name);
    end if;
  end loop;
end
$$;

-- On the platform `postgres` is not a superuser, yet it may create extensions because the
-- supautils extension grants that right. Vanilla Postgres has no supautils, so the stand-in makes
-- `postgres` a superuser while the migrations are applied; `npm test` takes it away for the pgTAP
-- suite (tools/lib/database.ts, withoutSuperuser) and `npm run lint` refuses in a migration what a
-- non-superuser could not run (tools/lib/hosted-postgres.ts).
alter role postgres with superuser createdb createrole login replication bypassrls password 'postgres';
alter role anon with nologin inherit;
alter role authenticated with nologin inherit;
alter role service_role with nologin inherit bypassrls;
alter role authenticator with login noinherit password 'postgres';
alter role supabase_auth_admin with login noinherit createrole password 'postgres';
alter role supabase_storage_admin with login noinherit createrole password 'postgres';

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role postgres set search_path = "$user", public, extensions;
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;

grant anon, authenticated, service_role to postgres;
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to supabase_storage_admin;

-- On the platform `postgres` owns the project's database (and the `extensions` schema).
do $$
begin
  execute format('alter database %I owner to postgres', current_database());
end
$$;

grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant execute on functions to anon, authenticated, service_role;
