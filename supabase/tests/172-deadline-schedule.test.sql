-- The deadline work's schedule: every assessment keeps when the scheduled work must next look at it
-- (due_at: the end of the barangay's editing window; next_reminder_at: its next reminder), kept by
-- every transition and by a change of the cycle's deadline, guarded like the other workflow-state
-- columns. The reminders and locks read only the assessments due, in batches of a given size; with
-- nothing due they do nothing; each city or municipality's MLGOO hears of its own locks only.

begin;
select plan(32);

select tests.wf_fixture('ds') as a \gset
select cycle_id as c from public.assessments where id = :'a' \gset
select submission_deadline as deadline from public.cycles where id = :'c' \gset
create function pg_temp.schedule(p_assessment_id uuid) returns table (due_at timestamptz, next_reminder_at timestamptz)
language sql as $$ select due_at, next_reminder_at from public.assessments where id = p_assessment_id $$;

select is((select row(s.*)::text from pg_temp.schedule(:'a') as s),
  row(:'deadline'::timestamptz, :'deadline'::timestamptz - interval '7 days')::text,
  'A new assessment is due at the submission deadline, reminded 7 days before it');

-- Refused to clients, guarded for everyone else.
select tests.act_as('ds-blgu@test.local');
select throws_ok(format($$ update public.assessments set due_at = null where id = %L $$, :'a'), '42501', null,
  'A barangay cannot move its deadline work');
select tests.act_as_postgres();
select set_config('vantage.workflow_write', '', true);
select throws_ok(format($$ update public.assessments set due_at = null where id = %L $$, :'a'), '42501', null,
  'due_at is guarded like the other workflow-state columns');
select throws_ok(format($$ update public.assessments set next_reminder_at = null where id = %L $$, :'a'), '42501', null,
  'and so is next_reminder_at');
select private.declare_workflow_write();

-- The reminders move the next one on.
select is((private.send_deadline_reminders(:'deadline'::timestamptz - interval '6 days')).sent, 1, 'The 7-day reminder is sent');
select is((select next_reminder_at from pg_temp.schedule(:'a')), :'deadline'::timestamptz - interval '3 days',
  'and the next reminder is the 3-day one');

-- Every transition keeps the schedule.
select tests.wf_submit_all(:'a', 'ds');
select is((select row(s.*)::text from pg_temp.schedule(:'a') as s), '(,)', 'A submitted assessment has nothing due');
select tests.act_as('ds-assessor-1@test.local');
select public.request_rework(:'a', 1::smallint, 'Upload the signed budget');
select tests.act_as_postgres();
select is((select due_at from pg_temp.schedule(:'a')),
  (select rework_due_at from public.assessment_areas where assessment_id = :'a' and area_code = 1),
  'A rework is due at the end of its window');
select is((select next_reminder_at from pg_temp.schedule(:'a')), null, 'with no submission reminder');
select tests.wf_submit_all(:'a', 'ds');
select is((select due_at from pg_temp.schedule(:'a')), null, 'The resubmission clears it');
select tests.wf_advance(:'a', 'ds', 'awaiting_validation');
select tests.act_as('ds-validator@test.local');
select public.add_comment(:'a', 'Attach the appropriation ordinance', 'public', tests.wf_leaf(:'a', '1.1.1'));
select public.request_calibration(:'a', array[tests.wf_leaf(:'a', '1.1.1')]);
select tests.act_as_postgres();
select is((select due_at from pg_temp.schedule(:'a')),
  (select max(calibration_due_at) from public.assessment_areas where assessment_id = :'a'),
  'A calibration is due at the end of its window');
select tests.act_as('ds-blgu@test.local');
select public.submit_calibration(:'a');
select tests.act_as_postgres();
select is((select due_at from pg_temp.schedule(:'a')), null, 'Its answer clears it');
select tests.act_as('ds-mlgoo@test.local');
select public.reopen_assessment(:'a', 'The budget was the wrong year');
select tests.act_as_postgres();
select is((select due_at from pg_temp.schedule(:'a')), greatest(:'deadline'::timestamptz, (select grace_until from public.assessments where id = :'a')),
  'A reopened assessment is due at its deadline or the end of its grace, whichever is later');

select tests.create_barangay('997000001', 'Second') as b2 \gset
select tests.create_user('ds2-blgu@test.local', 'blgu', :'b2');
select tests.create_assessment(:'c', :'b2') as a2 \gset
select tests.act_as('ds-mlgoo@test.local');
select public.lock_assessment(:'a2', 'Under investigation');
select tests.act_as_postgres();
select is((select row(s.*)::text from pg_temp.schedule(:'a2') as s), '(,)', 'A locked assessment has nothing due');
select tests.act_as('ds-mlgoo@test.local');
select public.unlock_assessment(:'a2');
select tests.act_as_postgres();
select is((select due_at from pg_temp.schedule(:'a2')), greatest(:'deadline'::timestamptz, (select grace_until from public.assessments where id = :'a2')),
  'An unlocked one is due at its deadline or the end of its grace');
select tests.act_as('ds-mlgoo@test.local');
select public.extend_deadline(:'a2', :'deadline'::timestamptz + interval '20 days', 'Typhoon');
select tests.act_as_postgres();
select is((select row(s.*)::text from pg_temp.schedule(:'a2') as s),
  row(:'deadline'::timestamptz + interval '20 days', :'deadline'::timestamptz + interval '13 days')::text,
  'An extension moves both the lock and the reminders');

select tests.create_barangay('997000002', 'Third') as b3 \gset
select tests.create_assessment(:'c', :'b3') as a3 \gset
update public.cycles set submission_deadline = :'deadline'::timestamptz + interval '5 days' where id = :'c';
select is((select row(s.*)::text from pg_temp.schedule(:'a3') as s),
  row(:'deadline'::timestamptz + interval '5 days', :'deadline'::timestamptz - interval '2 days')::text,
  'A new cycle deadline reschedules the assessments in their draft window');
select is((select due_at from pg_temp.schedule(:'a2')), :'deadline'::timestamptz + interval '20 days',
  'but not one with its own extension');

-- Nothing due: nothing done.
select is(private.deadline_work_due(now()), false, 'Nothing is due now');
select is(private.lock_overdue_assessments(now()), 0, 'so the locks find nothing');
select is((select row(r.*)::text from private.send_deadline_reminders(now()) as r), '(0,0)', 'and nor do the reminders');

-- Batches at the deadline, and the MLGOO of each city or municipality told of its own.
select tests.create_city_municipality('990102000', 'Other Town');
select tests.create_barangay('997000003', 'Elsewhere', '990102000') as b4 \gset
select tests.create_assessment(:'c', :'b4') as a4 \gset
select tests.create_user('ds-mlgoo-elsewhere@test.local', 'mlgoo', null, null, '990102000');
update public.assessments set is_locked = true where cycle_id <> :'c' and not is_locked;
select is(private.deadline_work_due(:'deadline'::timestamptz + interval '6 days'), true, 'At the deadline the drafts are due');
select is(private.lock_overdue_assessments(:'deadline'::timestamptz + interval '6 days', 2), 2, 'A batch locks at most its size');
select is(private.lock_overdue_assessments(:'deadline'::timestamptz + interval '6 days', 2), 1, 'the next batch the rest');
select is(private.lock_overdue_assessments(:'deadline'::timestamptz + interval '6 days', 2), 0, 'and then none is left');
select is((select count(*)::int from public.assessments where cycle_id = :'c' and is_locked), 3,
  'Every draft past its window is locked, the extended one not');
select is((select array_agg(s.due_at) from public.assessments x cross join pg_temp.schedule(x.id) as s where x.cycle_id = :'c' and x.is_locked),
  array[null, null, null]::timestamptz[], 'A locked assessment is due no more');
select is((select sum((data ->> 'count')::int)::int from public.notifications
           where kind = 'assessments_locked' and recipient_id = tests.user_id('ds-mlgoo@test.local')),
  2, 'The MLGOO hears of its own city or municipality''s locks');
select is((select sum((data ->> 'count')::int)::int from public.notifications
           where kind = 'assessments_locked' and recipient_id = tests.user_id('ds-mlgoo-elsewhere@test.local')),
  1, 'and another city or municipality''s MLGOO of its own only');
select is((select count(*)::int from public.events where assessment_id in (:'a', :'a3', :'a4') and action = 'assessment_locked'), 3,
  'Each lock is one event');
select is((private.send_deadline_reminders(:'deadline'::timestamptz + interval '6 days')).sent, 0,
  'No reminder goes out to a locked assessment');
select is(private.deadline_work_due(:'deadline'::timestamptz + interval '6 days'), false, 'Once done, nothing is due');

select * from finish();
rollback;
