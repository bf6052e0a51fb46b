-- People: the PSGC hierarchy and its barangays, the profile of every auth user, and the helpers RLS
-- policies use to know who is asking. Helpers read the profile on every query, so a role change or
-- a deactivation applies at once, not only when the next token is issued.

-- The PSGC hierarchy: regions, provinces and cities/municipalities, keyed by their Philippine
-- Standard Geographic Code. The country is this tree (region -> province -> city/municipality ->
-- barangay); a scope in sglgb.md section 2 is a node of it. PSGC names and codes are public, so
-- anyone reads the hierarchy; it changes only through migrations.

-- Regions -----------------------------------------------------------------------------------------

create table public.regions (
  psgc_code text primary key constraint region_psgc_code_has_9_or_10_digits check (psgc_code ~ '^[0-9]{9,10}$'),
  name text not null constraint region_name_is_not_blank check (length(trim(name)) > 0)
);
comment on table public.regions is 'The regions of the Philippines (PSGC), the top of the hierarchy.';
comment on column public.regions.psgc_code is 'Philippine Standard Geographic Code of the region.';
comment on column public.regions.name is 'Region name, e.g. Region IV-A (CALABARZON).';

alter table public.regions enable row level security;
grant select on public.regions to anon, authenticated, service_role;
create policy "Anyone reads the regions" on public.regions
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the regions" on public.regions is
  'Anyone, signed in or not, reads the regions: PSGC names and codes are public.';

-- Provinces ---------------------------------------------------------------------------------------

create table public.provinces (
  psgc_code text primary key constraint province_psgc_code_has_9_or_10_digits check (psgc_code ~ '^[0-9]{9,10}$'),
  region_code text not null references public.regions (psgc_code) on delete restrict,
  name text not null constraint province_name_is_not_blank check (length(trim(name)) > 0)
);
comment on table public.provinces is
  'The provinces of each region (PSGC); the districts of the National Capital Region count as its provinces.';
comment on column public.provinces.psgc_code is 'Philippine Standard Geographic Code of the province.';
comment on column public.provinces.region_code is 'The region the province belongs to.';
comment on column public.provinces.name is 'Province name, e.g. Laguna.';

create index provinces_region on public.provinces (region_code);

alter table public.provinces enable row level security;
grant select on public.provinces to anon, authenticated, service_role;
create policy "Anyone reads the provinces" on public.provinces
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the provinces" on public.provinces is
  'Anyone, signed in or not, reads the provinces: PSGC names and codes are public.';

-- Cities and municipalities -----------------------------------------------------------------------

create table public.cities_municipalities (
  psgc_code text primary key constraint city_municipality_psgc_code_has_9_or_10_digits check (psgc_code ~ '^[0-9]{9,10}$'),
  province_code text not null references public.provinces (psgc_code) on delete restrict,
  name text not null constraint city_municipality_name_is_not_blank check (length(trim(name)) > 0)
);
comment on table public.cities_municipalities is
  'The cities and municipalities of each province (PSGC): the unit an MLGOO serves; every barangay belongs to one.';
comment on column public.cities_municipalities.psgc_code is 'Philippine Standard Geographic Code of the city or municipality.';
comment on column public.cities_municipalities.province_code is 'The province the city or municipality belongs to.';
comment on column public.cities_municipalities.name is 'City or municipality name, e.g. Santa Cruz.';

create index cities_municipalities_province on public.cities_municipalities (province_code);

alter table public.cities_municipalities enable row level security;
grant select on public.cities_municipalities to anon, authenticated, service_role;
create policy "Anyone reads the cities and municipalities" on public.cities_municipalities
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the cities and municipalities" on public.cities_municipalities is
  'Anyone, signed in or not, reads the cities and municipalities: PSGC names and codes are public.';

-- Barangays -------------------------------------------------------------------------------------

create table public.barangays (
  id uuid primary key default gen_random_uuid(),
  psgc_code text not null unique constraint psgc_code_has_9_or_10_digits check (psgc_code ~ '^[0-9]{9,10}$'),
  name text not null constraint barangay_name_is_not_blank check (length(trim(name)) > 0),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  city_municipality_code text not null references public.cities_municipalities (psgc_code) on delete restrict,
  province_code text not null,
  region_code text not null
);
comment on table public.barangays is
  'Barangays (BLGUs) taking part in the SGLGB; each belongs to a city or municipality, whose province and region name the rest of its place.';
