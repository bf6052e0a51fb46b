-- The data model refuses invalid states whoever writes: a blgu user has a barangay and an assessor an
-- area (and no one else has either), barangays and cycles refuse values with a named rule, one
-- assessment per cycle and barangay with its six areas, the areas submitted once are recorded for
-- assessors, reasons go with reopenings, extensions and overrides, and the timeline and leaf history
-- are append-only, each change of a leaf recorded.

begin;
select plan(22);

-- Fixture ids as settings, read by current_setting('fx.*') inside the statements that must fail.
select tests.create_cycle(2090) as cycle \gset
select tests.create_barangay('990000401', 'Model Barangay') as brgy \gset
select set_config('fx.brgy', :'brgy', true);
select set_config('fx.a', tests.create_assessment(:'cycle', :'brgy')::text, true);
select set_config('fx.validator', tests.create_user('dm-validator@t.local', 'validator')::text, true);

-- Roles and scope ------------------------------------------------------------------------------------

select throws_ok(
  $$update public.profiles set role = 'blgu' where id = current_setting('fx.validator')::uuid$$,
  '23514', 'new row for relation "profiles" violates check constraint "blgu_users_have_a_barangay"',
  'a blgu user must have a barangay');
select throws_ok(
  $$update public.profiles set barangay_id = current_setting('fx.brgy')::uuid where id = current_setting('fx.validator')::uuid$$,
  '23514', 'new row for relation "profiles" violates check constraint "blgu_users_have_a_barangay"',
  'only a blgu user has a barangay');
select throws_ok(
  $$update public.profiles set role = 'assessor' where id = current_setting('fx.validator')::uuid$$,
  '23514', 'new row for relation "profiles" violates check constraint "assessors_have_an_area"',
  'an assessor must have an area');
select throws_ok(
  $$update public.profiles set area_code = 1 where id = current_setting('fx.validator')::uuid$$,
  '23514', 'new row for relation "profiles" violates check constraint "assessors_have_an_area"',
  'only an assessor has an area');

-- What the MLGOO and the central administrator write directly: a refusal names the rule -----------------------------------------

select tests.create_user('dm-mlgoo@t.local', 'mlgoo');
select tests.act_as('dm-mlgoo@t.local');
select throws_ok(
  $$insert into public.barangays (psgc_code, name, city_municipality_code)
    values ('12345', 'Short Code', '990101000')$$,
  '23514', 'new row for relation "barangays" violates check constraint "psgc_code_has_9_or_10_digits"',
  'a barangay''s PSGC code has 9 or 10 digits');
select tests.act_as_postgres();
select tests.create_user('dm-admin@t.local', 'administrator');
select tests.act_as('dm-admin@t.local');
select throws_ok(
  $$update public.cycles set rework_window_days = 0 where year = 2090$$,
  '23514', 'new row for relation "cycles" violates check constraint "rework_window_is_at_least_a_day"',
  'a cycle''s rework window is at least a day');
select tests.act_as_postgres();

-- Assessments and their areas -------------------------------------------------------------------------

select throws_ok(
  format('select tests.create_assessment(%L, %L)', :'cycle', :'brgy'),
  '23505', null, 'a barangay has one assessment per cycle');
select results_eq(
  $$select area_code::integer, status::text from public.assessment_areas
    where assessment_id = current_setting('fx.a')::uuid order by area_code$$,
  $$values (1, 'draft'), (2, 'draft'), (3, 'draft'), (4, 'draft'), (5, 'draft'), (6, 'draft')$$,
  'a new assessment has its six areas in draft');

update public.assessment_areas set first_submitted_at = now()
where assessment_id = current_setting('fx.a')::uuid and area_code = 3;
update public.assessment_areas set first_submitted_at = now()
where assessment_id = current_setting('fx.a')::uuid and area_code = 1;
-- Area 3 submitted for the first time again: it is not recorded twice.
update public.assessment_areas set first_submitted_at = null
where assessment_id = current_setting('fx.a')::uuid and area_code = 3;
update public.assessment_areas set first_submitted_at = now()
where assessment_id = current_setting('fx.a')::uuid and area_code = 3;
select is((select submitted_area_codes from public.assessments where id = current_setting('fx.a')::uuid),
  array[1, 3]::smallint[], 'the areas submitted at least once are recorded once each, in order');

