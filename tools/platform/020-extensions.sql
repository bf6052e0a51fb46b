-- Platform stand-in: the `extensions` schema with the extensions every project has.

create schema if not exists extensions authorization supabase_admin;
grant usage on schema extensions to postgres, anon, authenticated, service_role;

create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