comment on column public.barangays.id is 'Barangay id.';
comment on column public.barangays.psgc_code is 'Philippine Standard Geographic Code of the barangay.';
comment on column public.barangays.name is 'Barangay name.';
comment on column public.barangays.is_active is 'Inactive barangays get no assessment when a cycle is activated.';
comment on column public.barangays.created_at is 'When the barangay was registered.';
comment on column public.barangays.city_municipality_code is
  'PSGC code of the city or municipality the barangay belongs to (public.cities_municipalities); set when the barangay is registered and never changed (its assessments and their results keep it for the policies).';

comment on column public.barangays.province_code is
  'The province of its city or municipality (copied when the barangay is registered): an oversight office''s policies compare it with the office''s scope.';
comment on column public.barangays.region_code is
  'The region of its city or municipality (copied when the barangay is registered): an oversight office''s policies compare it with the office''s scope.';

create index barangays_city_municipality on public.barangays (city_municipality_code);

-- A row that belongs to a place carries the codes of its city or municipality, province and region,
-- so that an oversight office's policy compares its one scope code with the row's own columns
-- instead of looking each row up in a list of places. A place never moves: a city's province and a
-- province's region are fixed (private.refuse_place_move).
create function private.copy_city_municipality_parents()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select m.province_code, p.region_code into new.province_code, new.region_code
  from public.cities_municipalities m join public.provinces p on p.psgc_code = m.province_code
  where m.psgc_code = new.city_municipality_code;
  if not found then
    raise exception 'The city or municipality % is not in the hierarchy', new.city_municipality_code
      using errcode = '23503',
            hint = 'Register the barangay with the PSGC code of a city or municipality in public.cities_municipalities.';
  end if;
  return new;
end;
$$;
comment on function private.copy_city_municipality_parents() is
  'Trigger on barangays: a barangay takes the province and region of its city or municipality when it is registered.';
create trigger copy_city_municipality_parents before insert on public.barangays
  for each row execute function private.copy_city_municipality_parents();

create function private.refuse_place_move()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'A % keeps its % (PSGC code %)', tg_argv[0], tg_argv[1], old.psgc_code
    using errcode = '42501',
          hint = 'Its barangays, assessments and results carry the codes of their province and region: register the place again under its new code instead.';
end;
$$;
comment on function private.refuse_place_move() is
  'Trigger on provinces and cities_municipalities: a place never moves to another region or province, whose codes the rows below it carry.';
create trigger refuse_place_move before update of region_code on public.provinces
  for each row when (old.region_code is distinct from new.region_code)
  execute function private.refuse_place_move('province', 'region');
create trigger refuse_place_move before update of province_code on public.cities_municipalities
  for each row when (old.province_code is distinct from new.province_code)
  execute function private.refuse_place_move('city or municipality', 'province');

-- Profiles --------------------------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  full_name text not null default '',
  role public.app_role,
  barangay_id uuid references public.barangays (id),
  area_code smallint references public.governance_areas (code),
  is_active boolean not null default true,
  must_change_password boolean not null default true,
  preferred_language public.ui_language not null default 'en',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  city_municipality_code text references public.cities_municipalities (psgc_code) on delete restrict,
  oversight_scope_code text constraint oversight_scope_is_a_psgc_code check (oversight_scope_code ~ '^[0-9]{9,10}$'),
  constraint blgu_users_have_a_barangay check ((role = 'blgu') = (barangay_id is not null)),
  constraint assessors_have_an_area check ((role = 'assessor') = (area_code is not null)),
  constraint staff_have_a_city_municipality
    check ((role in ('mlgoo', 'assessor', 'validator')) = (city_municipality_code is not null)),
  constraint only_oversight_has_an_oversight_scope check (oversight_scope_code is null or role = 'oversight')
);
comment on table public.profiles is
  'One per auth user: role and scope (barangay or area), set only by the MLGOO. A user without a role sees nothing.';
comment on column public.profiles.id is 'The auth user.';
comment on column public.profiles.email is 'Login e-mail (copied from auth.users).';
comment on column public.profiles.full_name is 'Display name.';
comment on column public.profiles.role is 'What the user may do; null until the MLGOO assigns it.';
comment on column public.profiles.barangay_id is 'For blgu users: their barangay.';
comment on column public.profiles.area_code is 'For assessors: the governance area they review.';
comment on column public.profiles.is_active is 'A deactivated user gets no token and no data.';
comment on column public.profiles.must_change_password is 'The user must change the password at the next login.';
comment on column public.profiles.preferred_language is 'Language for notifications and recommendations.';
comment on column public.profiles.created_at is 'When the profile was created.';
comment on column public.profiles.updated_at is 'When the profile last changed.';
comment on column public.profiles.city_municipality_code is
  'For the MLGOO, assessors and validators: the city or municipality they serve (PSGC code).';
