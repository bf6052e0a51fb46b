-- A barangay sees its own readiness: per sub-indicator whether its files are complete, the upload
-- slots still missing, what its answers fall short of and its answered items, per area and overall
-- a readiness percent. Acting as the barangay (RLS in force), it is computed only from the
-- barangay's files and answers (the readiness result the classify function stores): it carries no
-- checklist value, decision or verdict, and reviewers' work, their projections included, does not
-- change it.

begin;
select plan(39);

select tests.wf_fixture('rdy') as a \gset
select cycle_id as cycle from public.assessments where id = :'a' \gset
select tests.wf_leaf(:'a', '1.1.1') as budget \gset
select tests.wf_leaf(:'a', '3.1.8') as counted \gset
select slot_key as missing_slot, label as missing_label from public.upload_slots where indicator_id = :'budget' order by sort_order limit 1 \gset
select count(*) as scored,
       count(*) filter (where leaf.area_code = 1) as scored_in_area_1
from public.indicators leaf join public.indicators parent on parent.id = leaf.parent_id
where leaf.cycle_id = :'cycle' and not leaf.is_profiling_only and not parent.is_profiling_only \gset

create temporary table fx as select :'a'::uuid as assessment;
grant select on fx to authenticated;
create function pg_temp.readiness()
returns jsonb
language sql
as $$
  select public.barangay_readiness((select assessment from fx));
$$;
create function pg_temp.leaf(p_code text)
returns jsonb
language sql
as $$
  select leaf from jsonb_array_elements(pg_temp.readiness() -> 'leaves') as leaf where leaf ->> 'code' = p_code;
$$;
grant execute on function pg_temp.readiness(), pg_temp.leaf(text) to authenticated;

-- Before the first upload is classified ----------------------------------------------------------------

select tests.act_as('rdy-blgu@test.local');
select is((pg_temp.readiness() ->> 'readinessPercent')::numeric, 0::numeric, 'Before any file is classified the barangay is 0 % ready');
select is(pg_temp.readiness() ->> 'asOf', null, 'and no classification is dated yet');
select is(pg_temp.leaf('1.1.1') -> 'missingSlots', 'null'::jsonb, 'Missing slots are not known before the first classification');
select is(pg_temp.leaf('3.1.8') -> 'shortfalls', 'null'::jsonb, 'nor shortfalls');
select is((pg_temp.leaf('1.1.1') ->> 'complete')::boolean, false, 'No sub-indicator counts as complete');

-- The barangay saves answers short of a requirement: a readiness classification is queued -------------

select public.save_answers(:'a', :'counted', '{"3_1_8_count": 2}', 0);
select is(pg_temp.readiness() ->> 'pending', 'true', 'Saved answers are being classified: the readiness says it is pending');
select tests.act_as_postgres();
select is((select count(*)::int from public.jobs where assessment_id = :'a' and result_kind = 'readiness' and status <> 'done'), 1,
  'save_answers queued the barangay''s readiness');
update public.jobs set status = 'done', finished_at = now() where assessment_id = :'a';

-- The readiness the classify function stored from those answers and the files: every leaf's files
-- complete but 1.1.1's first slot, 3.1.8 two CIR transmittals of three (with its English text). A
-- projection from the reviewers' work says everything is met, with a shortfall of its own. ------------

-- A result as the classify function stores it (only the fields read here): every leaf's files
-- complete but p_incomplete's first slot, and p_short's one shortfall.
create function pg_temp.store_result(p_kind public.result_kind, p_hash text, p_verdict text,
                                     p_incomplete uuid, p_short uuid, p_shortfall jsonb)
returns void
language sql
as $$
  insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
  select a.id, p_kind, 'test', repeat(p_hash, 64), jsonb_build_object(
    'leaves', jsonb_agg(jsonb_build_object(
      'code', leaf.code, 'recommendation', p_verdict, 'passes', p_verdict = 'met', 'projected', p_verdict,
      'shortfalls', case when leaf.id = p_short then jsonb_build_array(p_shortfall) else '[]'::jsonb end,
      'completeness', jsonb_build_object(
        'complete', leaf.id is distinct from p_incomplete,
        'missingSlots', case when leaf.id = p_incomplete
          then (select jsonb_build_array(s.slot_key) from public.upload_slots s
                where s.indicator_id = leaf.id order by s.sort_order limit 1)
          else '[]'::jsonb end,
        'satisfiedOption', null))),
    'projection', jsonb_build_object('kind', 'projection', 'passed', p_verdict = 'met')), p_verdict = 'met', 0
  from public.assessments a
  join public.indicators leaf on leaf.cycle_id = a.cycle_id and leaf.parent_id is not null
  where a.id = (select assessment from fx)
  group by a.id;
