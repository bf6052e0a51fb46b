-- Deadlines: reminders 7, 3 and 1 day before the submission deadline (each sent once per
-- assessment) and a lock of barangays past their deadline or grace period, run by pg_cron in bounded
-- batches, each its own transaction. Every assessment keeps when the scheduled work must next look at
-- it (assessments.due_at, next_reminder_at), stored by every transition and by a change of its
-- cycle's deadline, so a tick with nothing due is two index lookups. A lock only blocks barangay
-- writes; nothing is ever submitted on the barangay's behalf. The batch functions take the moment to
-- act for as an argument, so tests call them directly with any p_now.

-- When the barangay's current editing window ends ---------------------------------------------------

create function private.has_draft_area(p_assessment_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.assessment_areas where assessment_id = p_assessment_id and status = 'draft')
         or not exists (select 1 from public.assessment_areas where assessment_id = p_assessment_id);
$$;
comment on function private.has_draft_area(uuid) is
  'Whether an area of the assessment is still in draft (a new assessment, whose areas are not created yet, has six).';

create function private.barangay_due_at(p_assessment public.assessments)
returns timestamptz
language sql
stable
security definer
set search_path = ''
as $$
  -- The window of the phase the barangay is in, never earlier than the grace an unlock gave. A new
  -- assessment, whose areas are not created yet, is in its draft window.
  select greatest(phase.due_at, p_assessment.grace_until)
  from (
    select case
      when p_assessment.status in ('draft', 'reopened') and private.has_draft_area(p_assessment.id)
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
  'End of the barangay''s current editing window: the (extended) submission deadline while areas are in draft, the rework or calibration window otherwise, pushed back by an unlock''s grace period; null when no window applies. A new assessment, whose areas are not created yet, is in its draft window.';


-- When the scheduled work must next look at an assessment -----------------------------------------

create function private.next_reminder_at(p_assessment public.assessments)
returns timestamptz
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_deadline timestamptz;
  v_tightest_sent integer;
begin
  if p_assessment.is_locked or p_assessment.status not in ('draft', 'reopened')
     or not private.has_draft_area(p_assessment.id) then
    return null;
  end if;
  v_deadline := coalesce(p_assessment.deadline_extended_until,
                         (select submission_deadline from public.cycles where id = p_assessment.cycle_id));
  select min((details ->> 'daysBefore')::integer) into v_tightest_sent
  from public.events where assessment_id = p_assessment.id and action = 'deadline_reminder';
  -- The loosest reminder tighter than any sent: once a tighter one went out, looser ones never do.
  return v_deadline - make_interval(days => (
    select max(days) from unnest(array[7, 3, 1]) as days where days < coalesce(v_tightest_sent, 8)));
end;
$$;
comment on function private.next_reminder_at(public.assessments) is
  'When the barangay is next reminded of its (extended) submission deadline: the moment of the loosest of the 7, 3 and 1 day reminders tighter than any already sent; null while locked, past the draft phase, or when all were sent.';

create function private.schedule_deadline_work()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- A transition (every one bumps the version) or a change of lock, grace or extension; the
  -- scheduled work itself moves next_reminder_at without one.
  if tg_op = 'INSERT'
     or (old.status, old.version, old.is_locked, old.grace_until, old.deadline_extended_until)
        is distinct from (new.status, new.version, new.is_locked, new.grace_until, new.deadline_extended_until) then
    new.due_at := case when not new.is_locked then private.barangay_due_at(new) end;
    new.next_reminder_at := private.next_reminder_at(new);
  end if;
  return new;
end;
$$;
comment on function private.schedule_deadline_work() is
  'Trigger on every new assessment and every transition (a change of state, version, lock, grace or extension): stores when the scheduled deadline work must next look at it (due_at, next_reminder_at).';

create trigger schedule_deadline_work before insert or update on public.assessments
  for each row execute function private.schedule_deadline_work();

create function private.reschedule_cycle_deadline()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.declare_workflow_write();
  update public.assessments a
  set due_at = case when not a.is_locked then private.barangay_due_at(a) end,
      next_reminder_at = private.next_reminder_at(a)
  where a.cycle_id = new.id and a.deadline_extended_until is null and a.status in ('draft', 'reopened');
  return null;
end;
$$;
comment on function private.reschedule_cycle_deadline() is
  'Trigger on a change of a cycle''s submission deadline: reschedules the deadline work of its assessments still in their draft window without an extension of their own.';

create trigger reschedule_cycle_deadline after update of submission_deadline on public.cycles
  for each row when (old.submission_deadline is distinct from new.submission_deadline)
  execute function private.reschedule_cycle_deadline();

-- Runs of the scheduled deadline work ------------------------------------------------------------------

create table public.deadline_runs (
  id bigint generated always as identity primary key,
  acting_for timestamptz not null,
  started_at timestamptz not null default clock_timestamp(),
  finished_at timestamptz,
  batches integer not null default 0,
  reminded integer not null default 0,
  locked integer not null default 0,
  longest_batch_ms numeric,
  failure text
);
comment on table public.deadline_runs is
  'Runs of the scheduled deadline work (reminders and locks), each in batches committed one by one: a run in progress has no finished_at; a failed batch''s error is kept in failure, and the next run picks up what it left.';
comment on column public.deadline_runs.id is 'Run id.';
comment on column public.deadline_runs.acting_for is 'The moment the run acts for (reminders whose moment has come, windows ended before it).';
comment on column public.deadline_runs.started_at is 'When the run started.';
comment on column public.deadline_runs.finished_at is 'When the run finished (null while in progress, or when it was cut off).';
comment on column public.deadline_runs.batches is 'Batches committed.';
comment on column public.deadline_runs.reminded is 'Reminders sent by the committed batches.';
comment on column public.deadline_runs.locked is 'Assessments locked by the committed batches.';
comment on column public.deadline_runs.longest_batch_ms is 'The longest committed batch, in milliseconds.';
comment on column public.deadline_runs.failure is 'The error that stopped the run (its batch was rolled back; the next run does that work).';

create index deadline_runs_started on public.deadline_runs (started_at desc);

alter table public.deadline_runs enable row level security;
grant select on public.deadline_runs to authenticated, service_role;
create policy "The central administrator reads the deadline runs" on public.deadline_runs
  for select to authenticated using ((select private.is_administrator()));
comment on policy "The central administrator reads the deadline runs" on public.deadline_runs is
  'Only an active central administrator reads the runs of the scheduled deadline work, which spans the country.';

-- Reminders ---------------------------------------------------------------------------------------------

create function private.send_deadline_reminders(
  p_now timestamptz default now(), p_limit integer default null, out sent integer, out dropped integer
)
language plpgsql
security definer
set search_path = ''
-- Planned for its own moment and size: a generic plan would guess how many are due.
set plan_cache_mode = force_custom_plan
as $$
declare
  v_assessment public.assessments;
  v_deadline timestamptz;
  v_days integer;
begin
  perform private.declare_workflow_write();
  sent := 0;
  dropped := 0;
  for v_assessment in
    select * from public.assessments where next_reminder_at <= p_now
    order by next_reminder_at, id
    limit p_limit
    for update skip locked
  loop
    select coalesce(v_assessment.deadline_extended_until, c.submission_deadline) into v_deadline
    from public.cycles c where c.id = v_assessment.cycle_id and c.is_active;
    -- The tightest reminder whose moment has come; a missed looser one is not sent late.
    select min(d) into v_days from unnest(array[7, 3, 1]) as d where p_now >= v_deadline - make_interval(days => d);
    if v_deadline is null or p_now >= v_deadline or v_days is null then
      -- An inactive cycle, or a deadline already passed: this reminder no longer goes out.
      update public.assessments set next_reminder_at = null where id = v_assessment.id;
      dropped := dropped + 1;
      continue;
    end if;
    perform private.record_event(v_assessment.id, 'deadline_reminder',
      p_details => jsonb_build_object('daysBefore', v_days, 'deadline', v_deadline));
    perform private.notify_role('blgu', v_assessment.id, 'deadline_reminder',
      format('%s day%s left to submit', v_days, case when v_days = 1 then '' else 's' end),
      format('Submit every governance area by %s. After the deadline the assessment is locked; unsubmitted areas are not submitted for you.',
             private.manila_time(v_deadline)),
      jsonb_build_object('daysBefore', v_days, 'deadline', v_deadline));
    update public.assessments set next_reminder_at = private.next_reminder_at(v_assessment) where id = v_assessment.id;
    sent := sent + 1;
  end loop;
end;
$$;
comment on function private.send_deadline_reminders(timestamptz, integer) is
  'Reminds barangays with unsubmitted areas 7, 3 and 1 day before their (extended) submission deadline, at most p_limit assessments (all when null) whose next reminder (next_reminder_at) has come by p_now; each reminder is sent once per assessment, recorded as a deadline_reminder event. Returns how many were sent, and how many reminders were dropped because the cycle is no longer active or the deadline passed.';

-- Locks -------------------------------------------------------------------------------------------------

create function private.locks_message(p_count integer)
returns text
language sql
immutable
set search_path = ''
as $$
  select format('%s assessment%s locked because the barangay''s deadline passed.', p_count,
                case when p_count = 1 then ' was' else 's were' end);
$$;
comment on function private.locks_message(integer) is 'What the MLGOO is told of the deadline''s locks in its city or municipality.';

create function private.tell_mlgoos_of_locks(p_locked uuid[], p_run_id bigint)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_mlgoo record;
begin
  for v_mlgoo in
    select p.id, count(*)::integer as locked
    from public.assessments a
    join public.barangays b on b.id = a.barangay_id
    join public.profiles p on p.city_municipality_code = b.city_municipality_code and p.role = 'mlgoo' and p.is_active
    where a.id = any (p_locked)
    group by p.id
  loop
    -- One notification per MLGOO and run, its count raised by each batch while unread.
    update public.notifications
    set data = data || jsonb_build_object('count', (data ->> 'count')::integer + v_mlgoo.locked),
        body = private.locks_message((data ->> 'count')::integer + v_mlgoo.locked)
    where p_run_id is not null and recipient_id = v_mlgoo.id and kind = 'assessments_locked' and read_at is null
      and data ->> 'runId' = p_run_id::text;
    if not found then
      insert into public.notifications (recipient_id, kind, title, body, data)
      values (v_mlgoo.id, 'assessments_locked', 'Assessments locked at the deadline', private.locks_message(v_mlgoo.locked),
              jsonb_strip_nulls(jsonb_build_object('count', v_mlgoo.locked, 'runId', p_run_id)));
    end if;
  end loop;
end;
$$;
comment on function private.tell_mlgoos_of_locks(uuid[], bigint) is
  'Tells the MLGOO of each city or municipality how many of its assessments (of p_locked) were locked: one notification per MLGOO and deadline run (p_run_id), its count raised by each batch while unread; one per call without a run.';

create function private.lock_overdue_assessments(
  p_now timestamptz default now(), p_limit integer default null, p_run_id bigint default null
)
returns integer
language plpgsql
security definer
set search_path = ''
-- Planned for its own moment and size: a generic plan would guess how many are due.
set plan_cache_mode = force_custom_plan
as $$
declare
  v_assessment public.assessments;
  v_locked uuid[] := '{}';
begin
  perform private.declare_workflow_write();
  for v_assessment in
    select * from public.assessments where due_at < p_now and not is_locked
    order by due_at, id
    limit p_limit
    for update skip locked
  loop
    update public.assessments
    set is_locked = true, locked_at = p_now,
        lock_reason = 'The deadline of ' || private.manila_time(v_assessment.due_at) || ' has passed.',
        grace_until = null, version = version + 1
    where id = v_assessment.id;
    perform private.record_event(v_assessment.id, 'assessment_locked', 'unlocked', 'locked', 'Deadline passed',
                                 p_details => jsonb_build_object('dueAt', v_assessment.due_at));
    perform private.notify_role('blgu', v_assessment.id, 'assessment_locked', 'Assessment locked: deadline passed',
      'Your assessment is locked because the deadline passed. What you submitted stays submitted; nothing else was submitted for you. Ask the MLGOO for an extension if you need one.',
      jsonb_build_object('dueAt', v_assessment.due_at));
    v_locked := v_locked || v_assessment.id;
  end loop;
  perform private.tell_mlgoos_of_locks(v_locked, p_run_id);
  return cardinality(v_locked);
end;
$$;
comment on function private.lock_overdue_assessments(timestamptz, integer, bigint) is
  'Locks at most p_limit assessments (all when null) the barangay can still edit whose editing window (due_at: deadline, extension, rework or calibration window, unlock grace) ended before p_now; records an event and notifies the barangay, and tells each affected city or municipality''s MLGOO how many of its assessments were locked (once per deadline run p_run_id). Never submits. Returns how many were locked.';

-- The scheduled run: batches, each its own transaction -------------------------------------------------

create function private.deadline_work_due(p_now timestamptz)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  -- The earliest of each, read first in its index: one probe each, whatever the planner estimates.
  select coalesce((select next_reminder_at from public.assessments where next_reminder_at is not null
                   order by next_reminder_at, id limit 1) <= p_now, false)
      or coalesce((select due_at from public.assessments where due_at is not null and not is_locked
                   order by due_at, id limit 1) < p_now, false);
$$;
comment on function private.deadline_work_due(timestamptz) is
  'Whether a reminder or a lock is due by p_now (two index lookups; a tick with nothing due ends here).';

create function private.start_deadline_run(p_now timestamptz)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id bigint;
begin
  -- One run at a time: a run holds this lock of its session until it finishes, or its session ends.
  if not pg_try_advisory_lock(hashtext('vantage.deadline_work')) then
    return null;
  end if;
  update public.deadline_runs
  set failure = 'Cut off before it finished (its session ended); a later run did the rest'
  where finished_at is null and failure is null;
  insert into public.deadline_runs (acting_for) values (p_now) returning id into v_id;
  return v_id;
end;
$$;
comment on function private.start_deadline_run(timestamptz) is
  'Records a run of the scheduled deadline work as in progress and takes the session''s lock that keeps runs one at a time (null when another run holds it); a run left unfinished by a session that ended is marked as cut off.';

create function private.deadline_batch(p_run_id bigint, p_now timestamptz, p_limit integer)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_started timestamptz := clock_timestamp();
  v_reminders record := private.send_deadline_reminders(p_now, p_limit);
  v_locked integer := private.lock_overdue_assessments(p_now, p_limit, p_run_id);
begin
  update public.deadline_runs
  set batches = batches + 1, reminded = reminded + v_reminders.sent, locked = locked + v_locked,
      longest_batch_ms = greatest(longest_batch_ms,
                                  extract(epoch from clock_timestamp() - v_started) * 1000)
  where id = p_run_id;
  return v_reminders.sent + v_reminders.dropped + v_locked;
end;
$$;
comment on function private.deadline_batch(bigint, timestamptz, integer) is
  'One batch of a deadline run, in the caller''s transaction: at most p_limit reminders and p_limit locks due by p_now, counted on the run. Returns how many assessments it handled (0: the run is done, or what is left is being written by others and waits for the next run).';

create function private.finish_deadline_run(p_run_id bigint, p_failure text)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.deadline_runs set finished_at = clock_timestamp(), failure = p_failure where id = p_run_id;
  select pg_advisory_unlock(hashtext('vantage.deadline_work'));
$$;
comment on function private.finish_deadline_run(bigint, text) is
  'Marks a deadline run finished, with the error that stopped it if any, and releases the lock that keeps runs one at a time.';

create procedure private.run_deadline_work(p_now timestamptz default null, p_batch_size integer default 50)
language plpgsql
as $$
declare
  v_now timestamptz := coalesce(p_now, now());
  v_run bigint;
  v_acted integer;
  v_failure text;
begin
  if not private.deadline_work_due(v_now) then
    return;
  end if;
  v_run := private.start_deadline_run(v_now);
  if v_run is null then
    return;  -- another run is in progress
  end if;
  commit;
  loop
    begin
      v_acted := private.deadline_batch(v_run, v_now, p_batch_size);
    exception when others then
      get stacked diagnostics v_failure = message_text;
    end;
    exit when v_failure is not null;
    commit;
    exit when v_acted = 0;
  end loop;
  perform private.finish_deadline_run(v_run, v_failure);
  commit;
end;
$$;
comment on procedure private.run_deadline_work(timestamptz, integer) is
  'Run by pg_cron every 5 minutes: sends the reminders and applies the locks due by p_now (now by default) in batches of p_batch_size, committing each batch, so no lock is held for long; progress is visible in deadline_runs. A batch that fails is rolled back and recorded as the run''s failure; the next run does its work. A plain procedure (COMMIT is allowed only there); the batches are the guarded functions.';

select cron.schedule('vantage-deadline-work', '*/5 * * * *', 'call private.run_deadline_work()');