comment on column public.profiles.oversight_scope_code is
  'For oversight users: the PSGC code of the region, province or city/municipality whose official results they read; null for the central office (the whole country).';

create index profiles_barangay on public.profiles (barangay_id) where barangay_id is not null;
create index profiles_role_area on public.profiles (role, area_code);
create index profiles_city_municipality on public.profiles (city_municipality_code, role)
  where city_municipality_code is not null;

-- Who is asking: helpers for policies and functions ---------------------------------------------
-- In PL/pgSQL, so that a session plans each helper's query once (an SQL function that cannot be
-- inlined, as a security definer one cannot, plans it again on every query that calls it).

create function private.current_app_role()
returns public.app_role
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select role from public.profiles where id = (select auth.uid()) and is_active);
end;
$$;
comment on function private.current_app_role() is
  'The caller''s role, or null when the caller has no active profile; read live so deactivation applies at once.';
grant execute on function private.current_app_role() to authenticated, service_role;

create function private.is_mlgoo()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select coalesce(private.current_app_role() = 'mlgoo', false));
end;
$$;
comment on function private.is_mlgoo() is 'True when the caller is an active MLGOO.';
grant execute on function private.is_mlgoo() to authenticated, service_role;

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

create function private.current_barangay_id()
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select barangay_id from public.profiles
          where id = (select auth.uid()) and is_active and role = 'blgu');
end;
$$;
comment on function private.current_barangay_id() is 'The barangay of an active blgu caller, else null.';
grant execute on function private.current_barangay_id() to authenticated, service_role;

create function private.current_area_code()
returns smallint
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select area_code from public.profiles
          where id = (select auth.uid()) and is_active and role = 'assessor');
end;
$$;
comment on function private.current_area_code() is 'The governance area of an active assessor caller, else null.';
grant execute on function private.current_area_code() to authenticated, service_role;

create function private.current_city_municipality_code()
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select city_municipality_code from public.profiles
          where id = (select auth.uid()) and is_active and role in ('mlgoo', 'assessor', 'validator'));
end;
$$;
comment on function private.current_city_municipality_code() is
  'The city or municipality of an active MLGOO, assessor or validator caller, else null.';

create function private.oversight_scope_code()
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select oversight_scope_code from public.profiles
          where id = (select auth.uid()) and is_active and role = 'oversight');
end;
$$;
comment on function private.oversight_scope_code() is
  'The PSGC code of the region, province or city/municipality an active oversight caller oversees; null for the central office (private.oversees_the_country) and for anyone else. Policies compare it with a row''s region_code, province_code and city_municipality_code.';

-- The caller's scope as the cities and municipalities it covers (at most 1,600), for the roll-ups
-- of its scope. Policies need no list: an office's compare its scope code with a row's own place
-- codes (private.oversight_scope_code).
create function private.scope_city_municipality_codes()
returns setof text
language plpgsql
stable
security definer
set search_path = ''
rows 20
as $$
declare
  v_caller public.profiles;
begin
  select * into v_caller from public.profiles where id = (select auth.uid()) and is_active;
  if v_caller.role in ('mlgoo', 'assessor', 'validator') then
    return next v_caller.city_municipality_code;
  elsif v_caller.role = 'oversight' and v_caller.oversight_scope_code is null then
    return query select m.psgc_code from public.cities_municipalities m;
  elsif v_caller.role = 'oversight' then
    -- One indexed read whatever the scope's level: the city or municipality itself, or those of a
    -- province, or of the provinces of a region.
    return query
    select m.psgc_code from public.cities_municipalities m
    where m.psgc_code = v_caller.oversight_scope_code
       or m.province_code = any (array(select p.psgc_code from public.provinces p
                                       where p.region_code = v_caller.oversight_scope_code)
                                 || v_caller.oversight_scope_code);
  end if;
end;
$$;
comment on function private.scope_city_municipality_codes() is
  'The cities and municipalities in the caller''s scope: the one an active MLGOO, assessor or validator serves, or those within the region, province or city/municipality of an oversight user (every one for the central office); none for anyone else.';

create function private.is_oversight()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select coalesce(private.current_app_role() = 'oversight', false));
end;
$$;
comment on function private.is_oversight() is 'True when the caller is an active oversight user (a DILG provincial, regional or central office).';

