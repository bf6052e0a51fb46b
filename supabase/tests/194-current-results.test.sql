-- What the policies read from a row instead of looking it up: an assessment's city or municipality
-- (copied from its barangay), a result's cycle, place and completion (kept in step with the
-- assessment) and which result of a kind is the current one (official_results reads it).
begin;
select plan(13);

select tests.wf_fixture('cur') as a \gset
select tests.wf_advance(:'a', 'cur', 'completed');
select is((select city_municipality_code from public.assessments where id = :'a'),
  (select b.city_municipality_code from public.assessments x join public.barangays b on b.id = x.barangay_id where x.id = :'a'),
  'an assessment carries its barangay''s city or municipality');

insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent, created_at)
values (:'a', 'official', 'test', repeat('1', 64), '{"areas": []}', false, 50, now() - interval '1 hour');
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
values (:'a', 'official', 'test', repeat('2', 64), '{"areas": []}', true, 100),
       (:'a', 'projection', 'test', repeat('3', 64), '{"areas": []}', true, 100);

select results_eq(
  format($$ select input_hash, is_current from public.classification_results where assessment_id = %L order by input_hash $$, :'a'),
  format($$ values (%L, false), (%L, true), (%L, true) $$, repeat('1', 64), repeat('2', 64), repeat('3', 64)),
  'the newest result of each kind is the current one, and only it');
select is((select passed from public.official_results where assessment_id = :'a'), true,
  'official_results shows the current official result');
select results_eq(
  format($$ select cycle_id, city_municipality_code, assessment_completed from public.classification_results
            where assessment_id = %L and input_hash = %L $$, :'a', repeat('2', 64)),
  format($$ select cycle_id, city_municipality_code, true from public.assessments where id = %L $$, :'a'),
  'a result carries its assessment''s cycle, city or municipality and completion');
select is((select city_municipality_code from public.official_results where assessment_id = :'a'),
  (select city_municipality_code from public.assessments where id = :'a'),
  'official_results names the assessment''s city or municipality');

-- Recomputing an input already stored refreshes it (the classify function's upsert): it is current again.
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
values (:'a', 'official', 'test', repeat('1', 64), '{"areas": []}', false, 50)
on conflict (assessment_id, kind, input_hash) do update set created_at = now();
select is((select input_hash from public.classification_results where assessment_id = :'a' and kind = 'official' and is_current),
  repeat('1', 64), 'a refreshed result becomes the current one');
select is((select count(*)::integer from public.classification_results where assessment_id = :'a' and kind = 'official' and is_current),
  1, 'one official result is current');
select is((select passed from public.official_results where assessment_id = :'a'), false,
  'official_results follows it');
select throws_ok(
  format($$ update public.classification_results set is_current = true where assessment_id = %L and kind = 'official' $$, :'a'),
  '23505', null, 'two current results of one kind are refused');

-- Completion is kept in step: reopened, the results are no longer final; completed again, they are.
select private.declare_workflow_write();
update public.assessments set status = 'reopened', resume_status = 'awaiting_validation' where id = :'a';
select is((select bool_or(assessment_completed) from public.classification_results where assessment_id = :'a'), false,
  'a reopened assessment''s results are not final');
select is((select completed from public.official_results where assessment_id = :'a'), false,
  'official_results says so');
update public.assessments set status = 'completed', resume_status = null where id = :'a';
select is((select bool_and(assessment_completed) from public.classification_results where assessment_id = :'a'), true,
  'completed again, they are');

-- A barangay stays in its city or municipality: what its assessments and results copied stays true.
select tests.act_as('cur-mlgoo@test.local');
select throws_ok(
  format($$ update public.barangays set city_municipality_code = city_municipality_code
            where id = (select barangay_id from public.assessments where id = %L) $$, :'a'),
  '42501', null, 'nobody moves a barangay to another city or municipality');

select * from finish();
rollback;
