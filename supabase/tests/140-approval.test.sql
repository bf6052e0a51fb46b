-- Transitions 8-10: the MLGOO approves, overrides a leaf or a parent indicator (reason required,
-- re-classified at once) and sends named leaves back for recalibration once per assessment.

begin;
select plan(37);

select tests.wf_fixture('appr') as a \gset
select tests.wf_advance(:'a', 'appr', 'awaiting_approval');
select tests.wf_leaf(:'a', '1.1.1') as leaf \gset
select tests.wf_leaf(:'a', '1.3.1') as considerable \gset
select parent_id as parent from public.indicators where id = :'leaf' \gset
delete from public.jobs where assessment_id = :'a';

-- Override ---------------------------------------------------------------------------------------

select tests.act_as('appr-mlgoo@test.local');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'leaf', 'unmet', ''), 'VA003', :'a',
  'An override without a reason is refused');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'leaf', 'considered', 'x'), 'VA008', :'a',
  'Considered is refused on a leaf without a consideration rule');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'parent', 'considered', 'x'), 'VA008', :'a',
  'A parent indicator is decided met or unmet only');
select lives_ok(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'leaf', 'unmet', 'Ordinance signed after the deadline'),
  'The MLGOO overrides a leaf with a reason');
select lives_ok(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'parent', 'met', 'Seen during the site visit'),
  'The MLGOO decides a parent indicator with a reason');
select tests.act_as_postgres();
select is((select override_decision::text || ' / ' || decision::text from public.reviews where assessment_id = :'a' and leaf_id = :'leaf'),
  'unmet / met', 'The override is kept beside the validator''s decision');
select is((select decision::text from public.indicator_overrides where assessment_id = :'a' and indicator_id = :'parent'), 'met',
  'The parent decision is an indicator override');
select is(tests.wf_status(:'a'), 'awaiting_approval', 'The assessment still awaits approval');
select is((select count(*)::int from public.jobs where assessment_id = :'a' and result_kind = 'official'), 1,
  'An official re-classification is queued (one queued job, not one per override)');
select is((select array_agg(from_status || '>' || to_status order by id) from public.events where assessment_id = :'a' and action = 'decision_overridden'),
  array['met>unmet', null], 'Each override is an event with from and to');
select is((select bool_or(visible_to_barangay) from public.events where assessment_id = :'a' and action = 'decision_overridden'), false,
  'Override events are hidden from the barangay until completion');

select tests.act_as('appr-validator@test.local');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'leaf', 'met', 'x'), '42501', :'a',
  'A validator cannot override');
select tests.act_as('appr-blgu@test.local');
select tests.wf_refuses(format('select public.approve_assessment(%L)', :'a'), '42501', :'a',
  'The barangay cannot approve');

-- Recalibration ----------------------------------------------------------------------------------

select tests.act_as('appr-mlgoo@test.local');
select tests.wf_refuses(format('select public.request_recalibration(%L, %L)', :'a', array[:'considerable']::uuid[]), 'VA003', :'a',
  'A recalibration naming a leaf without a comment is refused');
select public.add_comment(:'a', 'Show the council minutes of the March session', 'public', :'considerable');
select is((public.request_recalibration(:'a', array[:'considerable']::uuid[])).status::text, 'recalibration',
  'The MLGOO requests a recalibration');
select tests.act_as_postgres();
select ok((select recalibration_used from public.assessments where id = :'a'), 'The recalibration is used');
select is((select array_agg(leaf_id) from public.reviews where assessment_id = :'a' and flagged_for_recalibration),
  array[:'considerable']::uuid[], 'The named leaf is flagged');
select tests.act_as('appr-mlgoo@test.local');
select tests.wf_refuses(format('select public.approve_assessment(%L)', :'a'), 'VA001', :'a',
  'An assessment in recalibration cannot be approved');
select tests.act_as('appr-blgu@test.local');
select is((public.submit_recalibration(:'a')).status::text, 'awaiting_approval', 'The barangay answers the recalibration');
select tests.act_as_postgres();
select ok((select count(*) > 0 from public.notifications where assessment_id = :'a' and kind = 'recalibration_submitted'
           and recipient_id = tests.user_id('appr-mlgoo@test.local')), 'The answer goes back to the MLGOO');
select tests.act_as('appr-mlgoo@test.local');
select tests.wf_refuses(format('select public.request_recalibration(%L, %L)', :'a', array[:'considerable']::uuid[]), 'VA002', :'a',
  'A second recalibration is refused');

-- Approve -----------------------------------------------------------------------------------------

select is((public.approve_assessment(:'a')).status::text, 'completed', 'The MLGOO approves');
select tests.act_as_postgres();
select is((select approved_by from public.assessments where id = :'a'), tests.user_id('appr-mlgoo@test.local'), 'The approver is recorded');
select is((select count(*)::int from public.jobs where assessment_id = :'a' and result_kind = 'official'), 1, 'The official classification is queued');
select ok((select count(*) > 0 from public.notifications where assessment_id = :'a' and kind = 'assessment_completed'
           and recipient_id = tests.user_id('appr-blgu@test.local')), 'The barangay is told its results are available');
select tests.act_as('appr-mlgoo@test.local');
select tests.wf_refuses(format('select public.approve_assessment(%L)', :'a'), 'VA001', :'a', 'A completed assessment cannot be approved again');
select tests.wf_refuses(format('select public.override_decision(%L, %L, %L, %L)', :'a', :'leaf', 'met', 'x'), 'VA001', :'a',
  'Overrides are refused once completed');

select * from finish();
rollback;
