-- The first-login password change is enforced: while a user's profile says must_change_password
-- (read live, whatever the token says), the user reads as usual but every workflow function,
-- direct write and MOV upload or deletion is refused with 42501 and a message saying to change the
-- password first.

begin;

select tests.wf_fixture('pw') as a \gset
select tests.leaf_id((select cycle_id from public.assessments where id = :'a'), '1.1.1') as leaf \gset
select format('%s/1.1.1/%s/%s-Budget.pdf', :'a',
  tests.slot_key((select cycle_id from public.assessments where id = :'a'), '1.1.1'), gen_random_uuid()) as kept \gset
select format('%s/1.1.1/%s/%s-Budget.pdf', :'a',
  tests.slot_key((select cycle_id from public.assessments where id = :'a'), '1.1.1'), gen_random_uuid()) as added \gset

-- A MOV uploaded while the password was fine, and a notification to mark read.
select tests.act_as('pw-blgu@test.local');
select tests.storage_upload(:'kept');
select tests.act_as_postgres();
insert into public.notifications (recipient_id, kind, title)
values (tests.user_id('pw-blgu@test.local'), 'test', 'Test');

-- The claims were issued before the flag was set: the database reads the profile, not the token.
select tests.claims_for('pw-blgu@test.local') as blgu_claims \gset
select tests.claims_for('pw-mlgoo@test.local') as mlgoo_claims \gset
update public.profiles set must_change_password = true
where id in (tests.user_id('pw-blgu@test.local'), tests.user_id('pw-mlgoo@test.local'));

create temporary table refused_calls as
select p.oid::regprocedure::text as signature,
       format('select %s(%s)', p.oid::regproc,
              (select string_agg('null::' || format_type(t, null), ', ' order by n)
               from unnest(p.proargtypes::oid[]) with ordinality as args (t, n))) as sql
from pg_proc p
where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
  and has_function_privilege('authenticated', p.oid, 'execute')
  and p.proname not in ('published_cycle_summary', 'verify_audit_trail', 'barangay_readiness', 'capdev_agenda')  -- reads
  and p.proname not like 'report\_%';  -- reads: the reports
grant select on refused_calls to authenticated;

select plan(12 + (select count(*)::integer from refused_calls));

select tests.act_with_claims(:'blgu_claims');
select is((:'blgu_claims'::jsonb ->> 'must_change_password')::boolean, false, 'the token was issued before the flag was set');
select is((select count(*)::integer from public.assessments where id = :'a'), 1, 'the user still reads the assessment');
select is((select count(*)::integer from public.notifications), 1, 'the user still reads their notifications');
select lives_ok(format($$ select public.barangay_readiness(%L) $$, :'a'), 'the user still reads the barangay''s readiness');

select throws_ok(r.sql, '42501', 'Change your password first',
  format('%s refuses a user who must change the password', r.signature))
from refused_calls r order by r.signature;

select throws_ok($$ update public.profiles set full_name = 'New Name' where id = auth.uid() $$,
  '42501', 'Change your password first', 'the user cannot edit their own profile');
select throws_ok($$ update public.notifications set read_at = now() $$,
  '42501', 'Change your password first', 'the user cannot mark a notification read');
select throws_ok(format($$ select tests.storage_upload(%L) $$, :'added'),
  '42501', 'VA009: Change your password first. You are still using the password you were given. Set your own password, then try again.',
  'the user cannot upload a MOV (Storage shows the message: 403)');
select throws_ok(format($$ select tests.storage_remove(%L) $$, :'kept'),
  '42501', 'VA009: Change your password first. You are still using the password you were given. Set your own password, then try again.',
  'the user cannot delete a MOV');

select tests.act_with_claims(:'mlgoo_claims');
select throws_ok(format($$ update public.barangays set name = 'Renamed' where id = (select barangay_id from public.assessments where id = %L) $$, :'a'),
  '42501', 'Change your password first', 'the MLGOO cannot edit a barangay');
select throws_ok(format($$ update public.indicators set name = 'Renamed' where id = %L $$, :'leaf'),
  '42501', 'Change your password first', 'the MLGOO cannot correct the catalog wording');
select throws_ok($$ insert into public.cycles (year, title, reviewed_year, catalog_edition) values (2095, 'SGLGB 2095', 2094, '2024') $$,
  '42501', 'Change your password first', 'the MLGOO cannot create a cycle');

-- Once the password is changed, the same token works again.
select tests.act_as_postgres();
update public.profiles set must_change_password = false where id = tests.user_id('pw-blgu@test.local');
select tests.act_with_claims(:'blgu_claims');
select lives_ok(format($$ select public.submit_area(%L, 1::smallint) $$, :'a'),
  'after the change the barangay submits an area with the token it had');

select * from finish();
rollback;
