-- Overrides decide only what is scored. An indicator whose sub-indicators are all profiling-only
-- (4.9) or a profiling-only sub-indicator is never scored, and the classifier refuses an override
-- on it, so the database refuses it first (VA008) and writes or queues nothing.

begin;
select plan(11);

select tests.wf_fixture('prof') as a \gset
select tests.wf_advance(:'a', 'prof', 'awaiting_approval');
select tests.wf_leaf(:'a', '4.9.1') as profiling_leaf \gset
select parent_id as profiling_parent from public.indicators where id = :'profiling_leaf' \gset
select tests.wf_leaf(:'a', '4.1.7') as profiling_leaf_of_scored \gset
select parent_id as scored_parent from public.indicators where id = :'profiling_leaf_of_scored' \gset
delete from public.jobs where assessment_id = :'a';

select tests.act_as('prof-mlgoo@test.local');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'profiling_parent', 'unmet', 'Not organized'),
  'VA008', :'a', 'An Unmet override on a parent whose sub-indicators are all profiling-only (4.9) is refused');
select throws_like(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'profiling_parent', 'unmet', 'Not organized'),
  'Indicator 4.9 is profiling-only%', 'The refusal says why');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'profiling_parent', 'met', 'Organized'),
  'VA008', :'a', 'A Met override on it is refused too');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'profiling_leaf', 'unmet', 'Not organized'),
  'VA008', :'a', 'An override on a profiling-only sub-indicator is refused');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'profiling_leaf_of_scored', 'unmet', 'No data'),
  'VA008', :'a', 'An override on a profiling-only sub-indicator of a scored indicator (4.1.7) is refused');
select lives_ok(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'scored_parent', 'unmet', 'The VAW desk is not functional'),
  'A scored indicator with a profiling-only sub-indicator (4.1) can still be decided Unmet');
select tests.act_as_postgres();
select is((select count(*)::int from public.jobs where assessment_id = :'a' and result_kind = 'official'), 1,
  'Only the accepted override queued an official classification');

select * from finish();
rollback;
