-- The workflow of sglgb.md section 4, told as one assessment's story: Barangay Story answers and
-- submits its six areas; the area 1 assessor sends area 1 back once; the barangay fixes it; every
-- area is approved; the validator decides, calibrates 4.2.1, and finalizes; the MLGOO overrides
-- 1.1.1 and approves. At each step: the state, the event, and who was told.

begin;
select plan(39);

select tests.wf_fixture('story') as a \gset
select tests.wf_leaf(:'a', '1.1.1') as budget \gset
select tests.wf_leaf(:'a', '4.2.1') as health \gset
create temporary table seen (assessment_id uuid, event_id bigint, notification_id bigint);
insert into seen values (:'a', (select coalesce(max(id), 0) from public.events), (select coalesce(max(id), 0) from public.notifications));

-- What happened since the previous step: events as "action from>to", notifications as "kind>recipient".
create function pg_temp.new_events() returns text[] language sql as $$
  select coalesce(array_agg(e.action || ' ' || coalesce(e.from_status, '') || '>' || coalesce(e.to_status, '') order by e.id), '{}')
  from public.events e, seen where e.id > seen.event_id and e.assessment_id = seen.assessment_id;
$$;
create function pg_temp.new_notifications() returns text[] language sql as $$
  select coalesce(array_agg(distinct n.kind || '>' || split_part(u.email, '@', 1)), '{}')
  from public.notifications n join auth.users u on u.id = n.recipient_id, seen
  where n.id > seen.notification_id and u.email like 'story-%';
$$;
create function pg_temp.next_step() returns void language sql as $$
  update seen set event_id = (select max(id) from public.events), notification_id = (select max(id) from public.notifications);
$$;

-- 1. The barangay answers and submits area 1 ------------------------------------------------------------
select tests.act_as('story-blgu@test.local');
select public.save_answers(:'a', :'budget', '{"1_1_1_a": false}', 0);
select public.submit_area(:'a', 1::smallint);
select tests.act_as_postgres();
select is(tests.wf_area_status(:'a', 1), 'submitted', '1. Area 1 is submitted');
select is(pg_temp.new_events(), array['area_submitted draft>submitted'], '1. The submission is recorded');
select is(pg_temp.new_notifications(), array['area_submitted>story-assessor-1'], '1. The area 1 assessor is told');
select isnt((select answers from public.submission_snapshots where assessment_id = :'a'), null, '1. The first submission is frozen');
select pg_temp.next_step();

-- 3. The assessor sends area 1 back for rework ---------------------------------------------------------
select tests.act_as('story-assessor-1@test.local');
select public.save_checklist(:'a', :'budget', '{"1_1_1_a": true}', 0);
select public.request_rework(:'a', 1::smallint, 'The appropriation ordinance is not signed by the punong barangay.');
select tests.act_as_postgres();
select is(tests.wf_area_status(:'a', 1), 'rework', '3. Area 1 is in rework');
select is(pg_temp.new_events(), array['rework_requested submitted>rework'], '3. The rework is recorded');
select is(pg_temp.new_notifications(), array['rework_requested>story-blgu'], '3. The barangay is told at once');
select pg_temp.next_step();

-- 4. The barangay fixes and resubmits; then submits the other five areas ------------------------------------
select tests.act_as('story-blgu@test.local');
select public.save_answers(:'a', :'budget', '{"1_1_1_a": true}', 1);
select public.submit_area(:'a', 1::smallint);
select tests.act_as_postgres();
select is((select checklist from public.reviews where assessment_id = :'a' and leaf_id = :'budget'), '{}'::jsonb,
  '4. The resubmission cleared the assessor''s checklist');
select is(pg_temp.new_events(), array['rework_resubmitted rework>submitted'], '4. The resubmission is recorded');
select is(pg_temp.new_notifications(), array['area_submitted>story-assessor-1'], '4. It goes back to the same assessor');
select pg_temp.next_step();
select tests.wf_submit_all(:'a', 'story');
select is(tests.wf_status(:'a'), 'submitted', '1. With all six areas submitted the assessment is submitted');
select is((pg_temp.new_events())[6], 'assessment_submitted draft>submitted', '1. The overall submission is recorded');
select pg_temp.next_step();

-- 2. Every assessor approves its area -------------------------------------------------------------------
select tests.act_as('story-assessor-1@test.local');
select tests.wf_refuses(format('select public.request_rework(%L, 1::smallint, %L)', :'a', 'Still unsigned'), 'VA002', :'a',
  '3. Area 1 cannot be sent back a second time');
select tests.act_as_postgres();
select tests.wf_approve_all(:'a', 'story');
select is(tests.wf_status(:'a'), 'awaiting_validation', '2. With all six approved the assessment awaits validation');
select is((pg_temp.new_events())[7], 'validation_started submitted>awaiting_validation', '2. The move to validation is recorded');
select ok('awaiting_validation>story-validator' = any (pg_temp.new_notifications()), '2. The validator is told');
select ok('area_approved>story-blgu' = any (pg_temp.new_notifications()), '2. The barangay sees its areas approved');
select pg_temp.next_step();

