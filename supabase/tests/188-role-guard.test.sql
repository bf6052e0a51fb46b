-- One guard words every refusal of a caller's role (private.require_role, beside
-- private.current_app_role): the workflow, the MLGOO's user administration, the katuparan feed and
-- the audit trail refuse the same way. And "lock" means only the business lock (lock_assessment,
-- unlock_assessment, the deadline lock): helpers that lock a row are named ..._for_update.

begin;
select plan(7);

select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
    and p.prosrc ~* 'raise exception ''Only '
    and p.oid <> 'private.require_role(public.app_role[], text)'::regprocedure $$,
  'no function but private.require_role words a refusal of the caller''s role');

select tests.wf_fixture('rg') as a \gset
select tests.create_user('rg-katuparan@test.local', 'katuparan');

select tests.act_as('rg-assessor-1@test.local');
select throws_ok(format($$ select public.admin_set_user_active(%L, false) $$, tests.user_id('rg-blgu@test.local')),
  '42501', 'Only the MLGOO or the central administrator can administer users', 'user administration refuses an assessor with the guard''s words');
select is(tests.hint_of(format($$ select public.admin_set_user_active(%L, false) $$, tests.user_id('rg-blgu@test.local'))),
  'Sign in with an account that has this role; the MLGOO assigns roles.', 'and the guard''s hint');

select tests.act_as('rg-validator@test.local');
select throws_ok(format($$ select * from public.published_cycle_summary(%L) $$, (select cycle_id from public.assessments where id = :'a')),
  '42501', 'Only a katuparan partner or the MLGOO or a DILG oversight office can read the published aggregates', 'the katuparan feed refuses a validator with the guard''s words');

select tests.act_as('rg-blgu@test.local');
select throws_ok(format($$ select public.verify_audit_trail(%L) $$, :'a'),
  '42501', 'Only the MLGOO can verify an audit trail', 'the audit trail refuses a barangay with the guard''s words');
select throws_ok(format($$ select public.approve_assessment(%L) $$, :'a'),
  '42501', 'Only the MLGOO can approve an assessment', 'a workflow step refuses a barangay with the guard''s words');
select tests.act_as_postgres();

select set_eq($$
  select p.pronamespace::regnamespace || '.' || p.proname from pg_proc p
  where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace) and p.proname ~ 'lock' $$,
  array['public.lock_assessment', 'public.unlock_assessment', 'private.lock_overdue_assessments',
        'private.tell_mlgoos_of_locks', 'private.locks_message', 'private.require_unlocked'],
  'only the business lock''s functions are named for locking');

select * from finish();
rollback;
