-- Central administration: what is national (cycles, their deadlines and windows, activation and
-- publication, the catalog's wording, the job queue and audit verifications of whole cycles) is
-- the central administrator's, now that the MLGOO serves one city or municipality; an MLGOO keeps
-- its own assessments' locks, extensions and reopenings. Oversight and administrator accounts are
-- made by the central office from the SQL editor (private.create_office_user), never by an MLGOO.

-- Who is asking ------------------------------------------------------------------------------------

create function private.is_administrator()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select coalesce(private.current_app_role() = 'administrator', false));
end;
$$;
comment on function private.is_administrator() is 'True when the caller is an active central administrator.';
grant execute on function private.is_administrator() to authenticated, service_role;

create or replace function private.role_title(p_role public.app_role)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_role
    when 'mlgoo' then 'the MLGOO'
    when 'assessor' then 'the assessor of the area'
    when 'validator' then 'a validator'
    when 'blgu' then 'the barangay'
    when 'oversight' then 'a DILG oversight office'
    when 'administrator' then 'the central administrator'
    else 'a katuparan partner'
  end;
$$;

-- Cycles, the catalog's wording, the job queue, audit verifications ---------------------------------

create or replace function private.cycle_for_update(p_cycle_id uuid, p_action text)
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

drop policy "The MLGOO creates cycles" on public.cycles;
create policy "The central administrator creates cycles" on public.cycles
  for insert to authenticated with check ((select private.is_administrator()));
comment on policy "The central administrator creates cycles" on public.cycles is
  'Only an active central administrator creates a cycle (its catalog is installed with it).';
drop policy "The MLGOO schedules cycles" on public.cycles;
create policy "The central administrator schedules cycles" on public.cycles
  for update to authenticated
  using ((select private.is_administrator())) with check ((select private.is_administrator()));
comment on policy "The central administrator schedules cycles" on public.cycles is
  'Only an active central administrator changes a cycle''s title, deadline and windows (the columns granted); activation and publication go through activate_cycle and publish_cycle.';

drop policy "The MLGOO corrects indicator wording" on public.indicators;
create policy "The central administrator corrects indicator wording" on public.indicators
  for update to authenticated
  using ((select private.is_administrator())) with check ((select private.is_administrator()));
comment on policy "The central administrator corrects indicator wording" on public.indicators is
  'Only an active central administrator corrects an indicator''s name, description and consideration text (the columns granted); its structure comes from the catalog.';
drop policy "The MLGOO corrects checklist wording" on public.checklist_items;
create policy "The central administrator corrects checklist wording" on public.checklist_items
  for update to authenticated
  using ((select private.is_administrator())) with check ((select private.is_administrator()));
comment on policy "The central administrator corrects checklist wording" on public.checklist_items is
  'Only an active central administrator corrects a checklist item''s label and MOV hint (the columns granted).';
drop policy "The MLGOO corrects upload slot wording" on public.upload_slots;
create policy "The central administrator corrects upload slot wording" on public.upload_slots
  for update to authenticated
  using ((select private.is_administrator())) with check ((select private.is_administrator()));
comment on policy "The central administrator corrects upload slot wording" on public.upload_slots is
  'Only an active central administrator corrects an upload slot''s label (the column granted).';

drop policy "The MLGOO reads the background jobs" on public.jobs;
create policy "The central administrator reads the background jobs" on public.jobs
  for select to authenticated using ((select private.is_administrator()));
comment on policy "The central administrator reads the background jobs" on public.jobs is
  'Only an active central administrator reads the job queue, which spans the country.';
drop policy "The MLGOO reads the audit verifications" on public.audit_verifications;
create policy "The central administrator reads the audit verifications" on public.audit_verifications
  for select to authenticated using ((select private.is_administrator()));
comment on policy "The central administrator reads the audit verifications" on public.audit_verifications is
  'Only an active central administrator reads the verdicts of whole cycles'' audit verifications.';

-- Oversight and administrator accounts ---------------------------------------------------------------

create function private.create_office_user(p_email text, p_role public.app_role, p_scope_code text default null)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  if p_role not in ('oversight', 'administrator') or (p_role = 'administrator' and p_scope_code is not null) then
    raise exception 'The central office makes oversight users (with a scope) and central administrators (without one)'
      using errcode = 'VA008', hint = 'Pass oversight with a PSGC code or null, or administrator without a code; the MLGOO assigns the other roles.';
  end if;
  if p_scope_code is not null
     and not exists (select 1 from public.regions where psgc_code = p_scope_code)
     and not exists (select 1 from public.provinces where psgc_code = p_scope_code)
     and not exists (select 1 from public.cities_municipalities where psgc_code = p_scope_code) then
    raise exception 'No region, province, city or municipality has the PSGC code %', p_scope_code
      using errcode = 'VA007', hint = 'Use a code of public.regions, public.provinces or public.cities_municipalities, or null for the whole country.';
  end if;
  perform private.declare_workflow_write();
  update public.profiles
  set role = p_role, barangay_id = null, area_code = null, city_municipality_code = null,
      oversight_scope_code = p_scope_code, is_active = true
  where lower(email) = lower(trim(p_email))
  returning * into v_profile;
  if not found then
    raise exception 'No account has the e-mail %', p_email
      using errcode = 'VA007', hint = 'Create the user first (Dashboard: Authentication, Add user; or the Auth admin API).';
  end if;
  insert into public.events (action, to_status, details, visible_to_barangay)
  values ('user_role_set', p_role::text, jsonb_build_object('user_id', v_profile.id, 'email', v_profile.email,
          'oversightScopeCode', p_scope_code), false);
  return v_profile;
end;
$$;
comment on function private.create_office_user(text, public.app_role, text) is
  'Run by the central office from the SQL editor: makes the existing account with this e-mail an oversight user of a region, province or city/municipality (its PSGC code) or of the whole country (null), or a central administrator.';