$$;
select pg_temp.store_result('readiness', '2', 'unmet', :'budget', :'counted', jsonb_build_object(
  'rule', 'count', 'item', '3_1_8_count', 'actual', 2, 'required', 3,
  'counted', jsonb_build_object('en', 'CIR transmittals (1st to 3rd quarter of 2089)',
                                 'fil', 'CIR transmittal (ika-1 hanggang ika-3 quarter ng 2089)'), 'page', 27,
  'texts', jsonb_build_object('en', '2 of 3 CIR transmittals (1st to 3rd quarter of 2089)',
                              'fil', '2 sa 3 na CIR transmittal (ika-1 hanggang ika-3 quarter ng 2089)')));
select pg_temp.store_result('projection', '1', 'met', null, :'budget', jsonb_build_object(
  'rule', 'count', 'item', '1_1_1_bfdp_count', 'actual', 1, 'required', 9, 'counted', 'reviewer-only count', 'page', 1));
insert into public.reviews (assessment_id, leaf_id, area_code, checklist, decision, decision_remarks)
values (:'a', :'budget', 1, '{"1_1_1_a": true}', 'unmet', 'Remark for the validator only');

select tests.act_as('rdy-blgu@test.local');
select is((select count(*)::int from public.classification_results where assessment_id = :'a'), 0,
  'The barangay cannot read the results themselves, its readiness and the projection alike');
select is(pg_temp.leaf('3.1.8') -> 'shortfalls',
  jsonb_build_array(jsonb_build_object('rule', 'count', 'item', '3_1_8_count', 'actual', 2, 'required', 3,
    'counted', jsonb_build_object('en', 'CIR transmittals (1st to 3rd quarter of 2089)',
                                  'fil', 'CIR transmittal (ika-1 hanggang ika-3 quarter ng 2089)'), 'page', 27,
    'text', '2 of 3 CIR transmittals (1st to 3rd quarter of 2089)')),
  'The barangay sees what its own answers fall short of, as data and in English, its preferred language');
update public.profiles set preferred_language = 'fil' where id = (select auth.uid());
select is(pg_temp.leaf('3.1.8') -> 'shortfalls' -> 0 ->> 'text', '2 sa 3 na CIR transmittal (ika-1 hanggang ika-3 quarter ng 2089)',
  'A barangay user who prefers Filipino reads the shortfall in Filipino');
update public.profiles set preferred_language = 'ceb' where id = (select auth.uid());
select is(pg_temp.leaf('3.1.8') -> 'shortfalls' -> 0 ->> 'text', '2 of 3 CIR transmittals (1st to 3rd quarter of 2089)',
  'and one who prefers Cebuano, in which no shortfall is written, in English');
update public.profiles set preferred_language = 'en' where id = (select auth.uid());
select is(pg_temp.leaf('1.1.1') -> 'shortfalls', '[]'::jsonb,
  'and not the shortfall the reviewers'' projection found');
select is((select count(*)::int from public.reviews where assessment_id = :'a'), 0,
  'nor the reviews');
select is((pg_temp.leaf('1.1.1') ->> 'complete')::boolean, false, 'The barangay sees that 1.1.1 is incomplete');
select is(pg_temp.leaf('1.1.1') -> 'missingSlots',
  jsonb_build_array(jsonb_build_object('slotKey', :'missing_slot', 'label', :'missing_label')),
  'and which upload slot it misses, with its label');
select is((pg_temp.leaf('1.1.2') ->> 'complete')::boolean, true, 'A sub-indicator with its files is complete');
select is(pg_temp.leaf('1.1.2') -> 'missingSlots', '[]'::jsonb, 'and misses nothing');
select is((pg_temp.readiness() ->> 'scoredLeaves')::int, :scored, 'Readiness counts the scored sub-indicators');
select is((pg_temp.readiness() ->> 'completeLeaves')::int, :scored - 1, 'and the complete ones');
select is((pg_temp.readiness() ->> 'readinessPercent')::numeric, round(100.0 * (:scored - 1) / :scored, 1),
  'The readiness percent is the share of scored sub-indicators with their files, not the projection''s 100');
select is((select (area ->> 'readinessPercent')::numeric from jsonb_array_elements(pg_temp.readiness() -> 'areas') as area
           where area ->> 'areaCode' = '1'), round(100.0 * (:scored_in_area_1 - 1) / :scored_in_area_1, 1),
  'Each area has its own readiness percent');
select isnt(pg_temp.readiness() ->> 'asOf', null, 'The readiness says when the files were classified');

-- Only files and answers: no reviewer data, and reviewers' work changes nothing --------------------------

