-- Transitions 1-4: the barangay submits areas, the assessor of each area approves it or sends it back
-- for rework once (comment required, every flagged file explained), and a resubmitted rework is
-- checked afresh. The first submission freezes the snapshot.

begin;
select plan(74);

select tests.wf_fixture('area') as a \gset
select tests.wf_leaf(:'a', '1.1.2') as leaf \gset
select id as slot from public.upload_slots where indicator_id = :'leaf' order by sort_order limit 1 \gset
insert into public.mov_files (assessment_id, leaf_id, slot_id, area_code, storage_path, original_name, mime_type, size_bytes, origin)
values (:'a', :'leaf', :'slot', 1, :'a' || '/1.1.2/x/budget.pdf', 'budget.pdf', 'application/pdf', 10, 'blgu')
returning id as mov \gset

-- Before the barangay's first readiness no MOV counts yet: every scored leaf of the area is incomplete.
select is(private.incomplete_leaves(:'a', 2::smallint) -> 'leaves',
  '["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2"]'::jsonb,
  'Before any readiness, every scored leaf of an area is reported incomplete');
select is(private.incomplete_leaves(:'a', 4::smallint) -> 'leaves' ? '4.9.1', false,
  'Leaves of a profiling-only indicator are never reported');
select is(private.incomplete_leaves(:'a', 2::smallint) ->> 'pending', 'false',
  'With no readiness queued, the list is not pending');
insert into public.jobs (assessment_id, result_kind) values (:'a', 'readiness') returning id as job \gset
select is(private.incomplete_leaves(:'a', 2::smallint) ->> 'pending', 'true',
  'While a readiness is queued, the list says it may be out of date');
update public.jobs set status = 'done', finished_at = now() where id = :'job';

-- The readiness the classify function stored after that upload (only the fields read
-- here): every leaf complete but 1.1.1, and no entry at all for 2.1.1.
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
select :'a', 'readiness', 'test', repeat('a', 64), jsonb_build_object('leaves', jsonb_agg(
         jsonb_build_object('code', code, 'completeness', jsonb_build_object('complete', code <> '1.1.1')))),
       false, 1.2
from public.indicators
where cycle_id = (select cycle_id from public.assessments where id = :'a') and parent_id is not null
  and code <> '2.1.1';
select is(private.incomplete_leaves(:'a', 2::smallint) -> 'leaves', '["2.1.1"]'::jsonb,
  'A scored leaf the newest readiness does not mention is reported incomplete');

-- 1. Submit an area ---------------------------------------------------------------------------------

select tests.act_as('area-assessor-1@test.local');
select tests.wf_refuses(format('select public.submit_area(%L, 1::smallint)', :'a'), '42501', :'a',
  'An assessor cannot submit an area');
select tests.act_as('area-neighbour@test.local');
select tests.wf_refuses(format('select public.submit_area(%L, 1::smallint)', :'a'), '42501', :'a',
  'Another barangay cannot submit this barangay''s area');
select tests.act_as('area-blgu@test.local');
select tests.wf_refuses(format('select public.submit_area(%L, 7::smallint)', :'a'), 'VA008', :'a',
  'An unknown area number is refused');
select tests.wf_refuses(format('select public.submit_area(%L, 1::smallint)', gen_random_uuid()), 'VA007', :'a',
  'An unknown assessment is refused');
select tests.act_as_anon();
select throws_ok(format('select public.submit_area(%L, 1::smallint)', :'a'), '42501', null,
  'Anonymous callers cannot call workflow functions');

select tests.act_as('area-blgu@test.local');
select public.submit_area(:'a', 1::smallint) as submitted \gset
select is(:'submitted'::jsonb -> 'incompleteLeaves', '["1.1.1"]'::jsonb,
  'Submitting area 1 reports the leaves the newest projection finds incomplete, without blocking');
select ok(:'submitted'::jsonb ->> 'incompleteAsOf' is not null, 'It says how recent that projection is');
select is(:'submitted'::jsonb ->> 'incompletePending', 'false', 'and that no newer one is being computed');
select tests.act_as_postgres();
select is(tests.wf_area_status(:'a', 1), 'submitted', 'Area 1 is submitted');
select is(tests.wf_status(:'a'), 'draft', 'The assessment stays in draft until all six are submitted');
select is((select version from public.assessments where id = :'a'), 2, 'The transition bumped the assessment version');
select is((select submitted_area_codes from public.assessments where id = :'a'), '{1}'::smallint[],
  'The assessor of area 1 can now read the assessment');
