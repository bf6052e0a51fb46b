-- Account administration: who gives accounts to whom. An MLGOO administers the barangay users,
-- assessors and validators of its city or municipality; the central administrator administers
-- MLGOOs and oversight offices; nobody else administers anyone. The admin-users Edge Function asks
-- these functions as its caller before it acts in Supabase Auth with the service role, and again
-- (in the same words) when it records the account's role, scope and event, so the rule lives here
-- only.

insert into public.error_codes (code, name, meaning) values
  ('23505', 'already_exists', 'Something that must be unique exists already, such as an account with this e-mail.');

-- The rule --------------------------------------------------------------------------------------------

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

-- A barangay of the caller's city or municipality, named by its PSGC code or its name.
create function private.find_barangay(p_barangay text)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_city text := private.current_city_municipality_code();
begin
  select array_agg(b.id) into v_ids
  from public.barangays b
  where b.psgc_code = trim(p_barangay)
     or (b.city_municipality_code = v_city and lower(b.name) = lower(trim(p_barangay)));
  if cardinality(v_ids) = 1 then
    return v_ids[1];
  elsif cardinality(v_ids) > 1 then
    raise exception 'Several barangays of your city or municipality are named %', p_barangay
      using errcode = 'VA008', column = 'barangay', hint = 'Give the barangay''s PSGC code instead.';
  end if;
  raise exception 'No barangay has the PSGC code or name % in your city or municipality', p_barangay
    using errcode = 'VA008', column = 'barangay', hint = 'Use the barangay''s 9- or 10-digit PSGC code or its name as public.barangays lists it.';
end;
$$;
comment on function private.find_barangay(text) is
  'The barangay with this PSGC code, or of this name in the caller''s city or municipality; VA008 naming the field when there is none or several.';

create function public.admin_find_barangay(p_barangay text)
returns uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_role('{mlgoo,administrator}', 'administer users');
  return private.find_barangay(p_barangay);
end;
$$;
comment on function public.admin_find_barangay(text) is
  'The MLGOO or the central administrator: the id of the barangay with this PSGC code, or of this name in the caller''s city or municipality (VA008 when there is none or several), to give a barangay user with admin_set_user_role.';
revoke all on function public.admin_find_barangay(text) from public, anon;
grant execute on function public.admin_find_barangay(text) to authenticated;

-- The account an administration function changes -----------------------------------------------------

create or replace function private.user_profile_for_update(p_user_id uuid)
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

create function public.admin_user_check(p_user_id uuid)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.start_workflow_write('{mlgoo,administrator}', 'administer users');
  return private.user_profile_for_update(p_user_id);
end;
$$;
comment on function public.admin_user_check(uuid) is
  'The MLGOO or the central administrator: the profile of an account the caller administers (locked until the transaction ends); refuses an unknown user (VA007), the caller itself (VA008) and anyone else''s account (42501). Asked before a password reset or a deactivation is made in Supabase Auth.';
revoke all on function public.admin_user_check(uuid) from public, anon;
grant execute on function public.admin_user_check(uuid) to authenticated;

-- Role and scope ----------------------------------------------------------------------------------------

drop function public.admin_set_user_role(uuid, public.app_role, uuid, smallint);
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
  v_city text := case when p_role in ('assessor', 'validator')
                      then coalesce(p_city_municipality_code, private.current_city_municipality_code())
                      when p_role = 'mlgoo' then p_city_municipality_code end;
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

create or replace function public.admin_set_user_active(p_user_id uuid, p_active boolean)
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

-- New accounts --------------------------------------------------------------------------------------------

