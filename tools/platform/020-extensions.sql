-- Platform stand-in: the `extensions` schema with the extensions every project has, owned by
-- `postgres` as on the platform (`supabase db reset` keeps it by name).

create schema if not exists extensions authorization postgres;
alter schema extensions owner to postgres;
grant usage on schema extensions to postgres, anon, authenticated, service_role;

create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