select ok((select movs @> jsonb_build_array(jsonb_build_object('leafCode', '1.1.2', 'originalName', 'budget.pdf'))
           from public.submission_snapshots where assessment_id = :'a'),
  'The first submission froze the live MOV set');
select results_eq(
  format($$ select action, from_status, to_status, area_code::int, actor_id from public.events where assessment_id = %L $$, :'a'),
  format($$ values ('area_submitted', 'draft', 'submitted', 1, %L::uuid) $$, tests.user_id('area-blgu@test.local')),
  'The submission is an event with actor, from and to');
select ok((select bool_and(p.role = 'assessor' and p.area_code = 1) and bool_or(p.id = tests.user_id('area-assessor-1@test.local'))
           from public.notifications n join public.profiles p on p.id = n.recipient_id
           where n.assessment_id = :'a' and n.kind = 'area_submitted'),
  'The assessor of area 1, and nobody else, is notified');

select tests.act_as('area-blgu@test.local');
select tests.wf_refuses(format('select public.submit_area(%L, 1::smallint)', :'a'), 'VA001', :'a',
  'A submitted area cannot be submitted again');
select tests.act_as_postgres();
update public.submission_snapshots set frozen_at = '2000-01-01' where assessment_id = :'a';
select tests.act_as('area-blgu@test.local');
select public.submit_area(:'a', 2::smallint);
select tests.act_as_postgres();
select is((select frozen_at from public.submission_snapshots where assessment_id = :'a'), '2000-01-01'::timestamptz,
  'Later submissions keep the first snapshot');

-- 2. Approve an area --------------------------------------------------------------------------------

select tests.act_as('area-assessor-2@test.local');
select tests.wf_refuses(format('select public.approve_area(%L, 1::smallint)', :'a'), '42501', :'a',
  'The assessor of area 2 cannot approve area 1');
select tests.act_as('area-validator@test.local');
select tests.wf_refuses(format('select public.approve_area(%L, 1::smallint)', :'a'), '42501', :'a',
  'A validator cannot approve an area');
select tests.act_as('area-blgu@test.local');
select tests.wf_refuses(format('select public.approve_area(%L, 1::smallint)', :'a'), '42501', :'a',
  'The barangay cannot approve its own area');
select tests.act_as('area-assessor-3@test.local');
select tests.wf_refuses(format('select public.approve_area(%L, 3::smallint)', :'a'), 'VA001', :'a',
  'An area still in draft cannot be approved');

select tests.act_as('area-assessor-2@test.local');
select is((public.approve_area(:'a', 2::smallint)).status::text, 'draft', 'The assessor of area 2 approves it');
select tests.act_as_postgres();
select is(tests.wf_area_status(:'a', 2), 'approved', 'Area 2 is approved');
select is((select approved_by from public.assessment_areas where assessment_id = :'a' and area_code = 2),
  tests.user_id('area-assessor-2@test.local'), 'The approving assessor is recorded');
select is((select count(*)::int from public.notifications where assessment_id = :'a' and kind = 'area_approved'
           and recipient_id = tests.user_id('area-blgu@test.local')), 1, 'The barangay is told the area was approved');
select tests.act_as('area-assessor-2@test.local');
select tests.wf_refuses(format('select public.approve_area(%L, 2::smallint)', :'a'), 'VA001', :'a',
  'An approved area cannot be approved again');

-- 3. Rework -----------------------------------------------------------------------------------------

select tests.act_as('area-assessor-1@test.local');
select public.flag_mov(:'mov');
select tests.act_as('area-blgu@test.local');
select tests.wf_refuses(format('select public.flag_mov(%L)', :'mov'), '42501', :'a',
  'The barangay cannot flag files');
select tests.act_as('area-assessor-2@test.local');
select tests.wf_refuses(format('select public.flag_mov(%L)', :'mov'), '42501', :'a',
  'An assessor cannot flag files of another area');
select tests.act_as('area-assessor-1@test.local');
select tests.wf_refuses(format('select public.request_rework(%L, 1::smallint, %L)', :'a', ' '), 'VA003', :'a',
  'A rework without a comment is refused');
select tests.wf_refuses(format('select public.request_rework(%L, 1::smallint, %L)', :'a', 'Fix the budget'), 'VA003', :'a',
  'A rework with a flagged file lacking a note is refused');
