-- Katuparan feed: anonymized aggregates of published cycles from stored official results, with
-- groups of fewer than five completed barangays suppressed.
begin;
select plan(13);

create temporary table feed_fixture as
select tests.create_cycle(2091) as cycle_id;
grant select on feed_fixture to authenticated;

-- Six completed barangays in Big Town (four pass, area 1 passes in five), three in Small Town.
select tests.create_city_municipality('990102000', 'Big Town'), tests.create_city_municipality('990103000', 'Small Town');
insert into public.barangays (psgc_code, name, city_municipality_code)
select lpad((990100000 + n)::text, 9, '0'), 'Feed ' || n,
       case when n <= 6 then '990102000' else '990103000' end
from generate_series(1, 9) as n;

insert into public.assessments (cycle_id, barangay_id, status, approved_at)
select (select cycle_id from feed_fixture), b.id, 'completed', now()
from public.barangays b where b.psgc_code like '9901%';

insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
select a.id, 'official', 'test', encode(extensions.digest(a.id::text, 'sha256'), 'hex'),
       jsonb_build_object('areas', jsonb_build_array(
         jsonb_build_object('code', 1, 'passes', right(b.psgc_code, 1)::integer <= 5),
         jsonb_build_object('code', 4, 'passes', right(b.psgc_code, 1)::integer <= 4))),
       right(b.psgc_code, 1)::integer <= 4, 100
from public.assessments a join public.barangays b on b.id = a.barangay_id
where b.psgc_code like '9901%';

select results_eq(
  $$ select r.areas_assessed, r.areas_passed from public.classification_results r
     join public.assessments a on a.id = r.assessment_id join public.barangays b on b.id = a.barangay_id
     where b.psgc_code = '990100005' $$,
  $$ values ('[1, 4]'::jsonb, '[1]'::jsonb) $$,
  'a stored result keeps the codes of the areas it decides and of those it passes, for the roll-ups');

select tests.create_user('feed-katuparan@test.local', 'katuparan');
select tests.create_user('feed-mlgoo@test.local', 'mlgoo', null, null, '990102000');
select tests.create_user('feed-validator@test.local', 'validator');

select tests.act_as('feed-katuparan@test.local');
select throws_ok(
  $$ select * from public.published_cycle_summary((select cycle_id from feed_fixture)) $$,
  'VA001', null, 'katuparan cannot read a cycle that is not published');
select throws_ok(
  $$ select * from public.published_cycle_summary(gen_random_uuid()) $$,
  'VA007', null, 'an unknown cycle is reported as not found');

select tests.act_as('feed-mlgoo@test.local');
select results_eq(
  $$ select city_municipality, completed from public.published_cycle_summary((select cycle_id from feed_fixture)) $$,
  $$ values ('Big Town'::text, 6) $$,
  'the MLGOO reads its own city or municipality''s aggregates before publishing');

select tests.act_as_postgres();
select tests.create_user('feed-admin@test.local', 'administrator');
select tests.act_as('feed-admin@test.local');
select lives_ok(
  $$ select public.publish_cycle((select cycle_id from feed_fixture)) $$,
  'the central administrator publishes the cycle');

select tests.act_as('feed-katuparan@test.local');
select results_eq(
  $$ select city_municipality, barangays, completed, passed
     from public.published_cycle_summary((select cycle_id from feed_fixture)) $$,
  $$ values ('Big Town'::text, 6, 6, 4) $$,
  'katuparan sees the totals of a group of six barangays');
select is(
  (select area_passed from public.published_cycle_summary((select cycle_id from feed_fixture))),
  '{"1": 5, "4": 4}'::jsonb,
  'katuparan sees passes per area from the stored official results');
select is_empty(
  $$ select 1 from public.published_cycle_summary((select cycle_id from feed_fixture))
     where city_municipality = 'Small Town' $$,
  'a group of fewer than five barangays is suppressed');
select is_empty(
  $$ select 1 from public.classification_results $$,
  'katuparan still reads no row-level result');

-- Oversight offices: the roll-up of their own scope.
select tests.act_as_postgres();
select tests.create_user(email, 'oversight') from unnest(array['feed-province@test.local', 'feed-small-town@test.local']) as email;
select private.create_office_user('feed-province@test.local', 'oversight', '990100000');
select private.create_office_user('feed-small-town@test.local', 'oversight', '990103000');
select tests.act_as('feed-province@test.local');
select results_eq(
  $$ select city_municipality, completed from public.published_cycle_summary((select cycle_id from feed_fixture)) $$,
  $$ values ('Big Town'::text, 6) $$,
  'a provincial office reads the roll-up of its province');
select tests.act_as('feed-small-town@test.local');
select is_empty(
  $$ select 1 from public.published_cycle_summary((select cycle_id from feed_fixture)) where city_municipality = 'Big Town' $$,
  'an office of another city or municipality does not read it');

select tests.act_as('feed-validator@test.local');
select throws_ok(
  $$ select * from public.published_cycle_summary((select cycle_id from feed_fixture)) $$,
  '42501', null, 'a validator does not read the katuparan feed');

select tests.act_as_anon();
select throws_ok(
  $$ select * from public.published_cycle_summary(gen_random_uuid()) $$,
  '42501', null, 'anon cannot call the katuparan feed');

select * from finish();
rollback;
