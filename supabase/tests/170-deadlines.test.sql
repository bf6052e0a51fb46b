-- Deadline ticks: reminders 7, 3 and 1 day before the submission deadline, each once; locks past the
-- (extended) deadline, rework or calibration window, or unlock grace; never a submission on the
-- barangay's behalf. Messages state the deadline in Philippine time.

begin;
select plan(24);

select tests.wf_fixture('dl') as a \gset
select cycle_id as c from public.assessments where id = :'a' \gset
update public.cycles set submission_deadline = '2090-03-31 16:00+00' where id = :'c';
-- Only this fixture's assessment is due in these tests.
update public.assessments set is_locked = true where id <> :'a';

select is((private.send_deadline_reminders('2090-03-20 00:00+00')).sent, 0, 'No reminder more than 7 days before the deadline');
select is((private.send_deadline_reminders('2090-03-24 17:00+00')).sent, 1, 'The 7-day reminder is sent');
select is((private.send_deadline_reminders('2090-03-25 00:00+00')).sent, 0, 'and only once');
select is((private.send_deadline_reminders('2090-03-28 17:00+00')).sent, 1, 'The 3-day reminder is sent');
select is((private.send_deadline_reminders('2090-03-30 17:00+00')).sent, 1, 'The 1-day reminder is sent');
select is((private.send_deadline_reminders('2090-03-31 00:00+00')).sent, 0, 'No reminder is repeated');
select is((select array_agg((data ->> 'daysBefore')::int order by id) from public.notifications
           where assessment_id = :'a' and kind = 'deadline_reminder' and recipient_id = tests.user_id('dl-blgu@test.local')),
  array[7, 3, 1], 'The barangay got the 7, 3 and 1 day reminders');
select ok((select body like 'Submit every governance area by April 1, 2090 00:00.%' from public.notifications
           where assessment_id = :'a' and kind = 'deadline_reminder' and (data ->> 'daysBefore')::int = 7),
  'A reminder states the deadline in Philippine time');

select tests.act_as('dl-blgu@test.local');
select public.submit_area(:'a', 1::smallint);
select tests.act_as_postgres();
select is(private.lock_overdue_assessments('2090-03-31 15:59+00'), 0, 'Nothing is locked before the deadline');
select is(private.lock_overdue_assessments('2090-03-31 16:05+00'), 1, 'The assessment is locked after the deadline');
select ok((select is_locked from public.assessments where id = :'a'), 'It is locked');
select is((select lock_reason from public.assessments where id = :'a'), 'The deadline of April 1, 2090 00:00 has passed.',
  'The lock reason states the deadline in Philippine time');
select is((select array_agg(status::text order by area_code) from public.assessment_areas where assessment_id = :'a'),
  array['submitted', 'draft', 'draft', 'draft', 'draft', 'draft'], 'Nothing was submitted on the barangay''s behalf');
select is(tests.wf_status(:'a'), 'draft', 'The assessment stays in draft');
select ok((select count(*) = 1 from public.events where assessment_id = :'a' and action = 'assessment_locked' and actor_id is null),
  'The lock is an event by the system');
select ok((select count(*) = 1 from public.notifications where assessment_id = :'a' and kind = 'assessment_locked'
           and recipient_id = tests.user_id('dl-blgu@test.local')), 'The barangay is notified of the lock');

update public.assessments set is_locked = false, grace_until = '2090-04-03 16:00+00' where id = :'a';
select is(private.lock_overdue_assessments('2090-04-02 00:00+00'), 0, 'An unlock''s grace period holds the lock back');
select is(private.lock_overdue_assessments('2090-04-03 16:05+00'), 1, 'and the lock applies again after it');

update public.assessments set is_locked = false, grace_until = null, deadline_extended_until = '2090-04-10 16:00+00',
  extension_reason = 'Typhoon' where id = :'a';
select is(private.lock_overdue_assessments('2090-04-05 00:00+00'), 0, 'An extended deadline holds the lock back');
select is(private.lock_overdue_assessments('2090-04-10 16:05+00'), 1, 'and the lock applies after the extended deadline');

-- Rework and calibration windows, on an assessment whose areas are all submitted.
select tests.wf_fixture('dlw', 2091) as w \gset
-- Whether the deadline sweep, run at p_at, leaves the assessment locked.
create function pg_temp.locked_by_sweep_at(p_assessment_id uuid, p_at timestamptz)
returns boolean language sql as $$
  select private.lock_overdue_assessments(p_at);
  select is_locked from public.assessments where id = p_assessment_id;
$$;
-- A sweep a minute before the window's end leaves the assessment open; one a minute after locks it.
create function pg_temp.locked_only_after(p_assessment_id uuid, p_due timestamptz, p_window text)
returns setof text language plpgsql as $$
begin
  return next is(pg_temp.locked_by_sweep_at(p_assessment_id, p_due - interval '1 minute'), false,
    format('A %s is not locked within its window', p_window));
  return next is(pg_temp.locked_by_sweep_at(p_assessment_id, p_due + interval '1 minute'), true,
    format('and is locked once the %s window has passed', p_window));
end;
$$;
select tests.wf_advance(:'w', 'dlw', 'submitted');
select tests.act_as('dlw-assessor-1@test.local');
select public.request_rework(:'w', 1::smallint, 'Upload the signed budget');
select tests.act_as_postgres();
select rework_due_at as rework_due from public.assessment_areas where assessment_id = :'w' and area_code = 1 \gset
select * from pg_temp.locked_only_after(:'w', :'rework_due', 'rework');

update public.assessments set is_locked = false where id = :'w';
select tests.wf_advance(:'w', 'dlw', 'awaiting_validation');
select tests.act_as('dlw-validator@test.local');
select public.add_comment(:'w', 'Attach the appropriation ordinance', 'public', tests.wf_leaf(:'w', '1.1.1'));
select public.request_calibration(:'w', array[tests.wf_leaf(:'w', '1.1.1')]);
select tests.act_as_postgres();
select calibration_due_at as calibration_due from public.assessment_areas where assessment_id = :'w' and area_code = 1 \gset
select * from pg_temp.locked_only_after(:'w', :'calibration_due', 'calibration');

select * from finish();
rollback;