select is((select array_agg(key order by key) from jsonb_object_keys(pg_temp.readiness()) as key),
  array['areas', 'asOf', 'assessmentId', 'completeLeaves', 'leaves', 'pending', 'readinessPercent', 'scoredLeaves'],
  'The readiness has no verdict, overall or per area');
select is((select array_agg(key order by key) from jsonb_object_keys(pg_temp.leaf('1.1.1')) as key),
  array['answerableItems', 'answeredItems', 'areaCode', 'code', 'complete', 'leafId', 'missingSlots', 'satisfiedOption', 'scored', 'shortfalls'],
  'A sub-indicator''s readiness has no checklist value, recommendation, decision or verdict');
select is((select array_agg(distinct key order by key) from jsonb_array_elements(pg_temp.readiness() -> 'areas') as area,
           jsonb_object_keys(area) as key),
  array['areaCode', 'completeLeaves', 'readinessPercent', 'scoredLeaves'], 'An area''s readiness has no verdict');
select ok(strpos(pg_temp.readiness()::text, 'Remark for the validator only') = 0, 'The validator''s remark is nowhere in it');
select ok(strpos(pg_temp.readiness()::text, 'reviewer-only') = 0, 'nor anything of the reviewers'' projection');
select pg_temp.readiness() as before_review \gset
select tests.act_as_postgres();
update public.reviews set checklist = '{"1_1_1_a": false}', decision = 'met', override_decision = 'unmet', override_reason = 'x'
where assessment_id = :'a' and leaf_id = :'budget';
insert into public.indicator_overrides (assessment_id, indicator_id, area_code, decision, reason)
select :'a', parent_id, 1, 'unmet', 'Not functional' from public.indicators where id = :'budget';
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
values (:'a', 'projection', 'test', repeat('3', 64), '{"leaves": []}', false, 0),
       (:'a', 'official', 'test', repeat('4', 64), '{"leaves": []}', false, 0);
select tests.act_as('rdy-blgu@test.local');
select is(pg_temp.readiness(), :'before_review'::jsonb,
  'Changing checklist values, decisions and overrides, or a newer projection or official result, does not change the barangay''s readiness');

-- Answers ------------------------------------------------------------------------------------------------

select tests.act_as_postgres();
update public.jobs set status = 'done', finished_at = now() where assessment_id = :'a';
select tests.act_as('rdy-blgu@test.local');
select is(pg_temp.readiness() ->> 'pending', 'false', 'Once classified, the readiness is no longer pending');
select public.save_answers(:'a', :'budget', '{"1_1_1_a": true, "1_1_1_bfdp_count": 2, "1_1_1_b": null}', 0);
select is(pg_temp.leaf('1.1.1') ->> 'answeredItems', '2', 'The barangay''s own answers count as answered items');
select is(pg_temp.leaf('1.1.1') ->> 'answerableItems',
  (select count(*)::text from public.checklist_items where indicator_id = :'budget'), 'out of the items it can answer');

-- Pending, and who else may look ---------------------------------------------------------------------------

select tests.act_as_postgres();
update public.jobs set status = 'done', finished_at = now() where assessment_id = :'a';
select private.enqueue_classification(:'a', 'projection');
select tests.act_as('rdy-blgu@test.local');
select is(pg_temp.readiness() ->> 'pending', 'false', 'A projection being computed for the reviewers is not the barangay''s readiness');
select tests.act_as_postgres();
select private.enqueue_file_change(:'a');
select tests.act_as('rdy-blgu@test.local');
select is(pg_temp.readiness() ->> 'pending', 'true', 'While an upload is being classified the readiness says it is pending');
select tests.act_as('rdy-neighbour@test.local');
select throws_ok(format('select public.barangay_readiness(%L)', :'a'), '42501', null, 'Another barangay cannot see it');
select tests.act_as('rdy-assessor-1@test.local');
select throws_ok(format('select public.barangay_readiness(%L)', :'a'), '42501', null, 'An assessor cannot');
select tests.act_as('rdy-validator@test.local');
select throws_ok(format('select public.barangay_readiness(%L)', :'a'), 'VA007', null, 'A validator cannot before validation');
select tests.act_as('rdy-mlgoo@test.local');
select is((pg_temp.readiness() ->> 'completeLeaves')::int, :scored - 1, 'The MLGOO sees what the barangay sees');
select is((select array_agg(kind::text order by kind) from public.classification_results where assessment_id = :'a'),
  array['projection', 'projection', 'official'],
  'but reads no readiness result in the table: the barangay''s answers are never a recommendation');
select tests.act_as_anon();
select throws_ok(format('select public.barangay_readiness(%L)', :'a'), '42501', null, 'Anonymous callers cannot');
select tests.act_as_postgres();

select * from finish();
rollback;
