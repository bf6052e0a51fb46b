-- Auth: profiles follow auth users, the access-token hook, and the MLGOO's user administration.

begin;
select plan(31);

-- Profiles follow auth.users -----------------------------------------------------------------------

insert into auth.users (id, aud, role, email, encrypted_password, raw_user_meta_data)
values ('11111111-0000-4000-8000-000000000001', 'authenticated', 'authenticated', 'new@t.local',
        'first-hash', '{"full_name": "New User"}');

select results_eq(
  $$ select email, full_name, role, is_active, must_change_password from public.profiles
     where id = '11111111-0000-4000-8000-000000000001' $$,
  $$ values ('new@t.local', 'New User', null::public.app_role, true, true) $$,
  'a new auth user gets an active profile with its e-mail and no role, and must change the password');

update auth.users set email = 'renamed@t.local' where id = '11111111-0000-4000-8000-000000000001';
select is((select email from public.profiles where id = '11111111-0000-4000-8000-000000000001'), 'renamed@t.local',
  'a changed auth e-mail is copied to the profile');

update auth.users set encrypted_password = 'reset-hash' where id = '11111111-0000-4000-8000-000000000001';
select ok((select must_change_password from public.profiles where id = '11111111-0000-4000-8000-000000000001'),
  'a password set before the first sign-in still has to be changed');

update auth.users set last_sign_in_at = now() where id = '11111111-0000-4000-8000-000000000001';
update auth.users set encrypted_password = 'own-hash' where id = '11111111-0000-4000-8000-000000000001';
select ok(not (select must_change_password from public.profiles where id = '11111111-0000-4000-8000-000000000001'),
  'a new password set after signing in clears must_change_password');

-- Access-token hook -------------------------------------------------------------------------------------

select tests.create_barangay('990000101', 'Hook Barangay');
select tests.create_user('hook-mlgoo@t.local', 'mlgoo');
select tests.create_user('hook-assessor@t.local', 'assessor', null, 3);
select tests.create_user('hook-blgu@t.local', 'blgu', (select id from public.barangays where psgc_code = '990000101'));
update public.profiles set must_change_password = true where email = 'hook-assessor@t.local';

create temporary table hook_event as
select jsonb_build_object(
  'user_id', tests.user_id('hook-assessor@t.local'),
  'authentication_method', 'password',
  'claims', jsonb_build_object('aud', 'authenticated', 'exp', 2000000000, 'iat', 1900000000,
    'sub', tests.user_id('hook-assessor@t.local'), 'email', 'hook-assessor@t.local', 'phone', '',
    'role', 'authenticated', 'aal', 'aal1', 'session_id', 'a8d6a5b8-0000-4000-8000-000000000000',
    'is_anonymous', false)) as event;

select is(
  public.custom_access_token_hook((select event from hook_event)) -> 'claims',
  (select event -> 'claims' from hook_event) || '{"app_role": "assessor", "area_code": 3, "barangay_id": null, "must_change_password": true}',
  'the hook keeps the claims Auth requires and adds app_role, area_code, barangay_id and must_change_password');
select is(
  tests.claims_for('hook-blgu@t.local') ->> 'barangay_id',
  (select id::text from public.barangays where psgc_code = '990000101'),
  'a barangay user''s token carries the barangay');

select is(
  public.custom_access_token_hook(jsonb_build_object('user_id', '11111111-0000-4000-8000-000000000001', 'claims', '{}'::jsonb)) -> 'error' -> 'http_code',
  '403'::jsonb, 'the hook refuses a user without a role (403)');

update public.profiles set is_active = false where email = 'hook-blgu@t.local';
select is(
  public.custom_access_token_hook(jsonb_build_object('user_id', tests.user_id('hook-blgu@t.local'), 'claims', '{}'::jsonb)) -> 'error' -> 'http_code',
  '403'::jsonb, 'the hook refuses a deactivated user (403)');
select ok(
  not public.custom_access_token_hook(jsonb_build_object('user_id', tests.user_id('hook-blgu@t.local'), 'claims', '{}'::jsonb)) ? 'claims',
  'a refused user gets no claims');
update public.profiles set is_active = true where email = 'hook-blgu@t.local';

-- Called as Auth calls it, connected as supabase_auth_admin: tests/auth/access-token-hook.test.ts.
select ok(has_function_privilege('supabase_auth_admin', 'public.custom_access_token_hook(jsonb)', 'execute'),
  'supabase_auth_admin, which Auth connects as, may execute the hook');
select tests.act_as('hook-mlgoo@t.local');
select throws_ok($$ select public.custom_access_token_hook('{}') $$, '42501', null,
  'authenticated cannot execute the hook');
select tests.act_as_anon();
select throws_ok($$ select public.custom_access_token_hook('{}') $$, '42501', null,
  'anon cannot execute the hook');
