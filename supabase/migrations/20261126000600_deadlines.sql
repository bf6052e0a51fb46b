-- Deadlines: reminders 7, 3 and 1 day before the submission deadline (each sent once per
-- assessment) and a periodic lock of barangays past their deadline or grace period, run by pg_cron.
-- A lock only blocks barangay writes; nothing is ever submitted on the barangay's behalf. Both ticks
-- take the moment to act for as an argument, so tests call them directly with any p_now.

-- When the barangay's current editing window ends ---------------------------------------------------

create function private.barangay_due_at(p_assessment public.assessments)
returns timestamptz
language sql
stable
security definer
set search_path = ''
as $$
  -- The window of the phase the barangay is in, never earlier than the grace an unlock gave.
  select greatest(phase.due_at, p_assessment.grace_until)
  from (
    select case
      when p_assessment.status in ('draft', 'reopened')
           and exists (select 1 from public.assessment_areas
                       where assessment_id = p_assessment.id and status = 'draft')
        then coalesce(p_assessment.deadline_extended_until,
                      (select submission_deadline from public.cycles where id = p_assessment.cycle_id))
      when p_assessment.status in ('draft', 'submitted', 'reopened')
           and exists (select 1 from public.assessment_areas
                       where assessment_id = p_assessment.id and status = 'rework')
        then greatest(p_assessment.deadline_extended_until,
                      (select max(rework_due_at) from public.assessment_areas
                       where assessment_id = p_assessment.id and status = 'rework'))
      when p_assessment.status = 'calibration'
        then greatest(p_assessment.deadline_extended_until,
                      (select max(calibration_due_at) from public.assessment_areas where assessment_id = p_assessment.id))
    end as due_at
  ) as phase
  where phase.due_at is not null;
$$;
comment on function private.barangay_due_at(public.assessments) is
  'End of the barangay''s current editing window: the (extended) submission deadline while areas are in draft, the rework or calibration window otherwise, pushed back by an unlock''s grace period; null when no window applies.';

-- Reminders ---------------------------------------------------------------------------------------------

create function private.send_deadline_reminders(p_now timestamptz default now())
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_due record;
  v_sent integer := 0;
begin
  for v_due in
    select a.id, deadline.at as deadline_at, window_days.days
    from public.assessments a
    join public.cycles c on c.id = a.cycle_id and c.is_active
    cross join lateral (select coalesce(a.deadline_extended_until, c.submission_deadline) as at) as deadline
    -- The tightest reminder whose moment has come; a missed earlier one is not sent late.
    cross join lateral (
      select min(d) as days from unnest(array[7, 3, 1]) as d
      where p_now >= deadline.at - make_interval(days => d)
    ) as window_days
    where deadline.at is not null and p_now < deadline.at and window_days.days is not null
      and not a.is_locked and a.status in ('draft', 'reopened')
      and exists (select 1 from public.assessment_areas aa where aa.assessment_id = a.id and aa.status = 'draft')
      and not exists (
        select 1 from public.events e
        where e.assessment_id = a.id and e.action = 'deadline_reminder'
          and (e.details ->> 'daysBefore')::integer = window_days.days
      )
  loop
    perform private.record_event(v_due.id, 'deadline_reminder',
      p_details => jsonb_build_object('daysBefore', v_due.days, 'deadline', v_due.deadline_at));
    perform private.notify_role('blgu', v_due.id, 'deadline_reminder',
      format('%s day%s left to submit', v_due.days, case when v_due.days = 1 then '' else 's' end),
      format('Submit every governance area by %s. After the deadline the assessment is locked; unsubmitted areas are not submitted for you.',
             private.manila_time(v_due.deadline_at)),
      jsonb_build_object('daysBefore', v_due.days, 'deadline', v_due.deadline_at));
    v_sent := v_sent + 1;
  end loop;
  return v_sent;
end;
$$;
comment on function private.send_deadline_reminders(timestamptz) is
  'Reminds barangays with unsubmitted areas 7, 3 and 1 day before their (extended) submission deadline; each reminder is sent once per assessment, recorded as a deadline_reminder event. Returns how many were sent.';

-- Locks -------------------------------------------------------------------------------------------------

create function private.lock_overdue_assessments(p_now timestamptz default now())
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments;
  v_due timestamptz;
  v_locked integer := 0;
begin
  perform private.declare_workflow_write();
  for v_assessment in
    select * from public.assessments a
    where not a.is_locked and a.status in ('draft', 'submitted', 'reopened', 'calibration')
    order by a.id
    for update skip locked
  loop
    v_due := private.barangay_due_at(v_assessment);
    continue when v_due is null or p_now <= v_due;
    update public.assessments
    set is_locked = true, locked_at = p_now, lock_reason = 'The deadline of ' || private.manila_time(v_due) || ' has passed.',
        grace_until = null, version = version + 1
    where id = v_assessment.id;
    perform private.record_event(v_assessment.id, 'assessment_locked', 'unlocked', 'locked', 'Deadline passed',
                                 p_details => jsonb_build_object('dueAt', v_due));
    perform private.notify_role('blgu', v_assessment.id, 'assessment_locked', 'Assessment locked: deadline passed',
      'Your assessment is locked because the deadline passed. What you submitted stays submitted; nothing else was submitted for you. Ask the MLGOO for an extension if you need one.',
      jsonb_build_object('dueAt', v_due));
    v_locked := v_locked + 1;
  end loop;
  if v_locked > 0 then
    perform private.notify_role('mlgoo', null, 'assessments_locked', 'Assessments locked at the deadline',
      format('%s assessment%s locked because the barangay''s deadline passed.', v_locked, case when v_locked = 1 then ' was' else 's were' end),
      jsonb_build_object('count', v_locked));
  end if;
  return v_locked;
end;
$$;
comment on function private.lock_overdue_assessments(timestamptz) is
  'Locks every assessment the barangay can still edit whose editing window (deadline, extension, rework or calibration window, unlock grace) ended before p_now; records an event and notifies the barangay and the MLGOO. Never submits. Returns how many were locked.';

-- Schedules -------------------------------------------------------------------------------------------

select cron.schedule('vantage-deadline-reminders', '0 * * * *', 'select private.send_deadline_reminders()');
select cron.schedule('vantage-deadline-locks', '*/5 * * * *', 'select private.lock_overdue_assessments()');
