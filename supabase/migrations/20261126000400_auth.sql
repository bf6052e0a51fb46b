-- Auth: a profile for every auth user, the access-token hook that adds role and scope claims (and
-- refuses deactivated or unassigned users), and user administration: each MLGOO administers the
-- people of its city or municipality; the first MLGOO of each, the oversight offices and the central
-- administrators are made from the SQL editor. Accounts are created with the service role through
-- the Supabase Auth admin API; there is no public sign-up.

-- Profiles follow auth.users ------------------------------------------------------------------

create function private.create_profile_for_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, email, full_name)
  values (new.id, new.email, coalesce(new.raw_user_meta_data ->> 'full_name', ''));
  return null;
end;
$$;
comment on function private.create_profile_for_new_user() is
  'Every auth user gets a profile without a role; only the MLGOO assigns one.';

create trigger create_profile after insert on auth.users
  for each row execute function private.create_profile_for_new_user();

create function private.sync_profile_from_auth_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.profiles
  set email = new.email,
      -- A new password chosen after a sign-in is the user's own: the first-login change is done.
      -- A password set before any sign-in (account creation, reset by the administrator for a
      -- user who never signed in) leaves the flag as it is.
      must_change_password = must_change_password
        and not (new.encrypted_password is distinct from old.encrypted_password
                 and new.last_sign_in_at is not null)
  where id = new.id
    and (email is distinct from new.email
         or (must_change_password and new.encrypted_password is distinct from old.encrypted_password
             and new.last_sign_in_at is not null));
  return null;
end;
$$;
comment on function private.sync_profile_from_auth_user() is
  'Keeps profiles.email in step with auth.users and clears must_change_password once the user, having signed in, sets a new password.';

create trigger sync_profile after update of email, encrypted_password on auth.users
  for each row execute function private.sync_profile_from_auth_user();

-- Custom access token hook ----------------------------------------------------------------------

