-- A barangay never sees compliance (checklist values, decisions, overrides, classification results,
-- internal notes, hidden events) before its assessment is completed; it sees them once completed.

begin;
select plan(16);

create temporary table fx (key text primary key, id uuid);
insert into fx values
  ('cycle', tests.create_cycle(2090)),
  ('brgy', tests.create_barangay('990000301', 'Visibility Barangay'));
insert into fx select 'a', tests.create_assessment((select id from fx where key = 'cycle'), (select id from fx where key = 'brgy'));
insert into fx select 'leaf', tests.leaf_id((select id from fx where key = 'cycle'), '1.1.1');
insert into fx select 'parent', parent_id from public.indicators where id = (select id from fx where key = 'leaf');
select tests.create_user('v-blgu@t.local', 'blgu', (select id from fx where key = 'brgy'));
grant select on fx to authenticated;

update public.assessments
set status = 'awaiting_approval', validation_started_at = now(), validated_at = now()
where id = (select id from fx where key = 'a');
insert into public.responses (assessment_id, leaf_id, area_code, answers)
select (select id from fx where key = 'a'), (select id from fx where key = 'leaf'), 1, '{"x": "yes"}';
insert into public.reviews (assessment_id, leaf_id, area_code, checklist, decision, decision_remarks)
select (select id from fx where key = 'a'), (select id from fx where key = 'leaf'), 1, '{"x": true}', 'unmet', 'Not signed';
insert into public.indicator_overrides (assessment_id, indicator_id, area_code, decision, reason)
select (select id from fx where key = 'a'), (select id from fx where key = 'parent'), 1, 'unmet', 'Not functional';
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
select (select id from fx where key = 'a'), kind::public.result_kind, 'test', encode(extensions.digest(kind, 'sha256'), 'hex'), '{}', false, 40
from unnest(array['projection', 'official']) as kind;
insert into public.comments (assessment_id, leaf_id, area_code, visibility, body, author_role, stage)
select (select id from fx where key = 'a'), (select id from fx where key = 'leaf'), 1, visibility::public.comment_visibility,
       visibility || ' comment', 'validator', 'awaiting_validation'
from unnest(array['public', 'internal']) as visibility;
insert into public.events (assessment_id, action, area_code, visible_to_barangay)
select (select id from fx where key = 'a'), action, 1, action = 'area_submitted'
from unnest(array['area_submitted', 'leaf_decided']) as action;

create function pg_temp.seen(p_table text, p_filter text default 'true')
returns integer
language plpgsql
as $$
declare
  v_count integer;
begin
  execute format('select count(*) from public.%I where assessment_id = (select id from fx where key = %L) and %s',
    p_table, 'a', p_filter) into v_count;
  return v_count;
end;
$$;
grant execute on function pg_temp.seen(text, text) to authenticated;

select tests.act_as('v-blgu@t.local');
select is(pg_temp.seen('responses'), 1, 'before completion a barangay reads its own answers');
select is(pg_temp.seen('leaf_history', $$source = 'answers'$$), 1, 'before completion a barangay reads the history of its answers');
select is(pg_temp.seen('reviews'), 0, 'before completion a barangay sees no checklist value or decision');
select is(pg_temp.seen('leaf_history', $$source <> 'answers'$$), 0, 'before completion a barangay sees no reviewer history');
select is(pg_temp.seen('indicator_overrides'), 0, 'before completion a barangay sees no indicator override');
select is(pg_temp.seen('classification_results'), 0, 'before completion a barangay sees no classification result, not even a projection');
select is(pg_temp.seen('events', $$action = 'leaf_decided'$$), 0, 'before completion a barangay sees no hidden event');
select is(pg_temp.seen('events', $$action = 'area_submitted'$$), 1, 'a barangay sees the events of its progress');
select is(pg_temp.seen('comments', $$visibility = 'public'$$), 1, 'a barangay reads public comments');
select is(pg_temp.seen('comments', $$visibility = 'internal'$$), 0, 'a barangay never reads internal notes');

select tests.act_as_postgres();
update public.assessments set status = 'completed', approved_at = now() where id = (select id from fx where key = 'a');
select tests.act_as('v-blgu@t.local');
select is(pg_temp.seen('reviews'), 1, 'once completed a barangay reads its decisions');
select is(pg_temp.seen('indicator_overrides'), 1, 'once completed a barangay reads the indicator overrides');
select is(pg_temp.seen('classification_results', $$kind = 'official'$$), 1, 'once completed a barangay reads its official result');
select is(pg_temp.seen('classification_results', $$kind = 'projection'$$), 0, 'a barangay never reads projections');
select is(pg_temp.seen('events'), 2, 'once completed a barangay reads its whole timeline');
select is(pg_temp.seen('comments', $$visibility = 'internal'$$), 0, 'internal notes stay hidden after completion');

select * from finish();
rollback;
