-- Cycles: the central administrator activates a cycle (creating every active barangay's assessment
-- and notifying the barangays) and publishes it for katuparan. Each records its events.

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

create function public.activate_cycle(p_cycle_id uuid)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cycle public.cycles := private.cycle_for_update(p_cycle_id, 'activate a cycle');
  v_previous public.cycles;
  v_created integer;
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

  with created as (
    insert into public.assessments (cycle_id, barangay_id)
    select p_cycle_id, b.id from public.barangays b where b.is_active
    on conflict (cycle_id, barangay_id) do nothing
    returning id, barangay_id
  ),
  notified as (
    insert into public.notifications (recipient_id, assessment_id, kind, title, body, data)
    select p.id, created.id, 'cycle_opened', v_cycle.title || ' is open',
           coalesce('Submit every governance area by ' || private.manila_time(v_cycle.submission_deadline) || '.',
                    'You can now prepare your answers and files.'),
           jsonb_build_object('assessmentId', created.id, 'cycleId', p_cycle_id)
    from created join public.profiles p on p.barangay_id = created.barangay_id and p.role = 'blgu' and p.is_active
  )
  select count(*) into v_created from created;

  if v_created > 0 then
    perform private.record_event(null, 'assessments_created', p_details => jsonb_build_object('count', v_created),
                                 p_cycle_id => p_cycle_id);
  end if;
  return v_created;
end;
$$;
comment on function public.activate_cycle(uuid) is
  'Central administrator: makes the cycle the one active cycle (deactivating any other) and creates a draft assessment for every active barangay that has none yet; safe to repeat (returns how many were created). Errors: 42501, VA007.';
revoke all on function public.activate_cycle(uuid) from public, anon;
grant execute on function public.activate_cycle(uuid) to authenticated;

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
