-- Transitions 5-7: the validator decides each leaf (Considered only where a consideration rule
-- exists), sends named leaves back for calibration once per area (each with a public comment), gets
-- the barangay's answer back, and finalizes once every scored leaf is decided.

begin;
select plan(45);

select tests.wf_fixture('val') as a \gset
select tests.wf_advance(:'a', 'val', 'awaiting_validation');
select tests.wf_leaf(:'a', '1.1.1') as plain \gset
select tests.wf_leaf(:'a', '1.3.1') as considerable \gset
select tests.wf_leaf(:'a', '1.6.1') as other \gset

-- Decisions ------------------------------------------------------------------------------------------

select tests.act_as('val-validator@test.local');
select is(public.decide_leaf(:'a', :'plain', 'unmet', 0, 'No appropriation ordinance'), 1, 'The validator decides a leaf');
select tests.wf_refuses(format('select public.decide_leaf(%L, %L, %L, 0)', :'a', :'plain', 'met'), 'VA004', :'a',
  'A decision from a stale version is refused');
select tests.wf_refuses(format('select public.decide_leaf(%L, %L, %L, 1)', :'a', :'plain', 'considered'), 'VA008', :'a',
  'Considered is refused where the leaf has no consideration rule');
select is(public.decide_leaf(:'a', :'considerable', 'considered', 0), 1, 'Considered is accepted where the rule exists (1.3.1)');
select tests.act_as('val-assessor-1@test.local');
select tests.wf_refuses(format('select public.decide_leaf(%L, %L, %L, 1)', :'a', :'plain', 'met'), '42501', :'a',
  'An assessor cannot decide');
select tests.act_as('val-blgu@test.local');
select tests.wf_refuses(format('select public.decide_leaf(%L, %L, %L, 1)', :'a', :'plain', 'met'), '42501', :'a',
  'The barangay cannot decide');
select tests.act_as_postgres();
select is((select visible_to_barangay from public.events where assessment_id = :'a' and action = 'leaf_decided' limit 1), false,
  'Decision events are hidden from the barangay until completion');

-- Calibration -----------------------------------------------------------------------------------------

select tests.act_as('val-validator@test.local');
select tests.wf_refuses(format('select public.request_calibration(%L, %L)', :'a', array[:'plain']::uuid[]), 'VA003', :'a',
  'A calibration naming a leaf without a public comment is refused');
select tests.wf_refuses(format('select public.request_calibration(%L, %L)', :'a', '{}'), 'VA008', :'a',
  'A calibration must name at least one leaf');
select public.add_comment(:'a', 'Attach the appropriation ordinance', 'public', :'plain');
select tests.act_as('val-mlgoo@test.local');
select tests.wf_refuses(format('select public.request_calibration(%L, %L)', :'a', array[:'plain']::uuid[]), '42501', :'a',
  'The MLGOO does not request calibrations');
select tests.act_as('val-validator@test.local');
select is((public.request_calibration(:'a', array[:'plain']::uuid[])).status::text, 'calibration', 'The validator requests a calibration');
select tests.act_as_postgres();
select ok((select calibration_used and calibration_due_at between now() + interval '71 hours' and now() + interval '73 hours'
           from public.assessment_areas where assessment_id = :'a' and area_code = 1),
  'Area 1 used its calibration, due in the three-day calibration window');
select is((select array_agg(leaf_id) from public.reviews where assessment_id = :'a' and flagged_for_calibration), array[:'plain']::uuid[],
  'Only the named leaf is flagged');
select is((select count(*)::int from public.notifications where assessment_id = :'a' and kind = 'calibration_requested'
           and recipient_id = tests.user_id('val-blgu@test.local')), 1, 'The barangay is notified');

select tests.act_as('val-blgu@test.local');
select is(public.save_answers(:'a', :'plain', '{"1_1_1_a": true}', 0), 1, 'The barangay can edit the flagged leaf');
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 0)', :'a', :'other', '{}'), 'VA001', :'a',
  'but no other leaf');
select tests.act_as('val-validator@test.local');
select tests.wf_refuses(format('select public.submit_calibration(%L)', :'a'), '42501', :'a',
  'The validator cannot answer a calibration');
select tests.act_as('val-blgu@test.local');
select is((public.submit_calibration(:'a')).status::text, 'awaiting_validation', 'The barangay answers the calibration');
select tests.act_as_postgres();
select is((select count(*)::int from public.reviews where assessment_id = :'a' and flagged_for_calibration), 0, 'The flags are cleared');
select is((select array_agg(recipient_id) from public.notifications where assessment_id = :'a' and kind = 'calibration_submitted'),
  array[tests.user_id('val-validator@test.local')], 'The answer goes back to the validator who asked, not the assessor');
select tests.act_as('val-blgu@test.local');
select tests.wf_refuses(format('select public.submit_calibration(%L)', :'a'), 'VA001', :'a',
  'A calibration cannot be answered twice');

select tests.act_as('val-validator@test.local');
select public.add_comment(:'a', 'Show the bank statement', 'public', :'other');
select tests.wf_refuses(format('select public.request_calibration(%L, %L)', :'a', array[:'other']::uuid[]), 'VA002', :'a',
  'A second calibration of the same area is refused');

-- Finalize -------------------------------------------------------------------------------------------

select tests.wf_refuses(format('select public.finalize_validation(%L)', :'a'), 'VA006', :'a',
  'Finalizing with undecided leaves is refused');
select tests.wf_decide_all(:'a', 'val');
select tests.act_as('val-assessor-1@test.local');
select tests.wf_refuses(format('select public.finalize_validation(%L)', :'a'), '42501', :'a',
  'An assessor cannot finalize');
select tests.act_as('val-validator@test.local');
select is((public.finalize_validation(:'a')).status::text, 'awaiting_approval', 'The validator finalizes');
select tests.act_as_postgres();
select is((select validated_by from public.assessments where id = :'a'), tests.user_id('val-validator@test.local'), 'The finalizer is recorded');
select is((select count(*)::int from public.jobs where assessment_id = :'a' and result_kind = 'official'), 1,
  'An official classification is queued');
select ok((select count(*) > 0 from public.notifications where assessment_id = :'a' and kind = 'awaiting_approval'
           and recipient_id = tests.user_id('val-mlgoo@test.local')), 'The MLGOO is notified');
select tests.act_as('val-validator@test.local');
select tests.wf_refuses(format('select public.finalize_validation(%L)', :'a'), 'VA001', :'a',
  'A finalized assessment cannot be finalized again');
select tests.wf_refuses(format('select public.decide_leaf(%L, %L, %L, 2)', :'a', :'plain', 'met'), 'VA001', :'a',
  'Decisions cannot change after finalizing');

select * from finish();
rollback;