create function private.oversees_the_country()
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (select 1 from public.profiles
                 where id = (select auth.uid()) and is_active and role = 'oversight' and oversight_scope_code is null);
end;
$$;
comment on function private.oversees_the_country() is
  'True when the caller is an active oversight user of the whole country (the central office): its policies then need no list of places.';

grant execute on function private.current_city_municipality_code(), private.oversight_scope_code(),
  private.scope_city_municipality_codes(), private.is_oversight(), private.oversees_the_country()
  to authenticated, service_role;

create function private.current_user_id()
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select id from public.profiles where id = (select auth.uid()) and is_active and role is not null);
end;
$$;
comment on function private.current_user_id() is
  'The caller''s user id while the caller has an active profile with a role, else null: for policies on the caller''s own rows, so deactivation applies at once.';
grant execute on function private.current_user_id() to authenticated, service_role;

-- The one refusal of a caller's role, for every function that some roles only may call.
create function private.role_title(p_role public.app_role)
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
comment on function private.role_title(public.app_role) is 'How an error message names a role.';

create function private.require_role(p_roles public.app_role[], p_action text)
returns public.app_role
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.current_app_role();
begin
  if v_role is null or not v_role = any (p_roles) then
    raise exception 'Only % can %', (
        select string_agg(private.role_title(r), ' or ') from unnest(p_roles) as r
      ), p_action
      using errcode = '42501',
            hint = 'Sign in with an account that has this role; the MLGOO assigns roles.';
  end if;
  return v_role;
end;
$$;
comment on function private.require_role(public.app_role[], text) is
  'Refuses (42501, ''Only <roles> can <p_action>'') a caller whose active role is not one of p_roles; returns the role. The one role guard of every function some roles only may call.';

-- The first-login password change: until the user sets their own password, they may read but not
-- change anything. Read live from the profile (the token's claim is as old as the token).
create function private.require_password_changed(p_user_id uuid default null)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.profiles
             where id = coalesce(p_user_id, (select auth.uid())) and must_change_password) then
    raise exception 'Change your password first'
      using errcode = '42501',
            hint = 'You are still using the password you were given. Set your own password, then try again; until then you can look but not change anything.';
  end if;
end;
$$;
comment on function private.require_password_changed(uuid) is
  'Refuses (42501) any change by a user (the caller unless named) whose profile says must_change_password; called by every workflow function, by the triggers on directly writable tables and by the MOV upload check.';

create function private.refuse_until_password_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.require_password_changed();
  return case tg_op when 'DELETE' then old else new end;
end;
$$;
comment on function private.refuse_until_password_changed() is
  'Trigger on every table (and the MOV bucket) a signed-in user may write directly: refuses the write while the caller must change the password.';

-- Workflow writes: the guard on state columns ---------------------------------------------------
-- The state the workflow decides (statuses, versions, locks, allowances, decisions, roles and
-- activity) changes only in a transaction that declared itself a workflow write. The workflow and
-- administration functions, the scheduled jobs, seed.sql and the test fixtures declare it; a change
-- made by hand, even by the superuser in Studio, is refused and told which function to call.

create function private.declare_workflow_write()
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform set_config('vantage.workflow_write', txid_current()::text, true);
end;
$$;
comment on function private.declare_workflow_write() is
  'Declares the current transaction a workflow write, so that it may change the guarded state columns; the declaration ends with the transaction.';

create function private.guard_workflow_columns()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_setting('vantage.workflow_write', true) is distinct from txid_current()::text then
    raise exception 'The workflow state of % is changed only through the workflow functions', tg_table_name
      using errcode = '42501',
            hint = format('Call %s, acting as the user (README, "Administration"); a script that must write directly calls private.declare_workflow_write() first.', tg_argv[0]);
  end if;
  return new;
end;
$$;
comment on function private.guard_workflow_columns() is
  'Trigger on the workflow state columns: refuses (42501) a change outside a declared workflow write, naming the function to use (the trigger''s argument).';

create function private.start_workflow_write(p_roles public.app_role[], p_action text)
returns public.app_role
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role;
begin
  perform private.require_password_changed();
  v_role := private.require_role(p_roles, p_action);
  perform private.declare_workflow_write();
  return v_role;
end;
$$;
comment on function private.start_workflow_write(public.app_role[], text) is
  'The first step of every workflow and administration function: refuses (42501) a caller who must change the password first or whose active role is not one of p_roles (private.require_role), then declares the transaction a workflow write; returns the role.';

