-- Transitions 11-12: the MLGOO reopens an assessment under review (reason required; areas back to
-- draft, allowances kept; resubmission returns to the stage it left), locks and unlocks it (grace
-- period) and extends its deadline (reason required).

begin;
select plan(36);

select tests.wf_fixture('reo') as a \gset

-- Reopen ------------------------------------------------------------------------------------------

select tests.act_as('reo-mlgoo@test.local');
select tests.wf_refuses(format('select public.reopen_assessment(%L, %L)', :'a', 'Wrong barangay data'), 'VA001', :'a',
  'A draft assessment cannot be reopened');
select tests.wf_advance(:'a', 'reo', 'awaiting_validation');
select tests.act_as_postgres();
update public.assessment_areas set rework_used = true where assessment_id = :'a' and area_code = 3;
select tests.act_as('reo-mlgoo@test.local');
select tests.wf_refuses(format('select public.reopen_assessment(%L, %L)', :'a', ''), 'VA003', :'a',
  'Reopening without a reason is refused');
select tests.act_as('reo-validator@test.local');
select tests.wf_refuses(format('select public.reopen_assessment(%L, %L)', :'a', 'x'), '42501', :'a',
  'A validator cannot reopen');
select tests.act_as('reo-mlgoo@test.local');
select is((public.reopen_assessment(:'a', 'The barangay uploaded last year''s budget')).status::text, 'reopened',
  'The MLGOO reopens an assessment awaiting validation');
select tests.act_as_postgres();
select is((select resume_status::text from public.assessments where id = :'a'), 'awaiting_validation', 'It remembers the stage it left');
select is((select array_agg(distinct status::text) from public.assessment_areas where assessment_id = :'a'), array['draft'],
  'Every area is back in draft');
select ok((select rework_used from public.assessment_areas where assessment_id = :'a' and area_code = 3), 'Usage counters are kept');
select ok((select grace_until > now() from public.assessments where id = :'a'), 'The barangay gets the grace period to resubmit');
select is((select reason from public.events where assessment_id = :'a' and action = 'assessment_reopened'),
  'The barangay uploaded last year''s budget', 'The reason is in the event');

select tests.act_as('reo-blgu@test.local');
select is(public.save_answers(:'a', tests.wf_leaf(:'a', '1.1.1'), '{"1_1_1_bfdp_count": 2}', 0), 1, 'The barangay edits again');
select tests.act_as_postgres();
select tests.wf_submit_all(:'a', 'reo');
select is(tests.wf_status(:'a'), 'awaiting_validation', 'Resubmitting every area returns the assessment to the stage it left');
select is((select array_agg(distinct status::text) from public.assessment_areas where assessment_id = :'a'), array['approved'],
  'Its areas are approved again');
select is((select resume_status from public.assessments where id = :'a'), null, 'The remembered stage is cleared');

-- Lock and unlock -----------------------------------------------------------------------------------

select tests.act_as('reo-blgu@test.local');
select tests.wf_refuses(format('select public.lock_assessment(%L, %L)', :'a', 'x'), '42501', :'a', 'The barangay cannot lock');
select tests.act_as('reo-mlgoo@test.local');
select tests.wf_refuses(format('select public.lock_assessment(%L, %L)', :'a', null), 'VA003', :'a', 'A lock needs a reason');
select tests.wf_refuses(format('select public.unlock_assessment(%L)', :'a'), 'VA001', :'a', 'An unlocked assessment cannot be unlocked');
select ok((public.lock_assessment(:'a', 'Audit in progress')).is_locked, 'The MLGOO locks');
select tests.wf_refuses(format('select public.lock_assessment(%L, %L)', :'a', 'again'), 'VA001', :'a', 'A locked assessment cannot be locked again');
select ok(not (public.unlock_assessment(:'a')).is_locked, 'The MLGOO unlocks');
select tests.act_as_postgres();
select ok((select grace_until between now() + interval '71 hours' and now() + interval '73 hours' from public.assessments where id = :'a'),
  'The unlock gives the cycle''s three grace days');
select is((select array_agg(kind order by id) from public.notifications where assessment_id = :'a'
           and kind in ('assessment_locked', 'assessment_unlocked') and recipient_id = tests.user_id('reo-blgu@test.local')),
  array['assessment_locked', 'assessment_unlocked'], 'The barangay is told of the lock and the unlock');

-- Extend the deadline --------------------------------------------------------------------------------

select tests.wf_fixture('ext', 2091) as b \gset
select tests.act_as('ext-mlgoo@test.local');
select public.lock_assessment(:'b', 'Deadline passed');
select tests.wf_refuses(format('select public.extend_deadline(%L, now() + interval ''5 days'', %L)', :'b', ' '), 'VA003', :'b',
  'An extension needs a reason');
select tests.wf_refuses(format('select public.extend_deadline(%L, now() - interval ''1 day'', %L)', :'b', 'Typhoon'), 'VA008', :'b',
  'An extension into the past is refused');
select tests.act_as('ext-validator@test.local');
select tests.wf_refuses(format('select public.extend_deadline(%L, now() + interval ''5 days'', %L)', :'b', 'Typhoon'), '42501', :'b',
  'A validator cannot extend deadlines');
select tests.act_as('ext-mlgoo@test.local');
select ok(not (public.extend_deadline(:'b', now() + interval '5 days', 'Typhoon Kristine closed the barangay hall')).is_locked,
  'The MLGOO extends the deadline, which lifts the lock');
select tests.act_as_postgres();
select is((select extension_reason from public.assessments where id = :'b'), 'Typhoon Kristine closed the barangay hall', 'The reason is kept');

select * from finish();
rollback;