update public.assessments set updated_at = '2001-01-01' where id = current_setting('fx.a')::uuid;
select is((select updated_at from public.assessments where id = current_setting('fx.a')::uuid), now(),
  'updated_at is the time of the last change, whatever the update says');

select throws_ok(
  $$update public.assessments set status = 'reopened' where id = current_setting('fx.a')::uuid$$,
  '23514', 'new row for relation "assessments" violates check constraint "reopened_knows_where_to_return"',
  'a reopened assessment knows the stage a resubmission returns to');
select throws_ok(
  $$update public.assessments set deadline_extended_until = now() + interval '3 days' where id = current_setting('fx.a')::uuid$$,
  '23514', 'new row for relation "assessments" violates check constraint "extension_has_reason"',
  'a deadline extension has a reason');

-- Leaf history ---------------------------------------------------------------------------------------

select set_config('request.jwt.claims', jsonb_build_object('sub', current_setting('fx.validator'))::text, true);
insert into public.reviews (assessment_id, leaf_id, area_code)
select current_setting('fx.a')::uuid, tests.leaf_id(:'cycle', '1.1.1'), 1;
select is((select count(*)::integer from public.leaf_history where assessment_id = current_setting('fx.a')::uuid), 0,
  'a blank review records no history');

update public.reviews set checklist = '{"x": true}' where assessment_id = current_setting('fx.a')::uuid;
update public.reviews set decision = 'unmet', decision_remarks = 'Not signed' where assessment_id = current_setting('fx.a')::uuid;
update public.reviews set checklist = '{"x": false}', decision = 'met', decision_remarks = null where assessment_id = current_setting('fx.a')::uuid;
select throws_ok(
  $$update public.reviews set override_decision = 'unmet' where assessment_id = current_setting('fx.a')::uuid$$,
  '23514', 'new row for relation "reviews" violates check constraint "override_has_reason"',
  'an override has a reason');
update public.reviews set override_decision = 'unmet', override_reason = 'Seen on site'
where assessment_id = current_setting('fx.a')::uuid;
select set_config('request.jwt.claims', '', true);

select results_eq(
  $$select source, previous, current from public.leaf_history
    where assessment_id = current_setting('fx.a')::uuid order by id$$,
  $$values
    ('checklist', '{"checklist": null}'::jsonb, '{"checklist": {"x": true}}'::jsonb),
    ('decision', '{"decision": null, "decision_remarks": null}', '{"decision": "unmet", "decision_remarks": "Not signed"}'),
    ('checklist', '{"checklist": {"x": true}}', '{"checklist": {"x": false}}'),
    ('decision', '{"decision": "unmet", "decision_remarks": "Not signed"}', '{"decision": "met", "decision_remarks": null}'),
    ('override', '{"override_decision": null, "override_reason": null}',
                 '{"override_decision": "unmet", "override_reason": "Seen on site"}')$$,
  'each change of checklist values, decision or override is appended, in that order, with the value it replaced');
select is(
  (select array_agg(distinct changed_by) from public.leaf_history where assessment_id = current_setting('fx.a')::uuid),
  array[current_setting('fx.validator')::uuid], 'the history names who made each change');

-- Append-only ----------------------------------------------------------------------------------------

insert into public.events (assessment_id, action) values (current_setting('fx.a')::uuid, 'area_submitted');
select throws_ok($$update public.events set reason = 'rewritten' where assessment_id = current_setting('fx.a')::uuid$$,
  '42501', 'events is append-only', 'an event cannot be changed, even by the database owner');
select throws_ok($$delete from public.events where assessment_id = current_setting('fx.a')::uuid$$,
  '42501', 'events is append-only', 'an event cannot be deleted, even by the database owner');
select throws_ok($$update public.leaf_history set current = '{}' where assessment_id = current_setting('fx.a')::uuid$$,
  '42501', 'leaf_history is append-only', 'leaf history cannot be changed, even by the database owner');
select throws_ok($$delete from public.leaf_history where assessment_id = current_setting('fx.a')::uuid$$,
  '42501', 'leaf_history is append-only', 'leaf history cannot be deleted, even by the database owner');
select is((select count(*)::integer from public.leaf_history where assessment_id = current_setting('fx.a')::uuid), 5,
  'the leaf history is intact after the refused changes');
select is((select count(*)::integer from public.events where assessment_id = current_setting('fx.a')::uuid and reason is null), 1,
  'the event is intact after the refused changes');

select * from finish();
rollback;