-- Profiles: grants and policies -----------------------------------------------------------------

-- The accounts the caller administers, listed through the indexes on a profile's city or
-- municipality, barangay and role: the policy then probes the primary key for these ids instead
-- of testing every profile of the country against the MLGOO's and the administrator's rules.
create function private.administered_profile_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 50
as $$
declare
  v_caller public.profiles;
begin
  select * into v_caller from public.profiles where id = (select auth.uid()) and is_active;
  if v_caller.role = 'mlgoo' then
    return query
    select p.id from public.profiles p where p.city_municipality_code = v_caller.city_municipality_code
    union all
    select p.id
    from public.barangays b
    join public.profiles p on p.barangay_id = b.id
    where b.city_municipality_code = v_caller.city_municipality_code;
  elsif v_caller.role = 'administrator' then
    return query select p.id from public.profiles p where p.role in ('mlgoo', 'oversight');
  else
    return;
  end if;
  return query select p.id from public.profiles p where p.role is null;
end;
$$;
comment on function private.administered_profile_ids() is
  'The profiles an active MLGOO reads as their administrator (the staff serving its city or municipality and the users of its barangays) or the central administrator (MLGOOs and oversight offices), and for both the accounts still without a role; none for anyone else.';
grant execute on function private.administered_profile_ids() to authenticated, service_role;

alter table public.profiles enable row level security;
grant select on public.profiles to authenticated, service_role;
grant update (full_name, preferred_language) on public.profiles to authenticated;

create policy "Users read their own profile, administrators their accounts" on public.profiles
  for select to authenticated
  using (
    id = (select private.current_user_id())
    or id = any (array(select private.administered_profile_ids()))
  );
comment on policy "Users read their own profile, administrators their accounts" on public.profiles is
  'An active user with a role reads their own profile; an active MLGOO reads the profiles of the people of its city or municipality (staff serving it, users of its barangays), the central administrator those of the MLGOOs and oversight offices; both read accounts still without a role.';
create policy "Active users edit their own name and language" on public.profiles
  for update to authenticated
  using (id = (select private.current_user_id()))
  with check (id = (select private.current_user_id()));
comment on policy "Active users edit their own name and language" on public.profiles is
  'An active user with a role changes their own full name and preferred language (the only columns granted); role, scope and activity change only through the MLGOO''s administration functions.';

create function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.touch_updated_at() is 'Keeps updated_at true on every update.';

create trigger touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger password_changed before update on public.profiles
  for each statement execute function private.refuse_until_password_changed();
create trigger guard_workflow_columns before update on public.profiles
  for each row
  when ((old.role, old.barangay_id, old.area_code, old.city_municipality_code, old.oversight_scope_code, old.is_active)
        is distinct from (new.role, new.barangay_id, new.area_code, new.city_municipality_code, new.oversight_scope_code, new.is_active))
  execute function private.guard_workflow_columns('admin_set_user_role or admin_set_user_active');

-- Barangays: grants and policies ----------------------------------------------------------------

alter table public.barangays enable row level security;
grant select on public.barangays to authenticated, service_role;
grant insert (psgc_code, name, city_municipality_code, is_active),
  update (psgc_code, name, is_active)
  on public.barangays to authenticated;

create policy "Staff read the barangays in their scope" on public.barangays
  for select to authenticated
  using (
    (select private.oversees_the_country())
    or (select private.oversight_scope_code()) in (region_code, province_code, city_municipality_code)
    or city_municipality_code = (select private.current_city_municipality_code())
    or id = (select private.current_barangay_id())
  );
comment on policy "Staff read the barangays in their scope" on public.barangays is
  'An active MLGOO, assessor or validator reads the barangays of the city or municipality they serve, an oversight user those within its scope; a barangay user reads its own.';
create policy "The MLGOO registers barangays" on public.barangays
  for insert to authenticated
  with check ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()));
comment on policy "The MLGOO registers barangays" on public.barangays is
  'An active MLGOO registers barangays of its own city or municipality.';
create policy "The MLGOO edits barangays" on public.barangays
  for update to authenticated
  using ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()))
  with check ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()));
comment on policy "The MLGOO edits barangays" on public.barangays is
  'An active MLGOO edits the barangays of its own city or municipality, and cannot move one out of it.';
create trigger password_changed before insert or update on public.barangays
  for each statement execute function private.refuse_until_password_changed();
