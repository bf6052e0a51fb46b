-- The platform stand-in behaves like a Supabase project: claim helpers, storage path helpers and
-- delete protection, and platform schemas that survive `supabase db reset` (which the test runner
-- ran just before this file).
begin;
select plan(32);

-- Platform schemas are owned by supabase_admin, so `db reset` keeps them; `postgres` owns the
-- database and the `extensions` schema, as on the platform.
select is(
  (select nspowner::regrole::text from pg_namespace where nspname = s), 'supabase_admin',
  format('schema %s is owned by supabase_admin', s)
) from unnest(array['auth', 'storage', 'net']) as s;
select is((select nspowner::regrole::text from pg_namespace where nspname = 'extensions'), 'postgres',
  'schema extensions is owned by postgres');
select is((select datdba::regrole::text from pg_database where datname = current_database()), 'postgres',
  'the database is owned by postgres');

-- The tests run as `postgres` as the platform has it: not a superuser, with its attributes.
select results_eq(
  $$ select rolsuper, rolcreatedb, rolcreaterole, rolcanlogin, rolreplication, rolbypassrls
     from pg_roles where rolname = 'postgres' $$,
  $$ values (false, true, true, true, true, true) $$,
  'postgres is not a superuser; it creates databases and roles, logs in, replicates and bypasses RLS');
select ok(
  has_table_privilege('postgres', 'storage.objects', 'insert with grant option')
    and has_table_privilege('postgres', 'storage.buckets', 'select with grant option'),
  'postgres holds its storage privileges with grant option');
select ok(
  has_table_privilege('public', 'net._http_response', 'insert')
    and has_table_privilege('public', 'net.http_request_queue', 'select'),
  'pg_net''s tables are granted to PUBLIC, as pg_net does');
select has_table('auth'::name, 'users'::name, 'auth.users survives the reset');
select has_table('storage'::name, 'objects'::name, 'storage.objects survives the reset');
select has_function('net'::name, 'http_post'::name,
  array['text', 'jsonb', 'jsonb', 'jsonb', 'integer'], 'net.http_post has pg_net''s signature');
select is(
  (select pubowner::regrole::text from pg_publication where pubname = 'supabase_realtime'),
  'postgres', 'the supabase_realtime publication exists, owned by postgres, as on the platform'
);
select ok(
  exists (select from supabase_migrations.schema_migrations),
  'supabase db reset recorded the migrations it applied'
);

-- auth.uid() and friends read both claim forms.
set local request.jwt.claims = '{"sub": "0b0b0b0b-0000-4000-8000-000000000001", "role": "authenticated", "email": "a@example.org"}';
select is(auth.uid(), '0b0b0b0b-0000-4000-8000-000000000001'::uuid, 'auth.uid() reads request.jwt.claims');
select is(auth.role(), 'authenticated', 'auth.role() reads request.jwt.claims');
select is(auth.email(), 'a@example.org', 'auth.email() reads request.jwt.claims');
select is(auth.jwt() ->> 'sub', '0b0b0b0b-0000-4000-8000-000000000001', 'auth.jwt() returns the claims object');

set local request.jwt.claim.sub = '0b0b0b0b-0000-4000-8000-000000000002';
select is(auth.uid(), '0b0b0b0b-0000-4000-8000-000000000002'::uuid,
  'auth.uid() prefers request.jwt.claim.sub over request.jwt.claims');
set local request.jwt.claim.sub = '';
select is(auth.uid(), '0b0b0b0b-0000-4000-8000-000000000001'::uuid,
  'an empty request.jwt.claim.sub falls back to request.jwt.claims');
set local request.jwt.claims = '';
select is(auth.uid(), null, 'auth.uid() is null without claims');

-- Storage path helpers.
select is(storage.foldername('a/b/c.pdf'), array['a', 'b'], 'storage.foldername returns every segment but the last');
select is(storage.filename('a/b/c.pdf'), 'c.pdf', 'storage.filename returns the last segment');
select is(storage.extension('a/b/c.tar.gz'), 'gz', 'storage.extension returns the text after the last dot');
select is(
  (select provolatile from pg_proc where oid = 'storage.foldername(text)'::regprocedure), 'i',
  'storage.foldername is immutable'
);

select ok(
  (select relrowsecurity from pg_class where oid = 'storage.objects'::regclass),
  'row level security is enabled on storage.objects'
);

-- The shape of Storage's schema that Vantage's policies, triggers and tests rely on. Run against a
-- real project (`supabase test db` on `supabase start`), this notices a Storage upgrade that
-- changes it.
select set_has(
  $$ select table_name || '.' || column_name || ' ' || udt_name from information_schema.columns
     where table_schema = 'storage' $$,
  $$ values ('objects.id uuid'), ('objects.bucket_id text'), ('objects.name text'), ('objects.owner uuid'),
            ('objects.owner_id text'), ('objects.metadata jsonb'), ('objects.user_metadata jsonb'),
            ('objects.version text'), ('objects.created_at timestamptz'), ('objects.updated_at timestamptz'),
            ('objects.last_accessed_at timestamptz'), ('objects.archived_at timestamptz'),
            ('objects.is_delete_marker bool'), ('objects.is_versioned bool'),
            ('buckets.id text'), ('buckets.name text'), ('buckets.public bool'), ('buckets.file_size_limit int8'),
            ('buckets.allowed_mime_types _text'), ('buckets.type buckettype'), ('buckets.versioning_status text') $$,
  'storage.objects and storage.buckets have the columns Vantage relies on, with their types');
select set_has(
  $$ select tgname::text || ' ' || tgfoid::regproc::text from pg_trigger where tgrelid = 'storage.objects'::regclass $$,
  $$ values ('update_objects_updated_at storage.update_updated_at_column'), ('protect_objects_delete storage.protect_delete') $$,
  'storage.objects keeps updated_at current and refuses deletes outside the Storage API');

-- Direct deletes are refused unless storage.allow_delete_query is 'true'.
insert into storage.buckets (id, name) values ('platform-test', 'platform-test');
select lives_ok(
  $$ insert into storage.objects (bucket_id, name, owner_id) values ('platform-test', 'x/y/z.pdf', 'someone')
     on conflict (bucket_id, name) do update set owner_id = excluded.owner_id $$,
  'storage.objects takes the upload''s insert ... on conflict (bucket_id, name) do update');
select is(
  (select path_tokens from storage.objects where bucket_id = 'platform-test'), array['x', 'y', 'z.pdf'],
  'storage.objects.path_tokens splits the name'
);
select throws_ok(
  $$ delete from storage.objects where bucket_id = 'platform-test' $$, '42501', null,
  'a direct delete from storage.objects is refused'
);
select throws_ok(
  $$ delete from storage.buckets where id = 'platform-test' $$, '42501', null,
  'a direct delete from storage.buckets is refused'
);
set local storage.allow_delete_query = 'true';
select lives_ok(
  $$ delete from storage.objects where bucket_id = 'platform-test' $$,
  'a delete is allowed when storage.allow_delete_query is true'
);

select * from finish();
rollback;
