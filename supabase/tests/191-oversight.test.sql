-- The oversight role: a DILG provincial, regional or central office reads the official results of the
-- completed assessments within its PSGC scope and their roll-ups, nothing in draft or under review,
-- nothing outside its scope, and changes nothing.
begin;
select plan(26);

-- Test Town (province 990100000): one completed assessment with its official result, one draft.
select tests.wf_fixture('ovs') as done \gset
select tests.wf_advance(:'done', 'ovs', 'completed');
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
values (:'done', 'official', 'test', repeat('c', 64), '{"areas": [{"code": 1, "passes": true}]}', true, 100),
       (:'done', 'projection', 'test', repeat('d', 64), '{"areas": []}', true, 100);
select tests.create_assessment(
  (select cycle_id from public.assessments where id = :'done'),
  (select id from public.barangays where name = 'Neighbour ovs')) as draft \gset
-- An official result stored for an assessment not yet completed (as a validation would).
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
values (:'draft', 'official', 'test', repeat('e', 64), '{"areas": []}', false, 0);

insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        confirmation_token, recovery_token, email_change_token_new, email_change)
select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', email,
       '{"provider": "email"}', '{}', '', '', '', ''
from unnest(array['ovs-province@test.local', 'ovs-central@test.local', 'ovs-far@test.local']) as email;
update public.profiles set must_change_password = false where email like 'ovs-%@test.local';

select throws_ok($$ select private.create_office_user('ovs-far@test.local', 'oversight', '123456789') $$, 'VA007', null,
  'an oversight scope is a PSGC code of the hierarchy');
select private.create_office_user('ovs-province@test.local', 'oversight', '990100000');
select private.create_office_user('ovs-central@test.local', 'oversight', null);
select tests.create_city_municipality('990107000', 'Far Town');
select private.create_office_user('ovs-far@test.local', 'oversight', '990107000');

-- The provincial office.
select tests.act_as('ovs-province@test.local');
select results_eq($$ select id from public.assessments $$, format($$ values (%L::uuid) $$, :'done'),
  'the provincial office reads the completed assessments of its province, not the draft');
select results_eq($$ select kind::text from public.classification_results $$, $$ values ('official') $$,
  'it reads their official result, never a projection');
select is_empty(format($$ select 1 from public.classification_results where assessment_id = %L $$, :'draft'),
  'nor the official result of an assessment not yet completed');
select is(private.oversight_scope_code(), '990100000', 'its policies compare the rows'' places with its province');
select is((select count(*)::integer from private.scope_city_municipality_codes()),
  (select count(*)::integer from public.cities_municipalities where province_code = '990100000'),
  'its roll-ups cover the cities and municipalities of its province');
select is_empty($$ select 1 from public.responses $$, 'it reads no answers');
select is_empty($$ select 1 from public.reviews $$, 'it reads no reviews');
select is_empty($$ select 1 from public.events $$, 'it reads no events');
select ok((select count(*) from public.barangays where name in ('Barangay ovs', 'Neighbour ovs')) = 2,
  'it reads the barangays of its province');
select is_empty(
  format($$ select 1 from public.published_cycle_summary(%L) $$, (select cycle_id from public.assessments where id = :'done')),
  'it reads the roll-up of its scope, a group of fewer than five completed barangays left out');
select throws_ok(format($$ select public.lock_assessment(%L, 'Oversight') $$, :'done'), '42501', null,
  'it changes nothing');
-- What an office's frontend lists: the official results of its places, joined to the hierarchy by
-- the result's own city or municipality.
select results_eq(
  $$ select r.assessment_id from public.official_results r
     join public.cities_municipalities c on c.psgc_code = r.city_municipality_code
     join public.provinces p on p.psgc_code = c.province_code
     where p.psgc_code = '990100000' and r.completed $$,
  format($$ values (%L::uuid) $$, :'done'),
  'it lists the official results of its province by their city or municipality');
select results_eq(
  $$ select assessment_id from public.official_results
     where region_code = '990000000' and province_code = '990100000' and completed $$,
  format($$ values (%L::uuid) $$, :'done'),
  'and by the region and province codes each result carries');

-- The central office reads the whole country's completed assessments; another office none of these.
select tests.act_as('ovs-central@test.local');
select ok(exists (select 1 from public.assessments where id = :'done'), 'the central office reads the completed assessment');
select ok(not exists (select 1 from public.assessments where id = :'draft'), 'but not the draft');
select is_empty(format($$ select 1 from public.classification_results where assessment_id = %L $$, :'draft'),
  'nor its official result');
select is(private.oversight_scope_code(), null, 'it has no scope code: it oversees the whole country');
select tests.act_as('ovs-far@test.local');
select is_empty(format($$ select 1 from public.assessments where id = %L $$, :'done'),
  'an office of another city or municipality does not read it');
select is_empty(format($$ select 1 from public.official_results where assessment_id = %L $$, :'done'),
  'nor its official result');
select is_empty($$ select 1 from public.barangays where name in ('Barangay ovs', 'Neighbour ovs') $$,
  'nor its barangays');
select is(private.oversight_scope_code(), '990107000', 'the one place it oversees is its city or municipality');

-- The municipal roles read no more through the oversight branch.
select tests.act_as('ovs-assessor-1@test.local');
select is_empty($$ select 1 from public.classification_results $$,
  'an assessor of the same place reads no classification result, completed or not');
select is(private.oversight_scope_code(), null, 'and oversees no place');

-- The MLGOO does not hand out oversight.
select tests.act_as('ovs-mlgoo@test.local');
select throws_ok(
  format($$ select public.admin_set_user_role(%L, 'oversight') $$, tests.user_id('ovs-neighbour@test.local')),
  '42501', null, 'the MLGOO cannot make an oversight user');
select tests.act_as_postgres();
select is((select oversight_scope_code from public.profiles where email = 'ovs-province@test.local'), '990100000',
  'create_oversight_user records the scope');

select * from finish();
rollback;