select is((public.flag_mov(:'mov', true, 'The budget is not signed')).reviewer_note, 'The budget is not signed',
  'The assessor adds a note to the flagged file');
select tests.act_as('area-assessor-2@test.local');
select tests.wf_refuses(format('select public.request_rework(%L, 1::smallint, %L)', :'a', 'Fix it'), '42501', :'a',
  'The assessor of another area cannot send area 1 back');
select tests.wf_refuses(format('select public.request_rework(%L, 2::smallint, %L)', :'a', 'Fix it'), 'VA001', :'a',
  'An approved area cannot be sent back');
select tests.act_as('area-blgu@test.local');
select tests.wf_refuses(format('select public.request_rework(%L, 1::smallint, %L)', :'a', 'Fix it'), '42501', :'a',
  'The barangay cannot request a rework');

select tests.act_as('area-assessor-1@test.local');
select public.save_checklist(:'a', :'leaf',
  jsonb_build_object((select item_key from public.checklist_items where indicator_id = :'leaf' order by sort_order limit 1), true), 0);
select lives_ok(format('select public.request_rework(%L, 1::smallint, %L)', :'a', 'Upload the signed budget'),
  'The assessor of area 1 sends it back for rework');
select tests.act_as_postgres();
select is(tests.wf_area_status(:'a', 1), 'rework', 'Area 1 is in rework');
select ok((select rework_used and rework_due_at > now() + interval '4 days' from public.assessment_areas
           where assessment_id = :'a' and area_code = 1), 'The rework is used and due in the rework window');
select is((select body from public.comments where assessment_id = :'a' and area_code = 1 and visibility = 'public'),
  'Upload the signed budget', 'The rework comment is a public comment for the barangay');
select is((select reason from public.events where assessment_id = :'a' and action = 'rework_requested'),
  'Upload the signed budget', 'The rework event carries the comment as its reason');
select ok((select body like 'Upload the signed budget%' from public.notifications
           where assessment_id = :'a' and kind = 'rework_requested' and recipient_id = tests.user_id('area-blgu@test.local')),
  'The barangay is notified at once with the comment');

-- 4. Resubmission after rework ----------------------------------------------------------------------

select tests.act_as('area-blgu@test.local');
select is(public.save_answers(:'a', :'leaf', '{"1_1_2_a": true}', 0), 1,
  'The barangay can edit a leaf of the reworked area');
select is(public.submit_area(:'a', 1::smallint) ->> 'areaStatus', 'submitted', 'The barangay resubmits the reworked area');
select tests.act_as_postgres();
select is((select checklist from public.reviews where assessment_id = :'a' and leaf_id = :'leaf'), '{}'::jsonb,
  'The resubmission cleared the assessor''s checklist values');
select is((select count(*)::int from public.leaf_history where assessment_id = :'a' and leaf_id = :'leaf'
           and source = 'checklist' and previous is not null and current -> 'checklist' = 'null'), 1,
  'The history keeps the cleared checklist values');
select is((select count(*)::int from public.notifications where assessment_id = :'a' and kind = 'area_submitted'
           and recipient_id = tests.user_id('area-assessor-1@test.local')), 2,
  'The resubmission goes back to the same assessor');
select is((select action from public.events where assessment_id = :'a' order by id desc limit 1), 'rework_resubmitted',
  'The resubmission is an event');

select tests.act_as('area-assessor-1@test.local');
select tests.wf_refuses(format('select public.request_rework(%L, 1::smallint, %L)', :'a', 'Again'), 'VA002', :'a',
  'A second rework of the same area is refused');

-- All six submitted and approved: the assessment reaches validation --------------------------------

select tests.wf_submit_all(:'a', 'area');
select is(tests.wf_status(:'a'), 'submitted', 'When all six areas are submitted the assessment is submitted');
select tests.wf_approve_all(:'a', 'area');
select is(tests.wf_status(:'a'), 'awaiting_validation', 'When all six are approved it awaits validation');
select isnt((select validation_started_at from public.assessments where id = :'a'), null,
  'Validators can read it from now on');
select is((select count(*)::int from public.notifications where assessment_id = :'a' and kind = 'awaiting_validation'
           and recipient_id = tests.user_id('area-validator@test.local')), 1, 'The validator is notified');

select * from finish();
rollback;
