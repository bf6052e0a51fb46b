-- Scoping by city or municipality: the MLGOO, assessors and validators of another city or
-- municipality can neither act on an assessment nor administer its people, are not notified of it,
-- and the MLGOO names people and barangays of its own only. (030-rls-matrix covers their reads.)
begin;
select plan(23);

-- Two assessments of Test Town: one submitted, one awaiting validation; people of Other Town.
select tests.wf_fixture('scp') as a \gset
select tests.wf_advance(:'a', 'scp', 'awaiting_validation');
select tests.wf_fixture('scq', 2091) as b \gset
select tests.create_city_municipality('990106000', 'Other Town');
select tests.create_user('scp-x-mlgoo@test.local', 'mlgoo', null, null, '990106000');
select tests.create_user('scp-x-assessor-1@test.local', 'assessor', null, 1, '990106000');
select tests.create_user('scp-x-validator@test.local', 'validator', null, null, '990106000');
select tests.create_barangay('990106001', 'Far Barangay', '990106000') as far \gset

-- Notifications reach the people of the assessment's city or municipality only.
select tests.act_as('scq-blgu@test.local');
select public.submit_area(:'b', 1::smallint);
select tests.act_as_postgres();
select is((select count(*)::integer from public.notifications
           where assessment_id = :'b' and kind = 'area_submitted' and recipient_id = tests.user_id('scq-assessor-1@test.local')),
  1, 'the assessor of the area in the assessment''s city or municipality is notified of a submission');
select is((select count(*)::integer from public.notifications
           where assessment_id = :'b' and recipient_id = tests.user_id('scp-x-assessor-1@test.local')),
  0, 'the assessor of the same area in another city or municipality is not');

-- Workflow writes from another city or municipality are refused, and change nothing.
select :'a' || '/1.1.1/' || tests.slot_key((select cycle_id from public.assessments where id = :'a'), '1.1.1') as movdir \gset
select tests.act_as('scp-x-assessor-1@test.local');
select * from tests.wf_refuses(format($$ select public.approve_area(%L, 1::smallint) $$, :'b'), '42501', :'b',
  'an assessor of another city or municipality cannot approve the area');
select tests.act_as('scp-x-validator@test.local');
select * from tests.wf_refuses(
  format($$ select public.decide_leaf(%L, %L, 'met', 1) $$, :'a', tests.wf_leaf(:'a', '1.1.1')), '42501', :'a',
  'a validator of another city or municipality cannot decide a leaf');
select * from tests.wf_refuses(format($$ select public.finalize_validation(%L) $$, :'a'), '42501', :'a',
  'a validator of another city or municipality cannot finalize the validation');
select is(
  tests.refusal_of(format($$ select tests.storage_upload(%L) $$,
    :'movdir' || '/' || gen_random_uuid() || '-x.pdf')),
  '42501 VA009: This assessment belongs to another city or municipality. Upload MOVs to the assessments of the city or municipality you serve.',
  'a validator of another city or municipality cannot upload a MOV on the barangay''s behalf');
select tests.act_as('scp-validator@test.local');
select lives_ok(format($$ select tests.storage_upload(%L) $$,
    :'movdir' || '/' || gen_random_uuid() || '-y.pdf'),
  'the validator of the city or municipality uploads it');
select tests.act_as('scp-x-mlgoo@test.local');
select * from tests.wf_refuses(format($$ select public.lock_assessment(%L, 'Not mine') $$, :'a'), '42501', :'a',
  'the MLGOO of another city or municipality cannot lock the assessment');
select throws_ok(format($$ select public.verify_audit_trail(%L) $$, :'a'), '42501', null,
  'the MLGOO of another city or municipality cannot verify the assessment''s audit trail');
select throws_ok(
  format($$ select public.admin_set_user_active(%L, false) $$, tests.user_id('scp-blgu@test.local')), '42501', null,
  'the MLGOO of another city or municipality cannot deactivate its barangay users');
select throws_ok(
  format($$ select public.admin_set_user_role(%L, 'validator') $$, tests.user_id('scp-validator@test.local')), '42501', null,
  'the MLGOO of another city or municipality cannot change the role of its staff');

-- The MLGOO's own: what it may still do, and what it names.
select tests.act_as('scp-mlgoo@test.local');
select ok((public.verify_audit_trail(:'a')).holds,
  'the MLGOO of the city or municipality verifies the assessment''s audit trail');
select lives_ok(format($$ select public.lock_assessment(%L, 'Site visit') $$, :'a'),
  'the MLGOO of the city or municipality locks the assessment');
select throws_ok(
  format($$ select public.admin_set_user_role(%L, 'blgu', %L) $$, tests.user_id('scp-neighbour@test.local'), :'far'),
  '42501', 'The barangay belongs to another city or municipality',
  'the MLGOO cannot give a user a barangay of another city or municipality');
select tests.act_as_postgres();
insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        confirmation_token, recovery_token, email_change_token_new, email_change)
values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
        'scp-new@test.local', '{"provider": "email"}', '{}', '', '', '', '');
update public.profiles set must_change_password = false where email = 'scp-new@test.local';
select tests.act_as('scp-mlgoo@test.local');
select lives_ok(format($$ select public.admin_set_user_role(%L, 'validator') $$, tests.user_id('scp-new@test.local')),
  'the MLGOO gives a new account a role');
select is((select city_municipality_code from public.profiles where email = 'scp-new@test.local'), '990101000',
  'a validator named by the MLGOO serves the MLGOO''s city or municipality');
select throws_ok(
  $$ insert into public.barangays (psgc_code, name, city_municipality_code)
     values ('990106002', 'Not Mine', '990106000') $$,
  '42501', null, 'the MLGOO cannot register a barangay of another city or municipality');
select is_empty(
  $$ select 1 from public.profiles where email like 'scp-x-%' $$,
  'the MLGOO does not read the profiles of another city or municipality''s people');
select tests.act_as('scp-x-mlgoo@test.local');
select is_empty(
  format($$ select 1 from public.events where action = 'user_role_set' and details ->> 'user_id' = %L $$,
         tests.user_id('scp-new@test.local')),
  'nor, as another city or municipality''s MLGOO, the administration of its people');

select * from finish();
rollback;
