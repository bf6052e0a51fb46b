-- The workflow state cannot be changed by accident: even the superuser (Studio's table and SQL
-- editors run as postgres) is refused a direct change of a guarded column unless the transaction
-- declared itself a workflow write with private.declare_workflow_write(), as the workflow functions,
-- the scheduled jobs, seed.sql and the test fixtures do. The refusal names the function to use.
-- Runs on the seeded demo data, before anything in this transaction declares itself.

begin;
select plan(32);

create temporary table guarded (tbl text, col text, sql text);
insert into guarded values
  ('assessments', 'status', $$ update public.assessments set status = 'completed' where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'resume_status', $$ update public.assessments set resume_status = 'submitted' where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'version', $$ update public.assessments set version = version + 1 where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'is_locked', $$ update public.assessments set is_locked = true where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'grace_until', $$ update public.assessments set grace_until = now() where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'deadline_extended_until', $$ update public.assessments set deadline_extended_until = now() + interval '9 days', extension_reason = 'x' where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'recalibration_used', $$ update public.assessments set recalibration_used = true where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'due_at', $$ update public.assessments set due_at = now() where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessments', 'next_reminder_at', $$ update public.assessments set next_reminder_at = now() where id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('assessment_areas', 'status', $$ update public.assessment_areas set status = 'draft' where assessment_id = 'a0000000-0000-4000-8000-000000000004' and area_code = 1 $$),
  ('assessment_areas', 'rework_used', $$ update public.assessment_areas set rework_used = true where assessment_id = 'a0000000-0000-4000-8000-000000000004' and area_code = 1 $$),
  ('assessment_areas', 'calibration_used', $$ update public.assessment_areas set calibration_used = true where assessment_id = 'a0000000-0000-4000-8000-000000000004' and area_code = 1 $$),
  ('assessment_areas', 'rework_due_at', $$ update public.assessment_areas set rework_due_at = now() where assessment_id = 'a0000000-0000-4000-8000-000000000004' and area_code = 1 $$),
  ('assessment_areas', 'calibration_due_at', $$ update public.assessment_areas set calibration_due_at = now() where assessment_id = 'a0000000-0000-4000-8000-000000000004' and area_code = 1 $$),
  ('reviews', 'decision', $$ update public.reviews set decision = 'unmet' where assessment_id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('reviews', 'override_decision', $$ update public.reviews set override_decision = 'met', override_reason = 'x' where assessment_id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('reviews', 'version', $$ update public.reviews set version = version + 1 where assessment_id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('reviews', 'flagged_for_calibration', $$ update public.reviews set flagged_for_calibration = true where assessment_id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('reviews', 'flagged_for_recalibration', $$ update public.reviews set flagged_for_recalibration = true where assessment_id = 'a0000000-0000-4000-8000-000000000004' $$),
  ('profiles', 'role', $$ update public.profiles set role = 'katuparan', barangay_id = null where email = 'blgu-alipit@vantage.local' $$),
  ('profiles', 'barangay_id', $$ update public.profiles set barangay_id = 'b0000000-0000-4000-8000-000000000002' where email = 'blgu-alipit@vantage.local' $$),
  ('profiles', 'area_code', $$ update public.profiles set area_code = 2 where email = 'assessor1@vantage.local' $$),
  ('profiles', 'is_active', $$ update public.profiles set is_active = false where email = 'blgu-alipit@vantage.local' $$);

select throws_ok(sql, '42501', null, format('a direct change of %s.%s is refused, even to the superuser', tbl, col))
from guarded order by tbl, col;

select matches(tests.hint_of($$ update public.profiles set is_active = false where email = 'blgu-alipit@vantage.local' $$),
  'admin_set_user_active', 'the refusal of an activity change names admin_set_user_active');
select matches(tests.hint_of($$ update public.assessments set status = 'completed' where id = 'a0000000-0000-4000-8000-000000000004' $$),
  'approve_assessment', 'the refusal of a status change names the workflow functions');

select lives_ok($$ update public.profiles set full_name = 'Alipit Secretary' where email = 'blgu-alipit@vantage.local' $$,
  'names may still be edited directly');
select lives_ok($$ update public.barangays set name = 'Alipit (renamed)' where psgc_code = '043426001' $$,
  'barangays may still be edited directly');

select set_config('vantage.workflow_write', 'on', true);
select throws_ok($$ update public.assessments set status = 'completed' where id = 'a0000000-0000-4000-8000-000000000004' $$,
  '42501', null, 'a setting made by hand does not count as a declaration');

select private.declare_workflow_write();
select lives_ok($$ update public.assessments set is_locked = true where id = 'a0000000-0000-4000-8000-000000000004' $$,
  'a transaction that declared itself a workflow write may change the state');

-- The first administrator of a fresh project.
insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        confirmation_token, recovery_token, email_change_token_new, email_change)
values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
        'first-admin@t.local', '{"provider": "email"}', '{}', '', '', '', '');
select throws_ok($$ select private.create_first_mlgoo('first-admin@t.local', '043426000') $$, 'VA001', null,
  'the first MLGOO of a city or municipality cannot be made while it has an active MLGOO');
update public.profiles set is_active = false where role = 'mlgoo' and city_municipality_code = '043426000';
select lives_ok($$ select private.create_first_mlgoo('First-Admin@t.local', '043426000') $$,
  'for a city or municipality without an active MLGOO, create_first_mlgoo makes one');
select is((select role::text || ' ' || city_municipality_code from public.profiles where email = 'first-admin@t.local'),
  'mlgoo 043426000', 'the user is now the MLGOO of that city or municipality');

select * from finish();
rollback;
