-- The private schema is closed: signed-in users and anonymous callers execute only the helpers RLS
-- policies need (each returns only what its caller may see, or only parses its input), and the
-- deployment secrets are readable by no API role.

begin;
select plan(12);

-- The documented list (README, "Security"): the helpers the policies call, and the reviewer's
-- name the reports show.
create temporary table policy_helpers (signature text primary key);
insert into policy_helpers values
  ('private.barangay_sees_flag(uuid,smallint,bigint)'),
  ('private.current_app_role()'),
  ('private.current_area_code()'),
  ('private.administered_profile_ids()'),
  ('private.current_barangay_id()'),
  ('private.current_city_municipality_code()'),
  ('private.current_user_id()'),
  ('private.is_administrator()'),
  ('private.is_mlgoo()'),
  ('private.is_oversight()'),
  ('private.may_read_mov(text)'),
  ('private.mov_refusal(storage.objects,boolean)'),
  ('private.readable_assessment_ids()'),
  ('private.resolve_mov_path(text)'),
  ('private.reviewer_name(uuid)'),
  ('private.oversees_the_country()'),
  ('private.oversight_scope_code()'),
  ('private.scope_city_municipality_codes()');

select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace = 'private'::regnamespace
    and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
    and p.oid::regprocedure::text not in (select signature from policy_helpers)
  order by 1 $$,
  'no private function outside the documented helper list is executable by anon or authenticated');
select is_empty($$
  select signature from policy_helpers
  where not has_function_privilege('authenticated', signature::regprocedure, 'execute')
     or has_function_privilege('anon', signature::regprocedure, 'execute') $$,
  'every documented helper is executable by authenticated, none by anon');

-- A function a later migration adds is closed by default.
create function private.added_later() returns integer language sql as $$ select 1 $$;
select ok(not has_function_privilege('authenticated', 'private.added_later()', 'execute')
          and not has_function_privilege('anon', 'private.added_later()', 'execute'),
  'a private function created later is executable by neither anon nor authenticated');

-- A signed-in barangay calling what used to be open -------------------------------------------------

select tests.wf_fixture('pf') as a \gset
select tests.create_barangay('981000001', 'Private Other') as other_barangay \gset
select tests.create_assessment((select cycle_id from public.assessments where id = :'a'), :'other_barangay') as other \gset
select tests.act_as('pf-blgu@test.local');

select throws_ok($$ select private.setting('vantage_webhook_secret') $$, '42501', null,
  'a barangay cannot read the webhook secret');
select throws_ok(format($$ select private.notify(%L, null, 'forged', 'Forged', 'Forged') $$, tests.user_id('pf-mlgoo@test.local')),
  '42501', null, 'a barangay cannot send the MLGOO a forged notification');
select throws_ok(format($$ select private.move_assessment(a, 'completed', 'assessment_approved') from public.assessments a where id = %L $$, :'a'),
  '42501', null, 'a barangay cannot mark its assessment completed');
select throws_ok(format($$ select private.record_event(%L, 'assessment_approved') $$, :'a'),
  '42501', null, 'a barangay cannot forge an approval event');
select throws_ok(format($$ select private.bump_version(%L) $$, :'other'),
  '42501', null, 'a barangay cannot change another barangay''s assessment');
select throws_ok($$ select private.lock_overdue_assessments(now() + interval '1 year') $$,
  '42501', null, 'a barangay cannot lock every assessment');

-- Secrets ----------------------------------------------------------------------------------------

select tests.act_as_service_role();
select throws_ok($$ select private.setting('vantage_webhook_secret') $$, '42501', null,
  'the service role cannot read the webhook secret either');
select throws_ok($$ select value from private.settings $$, '42501', null,
  'the settings table is closed to the service role');
select tests.act_as_postgres();
select is_empty($$
  select r from unnest(array['anon', 'authenticated', 'service_role']) as r
  where has_table_privilege(r, 'private.settings', 'select')
     or has_function_privilege(r, 'private.setting(text)', 'execute') $$,
  'no API role reads the settings, directly or through private.setting');

select * from finish();
rollback;
