-- Account administration: an MLGOO administers the barangay users, assessors and validators of its
-- city or municipality, the central administrator MLGOOs and oversight users, nobody else anyone.
-- The admin-users Edge Function asks these functions as its caller (its own tests go through Auth).
begin;
select plan(27);

select tests.wf_fixture('acc') as a \gset
select tests.create_user('acc-far-mlgoo@test.local', 'mlgoo', null, null,
  tests.create_city_municipality('990107000', 'Far Town'));
select tests.create_user('acc-admin@test.local', 'administrator');
select tests.create_user('acc-office@test.local', 'oversight');
insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        confirmation_token, recovery_token, email_change_token_new, email_change)
select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', email,
       '{"provider": "email"}', '{"full_name": "From Auth"}', '', '', '', ''
from unnest(array['acc-new@test.local', 'acc-new-office@test.local']) as email;
select psgc_code as code from public.barangays where name = 'Barangay acc' \gset

-- Checking a new account -------------------------------------------------------------------------------

select tests.act_as('acc-mlgoo@test.local');
select is(public.admin_account_check('Juan@Example.gov.ph', 'blgu', 'barangay ACC') ->> 'barangayId',
  (select id::text from public.barangays where name = 'Barangay acc'),
  'the MLGOO names a barangay of its municipality by its name, in any case');
select is(public.admin_account_check('juan@example.gov.ph', 'blgu', :'code') ->> 'email', 'juan@example.gov.ph',
  'or by its PSGC code; the e-mail is kept in lower case');
select is(public.admin_account_check('val@example.gov.ph', 'validator') ->> 'cityMunicipalityCode', '990101000',
  'an assessor or validator the MLGOO names serves the MLGOO''s municipality');
select throws_ok($$ select public.admin_account_check('x@example.gov.ph', 'blgu', 'Atlantis') $$,
  'VA008', 'No barangay has the PSGC code or name Atlantis in your city or municipality', 'an unknown barangay is refused');
select throws_ok($$ select public.admin_account_check('x@example', 'validator') $$,
  'VA008', null, 'a malformed e-mail is refused');
select throws_ok($$ select public.admin_account_check('ACC-blgu@test.local', 'validator') $$,
  '23505', 'An account with the e-mail acc-blgu@test.local exists already', 'an e-mail in use is a conflict');
select throws_ok($$ select public.admin_account_check('x@example.gov.ph', 'mlgoo', null, null, '990101000') $$,
  '42501', 'You may not give the role mlgoo', 'an MLGOO makes no MLGOO');
select throws_ok($$ select public.admin_account_check('x@example.gov.ph', 'validator', null, null, '990107000') $$,
  '42501', null, 'nor a validator of another municipality');
select is(tests.refusal_of($$ select public.admin_account_check('x@example.gov.ph', 'assessor', null, 9::smallint) $$),
  'VA008 Governance area 9 does not exist', 'an area outside 1-6 is refused');

select tests.act_as('acc-far-mlgoo@test.local');
select throws_ok(format($$ select public.admin_account_check('x@example.gov.ph', 'blgu', %L) $$, :'code'),
  '42501', 'The barangay belongs to another city or municipality',
  'an MLGOO gives no account a barangay of another municipality');

select tests.act_as('acc-admin@test.local');
select is(public.admin_account_check('m@example.gov.ph', 'mlgoo', null, null, '990107000') ->> 'cityMunicipalityCode',
  '990107000', 'the central administrator makes an MLGOO of a municipality');
select throws_ok(format($$ select public.admin_account_check('x@example.gov.ph', 'blgu', %L) $$, :'code'),
  '42501', 'You may not give the role blgu', 'but no barangay user');

select tests.act_as('acc-assessor-1@test.local');
select throws_ok($$ select public.admin_account_check('x@example.gov.ph', 'validator') $$,
  '42501', 'Only the MLGOO or the central administrator can administer users', 'an assessor administers nobody');
select tests.act_as('acc-office@test.local');
select throws_ok($$ select public.admin_account_check('x@example.gov.ph', 'validator') $$,
  '42501', null, 'nor does an oversight office');

-- Recording a new account -------------------------------------------------------------------------------

select tests.act_as('acc-mlgoo@test.local');
select lives_ok(format($$ select public.admin_create_account(%L, ' Ana Reyes ', 'fil', 'blgu', %L) $$,
  tests.user_id('acc-new@test.local'), (select id from public.barangays where name = 'Barangay acc')),
  'the MLGOO gives the new account its name, language, role and barangay');
select tests.act_as_postgres();
select results_eq(
  $$ select full_name, preferred_language::text, role::text, must_change_password from public.profiles where email = 'acc-new@test.local' $$,
  $$ values ('Ana Reyes', 'fil', 'blgu', true) $$, 'stored, with the password change due at the first sign-in');
select results_eq(
  $$ select action, actor_id, to_status from public.events where details ->> 'email' = 'acc-new@test.local' $$,
  $$ values ('user_created', tests.user_id('acc-mlgoo@test.local'), 'blgu') $$, 'and recorded as an event of the MLGOO');
select tests.act_as('acc-mlgoo@test.local');
select throws_ok(format($$ select public.admin_create_account(%L, 'Again', 'en', 'validator', null, null, '990101000') $$,
  tests.user_id('acc-new@test.local')), 'VA007', null, 'an account with a role is not new any more');

-- Existing accounts -----------------------------------------------------------------------------------------

select lives_ok(format($$ select public.admin_reset_password(%L) $$, tests.user_id('acc-validator@test.local')),
  'the MLGOO requires a new password of its validator');
select is((select must_change_password from public.profiles where email = 'acc-validator@test.local'), true,
  'who must change it at the next sign-in');
select tests.act_as('acc-far-mlgoo@test.local');
select throws_ok(format($$ select public.admin_user_check(%L) $$, tests.user_id('acc-blgu@test.local')),
  '42501', 'This user belongs to another city or municipality', 'another municipality''s MLGOO administers none of them');

select tests.act_as('acc-admin@test.local');
select lives_ok(format($$ select public.admin_set_user_active(%L, false) $$, tests.user_id('acc-far-mlgoo@test.local')),
  'the central administrator deactivates an MLGOO');
select lives_ok(format($$ select public.admin_set_user_role(%L, 'oversight', null, null, null, '990100000') $$,
  tests.user_id('acc-new-office@test.local')), 'and makes a new account an oversight office of a province');
select throws_ok(format($$ select public.admin_set_user_active(%L, false) $$, tests.user_id('acc-blgu@test.local')),
  '42501', 'You do not administer blgu accounts', 'but administers no barangay user');
select ok(exists (select 1 from public.profiles where email = 'acc-far-mlgoo@test.local')
          and not exists (select 1 from public.profiles where email = 'acc-blgu@test.local'),
  'the central administrator reads the profiles of MLGOOs, not of barangay users');
select results_eq(
  $$ select action from public.events where details ->> 'email' in ('acc-far-mlgoo@test.local', 'acc-blgu@test.local') order by id $$,
  $$ values ('user_deactivated') $$, 'and the administration events of the accounts it administers');
select tests.act_as('acc-mlgoo@test.local');
select ok(not exists (select 1 from public.profiles where email = 'acc-far-mlgoo@test.local'),
  'an MLGOO reads no other MLGOO''s profile');

select * from finish();
rollback;
