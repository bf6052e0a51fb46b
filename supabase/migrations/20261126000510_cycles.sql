-- Cycles: the central administrator activates a cycle and publishes it for katuparan. Each records
-- its events. An activation is a request (cycle_activations) that a job carries out in batches, each
-- its own transaction: it creates every active barangay's assessment and notifies the barangays,
-- resuming where the last committed batch ended, so no batch holds a lock for long.

-- Cycles: activation and publication ------------------------------------------------------------------

create function private.cycle_for_update(p_cycle_id uuid, p_action text)
returns public.cycles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cycle public.cycles;
begin
  perform private.start_workflow_write('{administrator}', p_action);
  select * into v_cycle from public.cycles where id = p_cycle_id for update;
  if not found then
    raise exception 'Cycle % does not exist', p_cycle_id
      using errcode = 'VA007', hint = 'Reload the list of cycles.';
  end if;
  return v_cycle;
end;
$$;
comment on function private.cycle_for_update(uuid, text) is
  'Checks that the caller is the central administrator and locks the cycle row (activation, publication, a cycle''s audit verification).';

create table public.cycle_activations (
  id bigint generated always as identity primary key,
  cycle_id uuid not null references public.cycles (id) on delete cascade,
  requested_by uuid references auth.users (id) on delete set null,
  requested_at timestamptz not null default now(),
  barangays integer,
  assessments_created integer not null default 0,
  batches integer not null default 0,
  after_barangay_id uuid,
  longest_batch_ms numeric,
  finished_at timestamptz,
  failure text
);
comment on table public.cycle_activations is
  'Requests to activate a cycle (activate_cycle) and their progress: a job creates the draft assessment of every active barangay in batches, each committed on its own; an activation in progress has no finished_at and resumes where it stopped.';
comment on column public.cycle_activations.id is 'Activation id (what activate_cycle returns).';
comment on column public.cycle_activations.cycle_id is 'The cycle activated.';
comment on column public.cycle_activations.requested_by is 'The central administrator who asked.';
comment on column public.cycle_activations.requested_at is 'When it was asked.';
comment on column public.cycle_activations.barangays is 'Active barangays when the first batch ran (null before): the batches go through each.';
comment on column public.cycle_activations.assessments_created is 'Draft assessments created so far (barangays that had one already are skipped).';
comment on column public.cycle_activations.batches is 'Batches committed so far.';
comment on column public.cycle_activations.after_barangay_id is 'Where the next batch resumes: the last barangay (by id) of the last committed batch.';
comment on column public.cycle_activations.longest_batch_ms is 'The longest committed batch, in milliseconds.';
comment on column public.cycle_activations.finished_at is 'When every active barangay had its assessment (null while in progress).';
comment on column public.cycle_activations.failure is 'The error of the last failed batch (rolled back; the next run retries it), cleared when a batch succeeds.';

create index cycle_activations_unfinished on public.cycle_activations (id) where finished_at is null;
create index cycle_activations_cycle on public.cycle_activations (cycle_id);

alter table public.cycle_activations enable row level security;
grant select on public.cycle_activations to authenticated, service_role;
create policy "Staff read the cycle activations" on public.cycle_activations
  for select to authenticated using ((select private.current_app_role()) in ('administrator', 'mlgoo'));
comment on policy "Staff read the cycle activations" on public.cycle_activations is
  'The central administrator and the MLGOOs read how far the activation of a cycle has come.';

create function public.activate_cycle(p_cycle_id uuid)
returns public.cycle_activations
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cycle public.cycles := private.cycle_for_update(p_cycle_id, 'activate a cycle');
  v_previous public.cycles;
  v_activation public.cycle_activations;
begin
  for v_previous in
    update public.cycles set is_active = false where is_active and id <> p_cycle_id returning *
  loop
    perform private.record_event(null, 'cycle_deactivated', 'active', 'inactive',
                                 format('Cycle %s activated', v_cycle.year), p_cycle_id => v_previous.id);
  end loop;
  if not v_cycle.is_active then
    update public.cycles set is_active = true, activated_at = coalesce(activated_at, now()) where id = p_cycle_id;
    perform private.record_event(null, 'cycle_activated', 'inactive', 'active', p_cycle_id => p_cycle_id);
  end if;

  select * into v_activation from public.cycle_activations where cycle_id = p_cycle_id and finished_at is null;
  if not found then
    insert into public.cycle_activations (cycle_id, requested_by) values (p_cycle_id, (select auth.uid()))
    returning * into v_activation;
  end if;
  return v_activation;
end;
$$;
comment on function public.activate_cycle(uuid) is
  'Central administrator: makes the cycle the one active cycle (deactivating any other) and records the activation, returned with its id: a job then creates a draft assessment for every active barangay that has none yet, in batches, within a minute (its progress is the row in cycle_activations). Safe to repeat: an unfinished activation of the cycle is returned as it is. Errors: 42501, VA007.';
revoke all on function public.activate_cycle(uuid) from public, anon;
grant execute on function public.activate_cycle(uuid) to authenticated;

-- The activation's batches, run by pg_cron ----------------------------------------------------------

