-- Auth: a profile for every auth user, the access-token hook that adds role and scope claims (and
-- refuses deactivated or unassigned users), and user administration: each MLGOO administers the
-- people of its city or municipality, the central administrator the MLGOOs and oversight offices;
-- the first MLGOO of each city or municipality, the oversight offices and the central
-- administrators can also be made from the SQL editor. Accounts are created with the service role
-- through the Supabase Auth admin API (the admin-users Edge Function); there is no public sign-up.

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

-- Account administration: who administers whom ----------------------------------------------------
-- An MLGOO administers the barangay users, assessors and validators of its city or municipality;
-- the central administrator MLGOOs and oversight offices; nobody else anyone. One rule
-- (private.administers) decides for every administration function, and for the admin-users Edge
-- Function, which asks the database as its caller before it acts in Supabase Auth.

create function private.administered_roles()
returns public.app_role[]
language sql
stable
security definer
set search_path = ''
as $$
  select case private.current_app_role()
    when 'mlgoo' then '{blgu,assessor,validator}'::public.app_role[]
    when 'administrator' then '{mlgoo,oversight}'::public.app_role[]
    else '{}'::public.app_role[]
  end;
$$;
comment on function private.administered_roles() is
  'The roles whose accounts the caller administers: an active MLGOO barangay users, assessors and validators (of its city or municipality), the central administrator MLGOOs and oversight users; none for anyone else.';

