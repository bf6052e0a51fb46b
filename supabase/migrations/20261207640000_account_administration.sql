-- Accounts made and kept from the app: what the admin-users Edge Function asks the database as its
-- caller, before and after it acts in Supabase Auth with the service role. Whether the caller may
-- create an account of a role and scope, or administer an existing one, is the one rule of user
-- administration (private.administers and private.require_account_scope, in the auth migration);
-- these functions apply it to an account being created, a password reset and a barangay named by
-- its code or name.

insert into public.error_codes (code, name, meaning) values
  ('23505', 'already_exists', 'Something that must be unique exists already, such as an account with this e-mail.');

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
  perform private.require_password_changed();
  perform private.require_role('{mlgoo,administrator}', 'administer users');
  return private.find_barangay(p_barangay);
end;
$$;
comment on function public.admin_find_barangay(text) is
  'The MLGOO or the central administrator: the id of the barangay with this PSGC code, or of this name in the caller''s city or municipality (VA008 when there is none or several), to give a barangay user with admin_set_user_role.';
revoke all on function public.admin_find_barangay(text) from public, anon;
grant execute on function public.admin_find_barangay(text) to authenticated;

-- The account an administration function changes -----------------------------------------------------

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
  v_city text := private.served_city_municipality(p_role, p_city_municipality_code);
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

  perform private.record_event(
    null, 'user_created', p_to => p_role::text, p_area_code => p_area_code,
    p_details => jsonb_build_object('user_id', p_user_id, 'email', v_profile.email, 'barangay_id', p_barangay_id,
                                    'city_municipality_code', p_city_municipality_code,
                                    'oversight_scope_code', p_oversight_scope_code, 'invited', p_invited),
    p_visible_to_barangay => false
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
  perform private.record_event(
    null, 'password_reset', p_details => jsonb_build_object('user_id', p_user_id, 'email', v_profile.email),
    p_visible_to_barangay => false
  );
  return v_profile;
end;
$$;
comment on function public.admin_reset_password(uuid) is
  'The MLGOO or the central administrator, once Supabase Auth holds the temporary password it gave an account it administers: the user must change it at the next sign-in (must_change_password); records a password_reset event.';
revoke all on function public.admin_reset_password(uuid) from public, anon;
grant execute on function public.admin_reset_password(uuid) to authenticated;