create function private.activation_batch(p_activation_id bigint, p_limit integer)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_started timestamptz := clock_timestamp();
  v_activation public.cycle_activations;
  v_cycle public.cycles;
  v_last uuid;
  v_scanned integer;
  v_created integer;
begin
  select * into v_activation from public.cycle_activations where id = p_activation_id for update;
  if v_activation.finished_at is not null then
    return 0;
  end if;
  select * into v_cycle from public.cycles where id = v_activation.cycle_id;

  -- The next barangays by id: each batch is a range of the primary key, resumed where the last ended.
  with batch as (
    select b.id from public.barangays b
    where b.is_active and b.id > coalesce(v_activation.after_barangay_id, '00000000-0000-0000-0000-000000000000')
    order by b.id limit p_limit
  ),
  created as (
    insert into public.assessments (cycle_id, barangay_id)
    select v_cycle.id, batch.id from batch
    on conflict (cycle_id, barangay_id) do nothing
    returning id, barangay_id
  ),
  notified as (
    insert into public.notifications (recipient_id, assessment_id, kind, title, body, data)
    select p.id, created.id, 'cycle_opened', v_cycle.title || ' is open',
           coalesce('Submit every governance area by ' || private.manila_time(v_cycle.submission_deadline) || '.',
                    'You can now prepare your answers and files.'),
           jsonb_build_object('assessmentId', created.id, 'cycleId', v_cycle.id)
    from created join public.profiles p on p.barangay_id = created.barangay_id and p.role = 'blgu' and p.is_active
  )
  select (select count(*) from batch), (select id from batch order by id desc limit 1), (select count(*) from created)
  into v_scanned, v_last, v_created;

  update public.cycle_activations
  set barangays = coalesce(barangays, (select count(*) from public.barangays where is_active)),
      assessments_created = assessments_created + v_created, batches = batches + 1,
      after_barangay_id = coalesce(v_last, after_barangay_id), failure = null,
      finished_at = case when v_scanned = 0 then clock_timestamp() end,
      longest_batch_ms = greatest(longest_batch_ms, extract(epoch from clock_timestamp() - v_started) * 1000)
  where id = p_activation_id
  returning * into v_activation;
  if v_scanned = 0 and v_activation.assessments_created > 0 then
    perform private.record_event(null, 'assessments_created',
                                 p_details => jsonb_build_object('count', v_activation.assessments_created),
                                 p_cycle_id => v_cycle.id);
  end if;
  return v_scanned;
end;
$$;
comment on function private.activation_batch(bigint, integer) is
  'One batch of a cycle''s activation, in the caller''s transaction: the draft assessments of the next p_limit active barangays (by id, after the last batch''s) that have none, their barangays told the cycle is open; with no barangay left, the activation is finished and recorded. Returns how many barangays it went through (0: finished).';

create function private.record_activation_failure(p_activation_id bigint, p_failure text)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.cycle_activations set failure = p_failure where id = p_activation_id;
$$;
comment on function private.record_activation_failure(bigint, text) is
  'Keeps the error of an activation''s failed batch on its row (the next run retries the batch).';

create function private.unfinished_activations()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select id from public.cycle_activations where finished_at is null order by id;
$$;
comment on function private.unfinished_activations() is 'The activations still in progress, oldest first.';

create procedure private.run_cycle_activations(p_batch_size integer default 200)
language plpgsql
as $$
declare
  v_activation bigint;
  v_scanned integer;
  v_failure text;
begin
  for v_activation in select private.unfinished_activations() loop
    loop
      begin
        v_scanned := private.activation_batch(v_activation, p_batch_size);
      exception when others then
        get stacked diagnostics v_failure = message_text;
      end;
      if v_failure is not null then
        perform private.record_activation_failure(v_activation, v_failure);
        commit;
        return;
      end if;
      commit;
      exit when v_scanned = 0;
    end loop;
  end loop;
end;
$$;
comment on procedure private.run_cycle_activations(integer) is
  'Run by pg_cron every minute: carries each unfinished activation forward in batches of p_batch_size barangays, committing each batch, so no lock is held for long and barangays'' reads never wait; a failed batch is rolled back, its error kept on the activation, and the next run resumes there. A plain procedure (COMMIT is allowed only there); the batches are the guarded functions.';

select cron.schedule('vantage-cycle-activations', '* * * * *', 'call private.run_cycle_activations()');

create function public.publish_cycle(p_cycle_id uuid)
returns public.cycles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cycle public.cycles := private.cycle_for_update(p_cycle_id, 'publish a cycle');
begin
  if v_cycle.is_published then
    raise exception 'Cycle % is already published', v_cycle.year
      using errcode = 'VA001', hint = 'Nothing to do: katuparan already sees its aggregates.';
  end if;
  update public.cycles set is_published = true, published_at = now() where id = p_cycle_id returning * into v_cycle;
  perform private.record_event(null, 'cycle_published', 'unpublished', 'published', p_cycle_id => p_cycle_id);
  return v_cycle;
end;
$$;
comment on function public.publish_cycle(uuid) is
  'Central administrator: publishes a cycle, making its anonymized aggregates visible to katuparan. Errors: 42501, VA001, VA007.';
revoke all on function public.publish_cycle(uuid) from public, anon;
grant execute on function public.publish_cycle(uuid) to authenticated;
