-- Who reads which profiles: everyone their own; the MLGOO the people of its city or municipality
-- (its staff and its barangays' users); the central administrator the MLGOOs and oversight
-- offices; both the accounts still without a role; a deactivated user none.
begin;
select plan(8);

select tests.wf_fixture('prf');
select tests.create_city_municipality('990107000', 'Far Town');
select tests.create_barangay('990107001', 'Far Barangay', '990107000') as far \gset
select tests.create_user('prf-x-mlgoo@test.local', 'mlgoo', null, null, '990107000');
select tests.create_user('prf-x-validator@test.local', 'validator', null, null, '990107000');
select tests.create_user('prf-x-blgu@test.local', 'blgu', :'far');
select tests.create_user('prf-oversight@test.local', 'oversight');
select tests.create_user('prf-admin@test.local', 'administrator');
insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        confirmation_token, recovery_token, email_change_token_new, email_change)
values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
        'prf-new@test.local', '{"provider": "email"}', '{}', '', '', '', '');

\set prf_read 'select email from public.profiles where email like $$prf-%$$'

select tests.act_as('prf-mlgoo@test.local');
select set_eq(:'prf_read',
  array['prf-mlgoo@test.local', 'prf-blgu@test.local', 'prf-neighbour@test.local', 'prf-validator@test.local',
        'prf-assessor-1@test.local', 'prf-assessor-2@test.local', 'prf-assessor-3@test.local',
        'prf-assessor-4@test.local', 'prf-assessor-5@test.local', 'prf-assessor-6@test.local',
        'prf-new@test.local'],
  'the MLGOO reads its own staff, its barangays'' users and the accounts without a role, no one of another city or municipality');
select is_empty(
  format($$ select 1 from public.profiles where id = %L $$, tests.user_id('prf-x-blgu@test.local')),
  'the MLGOO does not read a barangay user of another city or municipality by id');

select tests.act_as('prf-admin@test.local');
select set_eq(:'prf_read',
  array['prf-admin@test.local', 'prf-mlgoo@test.local', 'prf-x-mlgoo@test.local', 'prf-oversight@test.local',
        'prf-new@test.local'],
  'the central administrator reads the MLGOOs, the oversight offices and the accounts without a role');

select tests.act_as('prf-blgu@test.local');
select set_eq(:'prf_read', array['prf-blgu@test.local'], 'a barangay user reads its own profile only');
select tests.act_as('prf-validator@test.local');
select set_eq(:'prf_read', array['prf-validator@test.local'], 'a validator reads its own profile only');
select tests.act_as('prf-oversight@test.local');
select set_eq(:'prf_read', array['prf-oversight@test.local'], 'an oversight office reads its own profile only');
select tests.act_with_claims(jsonb_build_object('sub', tests.user_id('prf-new@test.local'), 'role', 'authenticated'));
select is_empty(:'prf_read', 'an account without a role (it gets no token) reads nothing, not even itself');

select tests.act_as_postgres();
select tests.claims_for('prf-mlgoo@test.local') as mlgoo_claims \gset
select private.declare_workflow_write();
update public.profiles set is_active = false where email = 'prf-mlgoo@test.local';
select tests.act_with_claims(:'mlgoo_claims');
select is_empty(:'prf_read', 'a deactivated MLGOO, with a token issued before, reads no profile');

select * from finish();
rollback;