create function public.admin_account_check(
  p_email text,
  p_role public.app_role,
  p_barangay text default null,
  p_area_code smallint default null,
  p_city_municipality_code text default null,
  p_oversight_scope_code text default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_barangay_id uuid;
  v_city text := case when p_role in ('assessor', 'validator')
                      then coalesce(p_city_municipality_code, private.current_city_municipality_code())
                      when p_role = 'mlgoo' then p_city_municipality_code end;
begin
  perform private.start_workflow_write('{mlgoo,administrator}', 'administer users');
  if p_email is null or p_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'The e-mail % is not an e-mail address', coalesce(p_email, '(none given)')
      using errcode = 'VA008', column = 'email', hint = 'Give the person''s e-mail address, e.g. juan.delacruz@example.gov.ph.';
  end if;
  if nullif(trim(p_barangay), '') is not null then
    v_barangay_id := private.find_barangay(p_barangay);
  end if;
  perform private.require_account_scope(p_role, v_barangay_id, p_area_code, v_city, p_oversight_scope_code);
  if exists (select 1 from public.profiles where lower(email) = lower(trim(p_email))) then
    raise exception 'An account with the e-mail % exists already', lower(trim(p_email))
      using errcode = '23505', column = 'email', hint = 'Each person has one account: change its role or reset its password instead.';
  end if;
  return jsonb_build_object('email', lower(trim(p_email)), 'role', p_role, 'barangayId', v_barangay_id,
                            'areaCode', p_area_code, 'cityMunicipalityCode', v_city,
                            'oversightScopeCode', p_oversight_scope_code);
end;
$$;
comment on function public.admin_account_check(text, public.app_role, text, smallint, text, text) is
  'The MLGOO or the central administrator, before an account is created in Supabase Auth: whether the caller may create an account with this e-mail, role and scope (the barangay by PSGC code or by name in the caller''s city or municipality; assessors and validators serve the MLGOO''s own). Returns the account''s resolved scope; refuses a malformed or unknown field (VA008, the field in the error''s column), a role or scope the caller may not give (42501) and an e-mail in use (23505).';
revoke all on function public.admin_account_check(text, public.app_role, text, smallint, text, text) from public, anon;
grant execute on function public.admin_account_check(text, public.app_role, text, smallint, text, text) to authenticated;

create function public.admin_create_account(
  p_user_id uuid,
  p_full_name text,
  p_preferred_language public.ui_language,
  p_role public.app_role,
  p_barangay_id uuid default null,
  p_area_code smallint default null,
  p_city_municipality_code text default null,
  p_oversight_scope_code text default null,
  p_invited boolean default false
)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  perform private.start_workflow_write('{mlgoo,administrator}', 'administer users');
  select * into v_profile from public.profiles where id = p_user_id for update;
  if not found or v_profile.role is not null then
    raise exception 'User % is not a new account', p_user_id
      using errcode = 'VA007', hint = 'Create the account in Supabase Auth first; an account with a role changes through admin_set_user_role.';
  end if;
  perform private.require_account_scope(p_role, p_barangay_id, p_area_code, p_city_municipality_code, p_oversight_scope_code);
  if length(trim(coalesce(p_full_name, ''))) = 0 then
    raise exception 'A full name is required'
      using errcode = 'VA008', column = 'fullName', hint = 'Give the person''s name as it should appear in the app.';
  end if;

  update public.profiles
  set role = p_role, barangay_id = p_barangay_id, area_code = p_area_code,
      city_municipality_code = p_city_municipality_code, oversight_scope_code = p_oversight_scope_code,
      full_name = trim(p_full_name), preferred_language = coalesce(p_preferred_language, 'en'),
      must_change_password = true, is_active = true
  where id = p_user_id
  returning * into v_profile;

  insert into public.events (actor_id, action, to_status, area_code, details, visible_to_barangay)
  values (
    (select auth.uid()), 'user_created', p_role::text, p_area_code,
    jsonb_build_object('user_id', p_user_id, 'email', v_profile.email, 'barangay_id', p_barangay_id,
                       'city_municipality_code', p_city_municipality_code,
                       'oversight_scope_code', p_oversight_scope_code, 'invited', p_invited),
    false
  );
  return v_profile;
end;
$$;
comment on function public.admin_create_account(uuid, text, public.ui_language, public.app_role, uuid, smallint, text, text, boolean) is
  'The MLGOO or the central administrator, once Supabase Auth created the account (its profile has no role yet): gives it its name, language, role and scope (the same rule as admin_account_check), requires a password change at the first sign-in and records a user_created event.';
revoke all on function public.admin_create_account(uuid, text, public.ui_language, public.app_role, uuid, smallint, text, text, boolean) from public, anon;
grant execute on function public.admin_create_account(uuid, text, public.ui_language, public.app_role, uuid, smallint, text, text, boolean) to authenticated;

-- Password resets ---------------------------------------------------------------------------------------

create function public.admin_reset_password(p_user_id uuid)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  perform private.start_workflow_write('{mlgoo,administrator}', 'administer users');
  v_profile := private.user_profile_for_update(p_user_id);
  update public.profiles set must_change_password = true where id = p_user_id returning * into v_profile;
  insert into public.events (actor_id, action, details, visible_to_barangay)
  values ((select auth.uid()), 'password_reset', jsonb_build_object('user_id', p_user_id, 'email', v_profile.email), false);
  return v_profile;
end;
$$;
comment on function public.admin_reset_password(uuid) is
  'The MLGOO or the central administrator, once Supabase Auth holds the temporary password it gave an account it administers: the user must change it at the next sign-in (must_change_password); records a password_reset event.';
revoke all on function public.admin_reset_password(uuid) from public, anon;
grant execute on function public.admin_reset_password(uuid) to authenticated;