create function public.custom_access_token_hook(event jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  select * into v_profile from public.profiles where id = (event ->> 'user_id')::uuid;
  if not found or not v_profile.is_active then
    return jsonb_build_object('error', jsonb_build_object(
      'http_code', 403,
      'message', 'This account is deactivated. Ask the MLGOO to reactivate it.'));
  end if;
  if v_profile.role is null then
    return jsonb_build_object('error', jsonb_build_object(
      'http_code', 403,
      'message', 'This account has no role yet. Ask the MLGOO to assign one.'));
  end if;
  return jsonb_build_object('claims', coalesce(event -> 'claims', '{}'::jsonb) || jsonb_build_object(
    'app_role', v_profile.role,
    'barangay_id', v_profile.barangay_id,
    'area_code', v_profile.area_code,
    'must_change_password', v_profile.must_change_password));
end;
$$;
comment on function public.custom_access_token_hook(jsonb) is
  'Supabase Auth access-token hook: adds app_role, barangay_id, area_code and must_change_password to the claims; refuses deactivated users and users without a role (403).';

grant usage on schema public to supabase_auth_admin;
grant execute on function public.custom_access_token_hook(jsonb) to supabase_auth_admin;
revoke execute on function public.custom_access_token_hook(jsonb) from authenticated, anon, public;
grant select on public.profiles to supabase_auth_admin;
create policy "The auth server reads profiles to issue tokens" on public.profiles
  as permissive for select to supabase_auth_admin using (true);
comment on policy "The auth server reads profiles to issue tokens" on public.profiles is
  'Supabase Auth (supabase_auth_admin) reads every profile, so that the access-token hook can add role and scope to the token or refuse it.';

-- MLGOO user administration -----------------------------------------------------------------------

create function private.user_profile_for_update(p_user_id uuid)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  select * into v_profile from public.profiles where id = p_user_id for update;
  if not found then
    raise exception 'User % does not exist', p_user_id
      using errcode = 'VA007', hint = 'Create the account through the Auth admin API first.';
  end if;
  if p_user_id = (select auth.uid()) then
    raise exception 'The MLGOO cannot change their own role or activity'
      using errcode = 'VA008', hint = 'Another MLGOO account must do it.';
  end if;
  if v_profile.role is not null
     and v_profile.city_municipality_code is distinct from private.current_city_municipality_code()
     and v_profile.barangay_id not in (select private.scope_barangay_ids()) is not false then
    raise exception 'This user belongs to another city or municipality'
      using errcode = '42501', hint = 'You administer the people of the city or municipality you serve.';
  end if;
  return v_profile;
end;
$$;
comment on function private.user_profile_for_update(uuid) is
  'Locks the profile the MLGOO changes: refuses an unknown user (VA007), the MLGOO itself (VA008) and a user with a role of another city or municipality (42501).';

create function public.admin_set_user_role(
  p_user_id uuid,
  p_role public.app_role,
  p_barangay_id uuid default null,
  p_area_code smallint default null
)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.profiles;
  v_after public.profiles;
begin
  perform private.start_workflow_write('{mlgoo}', 'administer users');
  v_before := private.user_profile_for_update(p_user_id);

  if p_role is null then
    raise exception 'A role is required'
      using errcode = 'VA008', hint = 'Use admin_set_user_active to take access away.';
  end if;
  if p_role in ('oversight', 'administrator') or v_before.role in ('oversight', 'administrator') then
    raise exception 'Oversight and central administrator accounts are given by the central office, not by an MLGOO'
      using errcode = '42501', hint = 'The central office runs private.create_office_user.';
  end if;
  if (p_role = 'blgu') <> (p_barangay_id is not null) then
    raise exception 'A barangay is given exactly for blgu users (role %)', p_role
      using errcode = 'VA008', hint = 'Pass p_barangay_id for blgu users only.';
  end if;
  if (p_role = 'assessor') <> (p_area_code is not null) then
    raise exception 'A governance area is given exactly for assessors (role %)', p_role
      using errcode = 'VA008', hint = 'Pass p_area_code (1 to 6) for assessors only.';
  end if;
  if p_barangay_id is not null
     and not exists (select 1 from public.barangays where id = p_barangay_id and is_active
                     and city_municipality_code = private.current_city_municipality_code()) then
    raise exception 'Barangay % does not exist, is inactive or is of another city or municipality', p_barangay_id
      using errcode = 'VA008', hint = 'Pick an active barangay of the city or municipality you serve.';
  end if;
  if p_area_code is not null and p_area_code not between 1 and 6 then
    raise exception 'Governance area % does not exist', p_area_code
      using errcode = 'VA008', hint = 'Areas are numbered 1 to 6.';
  end if;

  update public.profiles
  set role = p_role, barangay_id = p_barangay_id, area_code = p_area_code,
      city_municipality_code = case when p_role in ('mlgoo', 'assessor', 'validator')
                                    then private.current_city_municipality_code() end
  where id = p_user_id
  returning * into v_after;

  insert into public.events (actor_id, action, from_status, to_status, area_code, details, visible_to_barangay)
  values (
    (select auth.uid()), 'user_role_set', v_before.role::text, p_role::text, p_area_code,
    jsonb_build_object('user_id', p_user_id, 'email', v_before.email, 'barangay_id', p_barangay_id,
                       'previous_barangay_id', v_before.barangay_id, 'previous_area_code', v_before.area_code),
    false
  );
  return v_after;
end;
$$;
comment on function public.admin_set_user_role(uuid, public.app_role, uuid, smallint) is
  'MLGOO only: gives a user of its city or municipality (or an account without a role yet) a role and its scope: a barangay of its city or municipality for blgu users, an area for assessors; the MLGOO, assessors and validators it names serve its city or municipality. Applies at once.';
revoke all on function public.admin_set_user_role(uuid, public.app_role, uuid, smallint) from public, anon;
grant execute on function public.admin_set_user_role(uuid, public.app_role, uuid, smallint) to authenticated;

create function public.admin_set_user_active(p_user_id uuid, p_active boolean)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.profiles;
  v_after public.profiles;
begin
  perform private.start_workflow_write('{mlgoo}', 'administer users');
  if p_active is null then
    raise exception 'Say whether the user is active'
      using errcode = 'VA008', hint = 'Pass true or false.';
  end if;
  v_before := private.user_profile_for_update(p_user_id);

  update public.profiles set is_active = p_active where id = p_user_id returning * into v_after;
  -- Data access ends at once (policies read is_active live); the ban also ends the sessions and
  -- refuses new sign-ins and token refreshes.
  update auth.users
  set banned_until = case when p_active then null else now() + interval '100 years' end
  where id = p_user_id;

  if v_before.is_active is distinct from p_active then
    insert into public.events (actor_id, action, details, visible_to_barangay)
    values (
      (select auth.uid()), case when p_active then 'user_reactivated' else 'user_deactivated' end,
      jsonb_build_object('user_id', p_user_id, 'email', v_before.email),
      false
    );
  end if;
  return v_after;
end;
$$;
comment on function public.admin_set_user_active(uuid, boolean) is
  'MLGOO only: deactivates a user (data access ends at once, sign-in refused) or reactivates them.';
revoke all on function public.admin_set_user_active(uuid, boolean) from public, anon;
grant execute on function public.admin_set_user_active(uuid, boolean) to authenticated;

-- The first MLGOO of a city or municipality ------------------------------------------------------

create function private.create_first_mlgoo(p_email text, p_city_municipality_code text)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  if not exists (select 1 from public.cities_municipalities where psgc_code = p_city_municipality_code) then
    raise exception 'City or municipality % does not exist', p_city_municipality_code
      using errcode = 'VA007', hint = 'Use a PSGC code from public.cities_municipalities.';
  end if;
  if exists (select 1 from public.profiles
             where role = 'mlgoo' and is_active and city_municipality_code = p_city_municipality_code) then
    raise exception 'This city or municipality already has an active MLGOO'
      using errcode = 'VA001', hint = 'Its MLGOO assigns roles with admin_set_user_role.';
  end if;
  perform private.declare_workflow_write();
  update public.profiles
  set role = 'mlgoo', barangay_id = null, area_code = null, city_municipality_code = p_city_municipality_code,
      is_active = true
  where lower(email) = lower(trim(p_email))
  returning * into v_profile;
  if not found then
    raise exception 'No account has the e-mail %', p_email
      using errcode = 'VA007', hint = 'Create the user first (Dashboard: Authentication, Add user; or the Auth admin API).';
  end if;
  insert into public.events (action, to_status, details, visible_to_barangay)
  values ('user_role_set', 'mlgoo', jsonb_build_object('user_id', v_profile.id, 'email', v_profile.email,
          'cityMunicipalityCode', p_city_municipality_code, 'firstAdministrator', true), false);
  return v_profile;
end;
$$;
comment on function private.create_first_mlgoo(text, text) is
  'Run from the SQL editor: makes the existing account with this e-mail the MLGOO of a city or municipality that has no active MLGOO; from then on that MLGOO administers its people.';

-- Oversight and central administrator accounts ------------------------------------------------------

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