select tests.act_as_postgres();
select ok(not has_function_privilege('public', 'public.custom_access_token_hook(jsonb)', 'execute'),
  'PUBLIC has no execute right on the hook');

-- MLGOO user administration -----------------------------------------------------------------------------

update public.profiles set must_change_password = false where email = 'hook-assessor@t.local';
select tests.act_as('hook-assessor@t.local');
select throws_ok(
  $$ select public.admin_set_user_role('11111111-0000-4000-8000-000000000001', 'validator') $$,
  '42501', 'Only the MLGOO or the central administrator can administer users', 'an assessor cannot assign roles');
select throws_ok(
  $$ select public.admin_set_user_active('11111111-0000-4000-8000-000000000001', false) $$,
  '42501', 'Only the MLGOO or the central administrator can administer users', 'an assessor cannot deactivate users');

select tests.act_as('hook-mlgoo@t.local');
select throws_ok(
  $$ select public.admin_set_user_role('11111111-0000-4000-8000-000000000001', 'blgu') $$,
  'VA008', null, 'a blgu role needs a barangay');
select throws_ok(
  $$ select public.admin_set_user_role('11111111-0000-4000-8000-000000000001', 'assessor', null, 9::smallint) $$,
  'VA008', null, 'an assessor needs one of the six areas');
select throws_ok(
  $$ select public.admin_set_user_role('11111111-0000-4000-8000-000000000001', 'validator', null, 2::smallint) $$,
  'VA008', null, 'only assessors get an area');
select throws_ok(
  $$ select public.admin_set_user_role('11111111-0000-4000-8000-0000000000ff', 'validator') $$,
  'VA007', null, 'an unknown user is reported as not found');
select throws_ok(
  $$ select public.admin_set_user_active(tests.user_id('hook-mlgoo@t.local'), false) $$,
  'VA008', null, 'the MLGOO cannot deactivate their own account');

select lives_ok(
  $$ select public.admin_set_user_role('11111111-0000-4000-8000-000000000001', 'blgu',
       (select id from public.barangays where psgc_code = '990000101')) $$,
  'the MLGOO makes a user a barangay user');
select tests.act_as_postgres();
select results_eq(
  $$ select role::text, barangay_id from public.profiles where id = '11111111-0000-4000-8000-000000000001' $$,
  $$ select 'blgu', id from public.barangays where psgc_code = '990000101' $$,
  'the role and barangay are stored on the profile');
select results_eq(
  $$ select action, to_status, actor_id from public.events where details ->> 'user_id' = '11111111-0000-4000-8000-000000000001' $$,
  $$ values ('user_role_set', 'blgu', tests.user_id('hook-mlgoo@t.local')) $$,
  'assigning a role writes an event naming the user and the MLGOO');

-- Deactivation cuts access at once ----------------------------------------------------------------------

select tests.create_cycle(2090);
select tests.create_assessment((select id from public.cycles where year = 2090),
  (select id from public.barangays where psgc_code = '990000101'));
select tests.act_as('hook-blgu@t.local');
select is((select count(*)::integer from public.assessments where cycle_id = (select id from public.cycles where year = 2090)), 1,
  'an active barangay user reads its assessment');
create temporary table old_token as select auth.jwt() as claims;
select tests.act_as('hook-mlgoo@t.local');
select lives_ok($$ select public.admin_set_user_active(tests.user_id('hook-blgu@t.local'), false) $$,
  'the MLGOO deactivates a barangay user');

select tests.act_as_postgres();
select ok((select banned_until > now() + interval '10 years' from auth.users where email = 'hook-blgu@t.local'),
  'deactivating bans the auth user, ending sign-in and refresh');
select tests.act_with_claims((select claims from old_token));
select is((select count(*)::integer from public.assessments where cycle_id = (select id from public.cycles where year = 2090)), 0,
  'a deactivated user''s still valid token reads nothing any more');
select is_empty($$ update public.profiles set full_name = 'Changed' where id = auth.uid() returning id $$,
  'a deactivated user cannot edit their own profile any more');

select tests.act_as('hook-mlgoo@t.local');
select lives_ok($$ select public.admin_set_user_active(tests.user_id('hook-blgu@t.local'), true) $$,
  'the MLGOO reactivates the user');
select tests.act_as_postgres();
select ok((select banned_until is null from auth.users where email = 'hook-blgu@t.local'),
  'reactivating lifts the ban');
select results_eq(
  $$ select action from public.events where details ->> 'user_id' = tests.user_id('hook-blgu@t.local')::text order by id $$,
  $$ values ('user_deactivated'), ('user_reactivated') $$,
  'deactivation and reactivation are recorded as events');

select * from finish();
rollback;