-- 5. The validator decides and calibrates 4.2.1 ------------------------------------------------------------
select tests.act_as('story-validator@test.local');
select public.decide_leaf(:'a', :'budget', 'met', 2);
select public.add_comment(:'a', 'Upload the certification of the clustered health station.', 'public', :'health');
select public.request_calibration(:'a', array[:'health']::uuid[]);
select tests.act_as_postgres();
select is(tests.wf_status(:'a'), 'calibration', '5. The assessment is in calibration');
select is(pg_temp.new_events(), array['leaf_decided >met', 'calibration_requested awaiting_validation>calibration'],
  '5. The decision and the calibration are recorded');
select is(pg_temp.new_notifications(), array['calibration_requested>story-blgu'], '5. The barangay is told');
select tests.act_as('story-blgu@test.local');
select is((select count(*)::int from public.events where assessment_id = :'a' and action = 'leaf_decided'), 0,
  '5. The barangay does not see the verdict before completion');
select tests.act_as_postgres();
select pg_temp.next_step();

-- 6. The barangay answers the calibration --------------------------------------------------------------------
select tests.act_as('story-blgu@test.local');
select public.save_answers(:'a', :'health', '{"4_2_1_option_b": "yes", "4_2_1_cert_clustered": true}', 0);
select public.submit_calibration(:'a');
select tests.act_as_postgres();
select is(tests.wf_status(:'a'), 'awaiting_validation', '6. The calibration goes back to validation');
select is(pg_temp.new_events(), array['calibration_submitted calibration>awaiting_validation'], '6. The answer is recorded');
select is(pg_temp.new_notifications(), array['calibration_submitted>story-validator'], '6. The validator, not the assessor, is told');
select pg_temp.next_step();

-- 7. The validator decides the rest and finalizes ---------------------------------------------------------------
select tests.act_as('story-validator@test.local');
select public.decide_leaf(:'a', :'health', 'considered', (select version from public.reviews where assessment_id = :'a' and leaf_id = :'health'));
select tests.act_as_postgres();
select tests.wf_decide_all(:'a', 'story');
select pg_temp.next_step();
select tests.act_as('story-validator@test.local');
select public.finalize_validation(:'a');
select tests.act_as_postgres();
select is(tests.wf_status(:'a'), 'awaiting_approval', '7. The assessment awaits approval');
select is(pg_temp.new_events(), array['validation_finalized awaiting_validation>awaiting_approval'], '7. Finalizing is recorded');
select is(pg_temp.new_notifications(), array['awaiting_approval>story-mlgoo'], '7. The MLGOO is told');
select is((select count(*)::int from public.jobs where assessment_id = :'a' and result_kind = 'official'), 1, '7. The official classification is queued');
select pg_temp.next_step();

-- 9. The MLGOO overrides 1.1.1 ----------------------------------------------------------------------------------
select tests.act_as('story-mlgoo@test.local');
select public.override_decision(:'a', :'budget', 'unmet', 'The ordinance was signed after the legal deadline.');
select tests.act_as_postgres();
select is(tests.wf_status(:'a'), 'awaiting_approval', '9. The assessment still awaits approval');
select is(pg_temp.new_events(), array['decision_overridden met>unmet'], '9. The override is recorded with from and to');
select is(pg_temp.new_notifications(), array['decision_overridden>story-validator'], '9. The validator who finalized is told');
select is((select override_reason from public.reviews where assessment_id = :'a' and leaf_id = :'budget'),
  'The ordinance was signed after the legal deadline.', '9. The reason is kept');
select pg_temp.next_step();

-- 8. The MLGOO approves ---------------------------------------------------------------------------------------------
select tests.act_as('story-mlgoo@test.local');
select public.approve_assessment(:'a');
select tests.act_as_postgres();
select is(tests.wf_status(:'a'), 'completed', '8. The assessment is completed');
select is(pg_temp.new_events(), array['assessment_approved awaiting_approval>completed'], '8. The approval is recorded');
select is(pg_temp.new_notifications(), array['assessment_completed>story-blgu', 'assessment_completed>story-validator'],
  '8. The barangay and the validator are told');
select tests.act_as('story-blgu@test.local');
select ok((select count(*) > 0 from public.events where assessment_id = :'a' and action = 'leaf_decided'),
  '8. Once completed, the barangay sees the whole timeline');
select tests.act_as_postgres();
select is((select array_agg(distinct actor_id is not null) from public.events where assessment_id = :'a'), array[true],
  'Every step names its actor');
select is((select version from public.assessments where id = :'a'),
  1 + (select count(*)::int from public.events where assessment_id = :'a'
       and action not in ('leaf_decided', 'mov_flagged', 'mov_unflagged')),
  'Every transition bumped the version exactly once');

select * from finish();
rollback;