create function private.administers(p_role public.app_role, p_barangay_id uuid, p_city_municipality_code text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_city text := private.current_city_municipality_code();
begin
  if cardinality(private.administered_roles()) = 0 then
    return false;
  end if;
  return p_role is null
    or (p_role = any (private.administered_roles())
        and (private.current_app_role() = 'administrator'
             or (p_role = 'blgu' and exists (select 1 from public.barangays b
                                             where b.id = p_barangay_id and b.city_municipality_code = v_city))
             or (p_role in ('assessor', 'validator') and p_city_municipality_code = v_city)));
end;
$$;
comment on function private.administers(public.app_role, uuid, text) is
  'Whether the caller administers an account of this role and scope: an active MLGOO the barangay users of its barangays and the assessors and validators of its city or municipality, the central administrator MLGOOs and oversight users; both accounts without a role yet; nobody else anyone.';

create function private.administration_refusal_hint()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case private.current_app_role()
    when 'mlgoo' then 'An MLGOO administers the barangay users, assessors and validators of the city or municipality it serves; the central administrator administers MLGOOs and oversight offices.'
    else 'The central administrator administers MLGOOs and oversight offices; each MLGOO the barangay users, assessors and validators of its city or municipality.'
  end;
$$;
comment on function private.administration_refusal_hint() is 'The hint of a refusal to administer an account, for the caller''s role.';

-- The scope an account is given: complete, existing, and the caller's to give.
create function private.require_account_scope(
  p_role public.app_role,
  p_barangay_id uuid,
  p_area_code smallint,
  p_city_municipality_code text,
  p_oversight_scope_code text
)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_role is null then
    raise exception 'A role is required'
      using errcode = 'VA008', column = 'role', hint = 'Give blgu, assessor or validator (an MLGOO), mlgoo or oversight (the central administrator).';
  end if;
  if not p_role = any (private.administered_roles()) then
    raise exception 'You may not give the role %', p_role
      using errcode = '42501', column = 'role', hint = private.administration_refusal_hint();
  end if;
  if (p_role = 'blgu') <> (p_barangay_id is not null) then
    raise exception 'A barangay is given exactly for blgu users (role %)', p_role
      using errcode = 'VA008', column = 'barangay', hint = 'Name a barangay (PSGC code or name) for blgu users only.';
  end if;
  if (p_role = 'assessor') <> (p_area_code is not null) then
    raise exception 'A governance area is given exactly for assessors (role %)', p_role
      using errcode = 'VA008', column = 'area', hint = 'Give an area (1 to 6) for assessors only.';
  end if;
  if p_area_code is not null and p_area_code not between 1 and 6 then
    raise exception 'Governance area % does not exist', p_area_code
      using errcode = 'VA008', column = 'area', hint = 'Areas are numbered 1 to 6.';
  end if;
  if p_role = 'oversight' and p_oversight_scope_code is not null
     and not exists (select 1 from public.regions where psgc_code = p_oversight_scope_code)
     and not exists (select 1 from public.provinces where psgc_code = p_oversight_scope_code)
     and not exists (select 1 from public.cities_municipalities where psgc_code = p_oversight_scope_code) then
    raise exception 'No region, province, city or municipality has the PSGC code %', p_oversight_scope_code
      using errcode = 'VA008', column = 'oversightScope', hint = 'Use a code of public.regions, public.provinces or public.cities_municipalities, or none for the whole country.';
  end if;
  if p_role <> 'oversight' and p_oversight_scope_code is not null then
    raise exception 'An oversight scope is given only for oversight users (role %)', p_role
      using errcode = 'VA008', column = 'oversightScope', hint = 'Leave oversightScope out.';
  end if;
  if p_role in ('mlgoo', 'assessor', 'validator')
     and not exists (select 1 from public.cities_municipalities where psgc_code = p_city_municipality_code) then
    raise exception 'City or municipality % does not exist', coalesce(p_city_municipality_code, '(none given)')
      using errcode = 'VA008', column = 'cityMunicipality', hint = 'Use a PSGC code of public.cities_municipalities.';
  end if;
  if p_barangay_id is not null and not exists (select 1 from public.barangays where id = p_barangay_id and is_active) then
    raise exception 'Barangay % does not exist or is inactive', p_barangay_id
      using errcode = 'VA008', column = 'barangay', hint = 'Pick an active barangay.';
  end if;
  if not private.administers(p_role, p_barangay_id, p_city_municipality_code) then
    raise exception '%', case when p_role = 'blgu' then 'The barangay belongs to another city or municipality'
                              else 'An assessor or validator you name serves your own city or municipality' end
      using errcode = '42501', hint = private.administration_refusal_hint(),
            column = case when p_role = 'blgu' then 'barangay' else 'cityMunicipality' end;
  end if;
end;
$$;
comment on function private.require_account_scope(public.app_role, uuid, smallint, text, text) is
  'Refuses a role and scope that is incomplete or unknown (VA008, naming the field in the error''s column) or that the caller may not give (42501, private.administers).';

-- Who serves where: an assessor or validator the MLGOO names serves the MLGOO's city or
-- municipality; an MLGOO the one the central administrator names.
create function private.served_city_municipality(p_role public.app_role, p_city_municipality_code text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case when p_role in ('assessor', 'validator')
              then coalesce(p_city_municipality_code, private.current_city_municipality_code())
              when p_role = 'mlgoo' then p_city_municipality_code end;
$$;
comment on function private.served_city_municipality(public.app_role, text) is
  'The city or municipality an account of this role serves: for an assessor or validator the one given, else the caller''s; for an MLGOO the one given; none for other roles.';

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
      using errcode = 'VA007', hint = 'Create the account first (the admin-users function).';
  end if;
  if p_user_id = (select auth.uid()) then
    raise exception 'You cannot change your own role, activity or password here'
      using errcode = 'VA008', hint = 'Another administrator of your accounts must do it; change your own password after signing in.';
  end if;
  if not private.administers(v_profile.role, v_profile.barangay_id, v_profile.city_municipality_code) then
    raise exception '%', case when private.current_app_role() = 'mlgoo' and v_profile.role in ('blgu', 'assessor', 'validator')
                              then 'This user belongs to another city or municipality'
                              else format('You do not administer %s accounts', v_profile.role) end
      using errcode = '42501', hint = private.administration_refusal_hint();
  end if;
  return v_profile;
end;
$$;
comment on function private.user_profile_for_update(uuid) is
  'Locks the profile an administration function changes: refuses an unknown user (VA007), the caller itself (VA008) and an account the caller does not administer (42501, private.administers).';

create function public.admin_set_user_role(
  p_user_id uuid,
  p_role public.app_role,
  p_barangay_id uuid default null,
  p_area_code smallint default null,
  p_city_municipality_code text default null,
  p_oversight_scope_code text default null
)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.profiles;
  v_after public.profiles;
  v_city text := private.served_city_municipality(p_role, p_city_municipality_code);
begin
  perform private.start_workflow_write('{mlgoo,administrator}', 'administer users');
  v_before := private.user_profile_for_update(p_user_id);
  perform private.require_account_scope(p_role, p_barangay_id, p_area_code, v_city, p_oversight_scope_code);

  update public.profiles
  set role = p_role, barangay_id = p_barangay_id, area_code = p_area_code, city_municipality_code = v_city,
      oversight_scope_code = p_oversight_scope_code
  where id = p_user_id
  returning * into v_after;

  insert into public.events (actor_id, action, from_status, to_status, area_code, details, visible_to_barangay)
  values (
    (select auth.uid()), 'user_role_set', v_before.role::text, p_role::text, p_area_code,
    jsonb_build_object('user_id', p_user_id, 'email', v_before.email, 'barangay_id', p_barangay_id,
                       'previous_barangay_id', v_before.barangay_id, 'previous_area_code', v_before.area_code,
                       'city_municipality_code', v_city, 'previous_city_municipality_code', v_before.city_municipality_code,
                       'oversight_scope_code', p_oversight_scope_code,
                       'previous_oversight_scope_code', v_before.oversight_scope_code),
    false
  );
  return v_after;
end;
$$;
comment on function public.admin_set_user_role(uuid, public.app_role, uuid, smallint, text, text) is
  'The MLGOO gives an account of its city or municipality (or one without a role yet) the role blgu (a barangay of its city or municipality), assessor (an area) or validator, serving its city or municipality; the central administrator makes an account an MLGOO (p_city_municipality_code) or an oversight user (p_oversight_scope_code, or null for the whole country). Applies at once and records a user_role_set event.';
revoke all on function public.admin_set_user_role(uuid, public.app_role, uuid, smallint, text, text) from public, anon;
grant execute on function public.admin_set_user_role(uuid, public.app_role, uuid, smallint, text, text) to authenticated;

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
  perform private.start_workflow_write('{mlgoo,administrator}', 'administer users');
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
  'The MLGOO (its people) or the central administrator (MLGOOs and oversight users): deactivates an account (data access ends at once, sign-in refused) or reactivates it.';
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
