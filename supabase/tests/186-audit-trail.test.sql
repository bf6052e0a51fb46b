-- The audit trail proves itself untouched: events and leaf history refuse TRUNCATE; every event is
-- hash-chained (one chain per assessment, one per cycle), so an event changed, removed or inserted
-- out of order by a superuser with triggers disabled is reported at the right link, and a whole
-- cycle is verified by a job that stores its verdict.
--
-- The tampering is done by the strongest role a project hands out (pg_temp.tamper): `postgres`,
-- which Studio runs as and which owns the tables, with their triggers disabled (what a superuser's
-- session_replication_role = replica also does), each time inside a savepoint that is rolled back.

begin;
select plan(23);

select throws_ok($$ truncate public.events cascade $$, '42501', null, 'events cannot be truncated, even by their owner');
select throws_ok($$ truncate public.leaf_history $$, '42501', null, 'leaf history cannot be truncated');

select isnt_empty($$ select 1 from private.event_chains $$, 'the seed recorded chained events');
select is_empty($$ select c.chain_key from private.event_chains c, private.verify_event_chain(c.chain_key) v where not v.holds $$,
  'every chain verifies, the seeded ones included');

-- An assessment walked to validation with the real functions ------------------------------------------

select tests.wf_fixture('aud') as a \gset
select tests.wf_advance(:'a', 'aud', 'awaiting_validation');
create temporary table chain as
select id, row_number() over (order by id) as position from public.events where assessment_id = :'a';
grant select on chain to authenticated;
select cmp_ok((select count(*)::integer from chain), '>', 10, 'the walk recorded a chain of events');
select is((select string_agg(assessment_id::text, ',') from (select distinct assessment_id from public.events where chain_key = :'a') as c), :'a',
  'an assessment''s events form its own chain');

create function pg_temp.trail(p_assessment uuid)
returns text
language plpgsql
as $$
declare
  v record;
begin
  perform tests.act_as('aud-mlgoo@test.local');
  select * into v from public.verify_audit_trail(p_assessment);
  perform tests.act_as_postgres();
  return case when v.holds then format('holds (%s events)', v.events)
              else format('broken at %s', (select position from chain where id = v.first_broken_event_id)) end;
end;
$$;

-- Runs a statement as the tables' owner with the events' triggers disabled.
create function pg_temp.tamper(p_sql text)
returns void
language plpgsql
as $$
begin
  alter table public.events disable trigger user;
  execute p_sql;
  alter table public.events enable trigger user;
end;
$$;

select is(pg_temp.trail(:'a'), format('holds (%s events)', (select count(*) from chain)), 'the MLGOO finds the trail intact');
select tests.act_as('aud-blgu@test.local');
select throws_ok(format($$ select public.verify_audit_trail(%L) $$, :'a'), '42501', null, 'a barangay cannot run the verification');
select tests.act_as_postgres();

-- Altered.
savepoint tamper;
select pg_temp.tamper($$ update public.events set reason = 'Approved by phone' where id = (select id from chain where position = 5) $$);
select is(pg_temp.trail(:'a'), 'broken at 5', 'an altered event is reported at its own link');
rollback to savepoint tamper;

-- Removed from the middle.
savepoint tamper;
select pg_temp.tamper($$ delete from public.events where id = (select id from chain where position = 5) $$);
select is(pg_temp.trail(:'a'), 'broken at 6', 'a removed event is reported at the link after it');
rollback to savepoint tamper;

-- The newest removed.
savepoint tamper;
select pg_temp.tamper($$ delete from public.events where id = (select max(id) from chain) $$);
select is(pg_temp.trail(:'a'), format('broken at %s', (select count(*) from chain)),
  'removing the newest event is reported against the chain''s recorded head');
select tests.act_as('aud-mlgoo@test.local');
select matches((select problem from public.verify_audit_trail(:'a')), 'newest events were removed', 'and it says so');
select tests.act_as_postgres();
rollback to savepoint tamper;

-- Inserted out of order, with a hash a forger can compute.
savepoint tamper;
select pg_temp.tamper(format($$
  insert into public.events (id, assessment_id, cycle_id, action, from_status, to_status, reason, created_at)
  overriding system value
  select (select id from chain where position = 5) - 1, a.id, a.cycle_id, 'assessment_approved', 'submitted', 'completed',
         'Backdated', (select created_at from public.events where id = (select id from chain where position = 4))
  from public.assessments a where a.id = %L;
  update public.events e set hash = private.event_hash(e, (select hash from public.events where id = (select id from chain where position = 4)))
  where id = (select id from chain where position = 5) - 1 $$, :'a'));
select is(pg_temp.trail(:'a'), 'broken at 5', 'an event inserted out of order breaks the link to the event after it');
rollback to savepoint tamper;

select is(pg_temp.trail(:'a'), format('holds (%s events)', (select count(*) from chain)), 'undone, the trail holds again');

-- Cycle and administration events ------------------------------------------------------------------------

select cycle_id as cycle from public.assessments where id = :'a' \gset
select tests.create_user('aud-admin@test.local', 'administrator');
select tests.act_as('aud-admin@test.local');
select public.publish_cycle(:'cycle');
select tests.act_as('aud-mlgoo@test.local');
select public.admin_set_user_active(tests.user_id('aud-neighbour@test.local'), false);
select tests.act_as_postgres();
select is((select count(*)::integer from public.events where chain_key = :'cycle' and action in ('cycle_published', 'user_deactivated')), 2,
  'cycle actions and user administration during the active cycle form the cycle''s chain');
select ok((private.verify_event_chain(:'cycle')).holds, 'the cycle''s chain holds');

-- The whole cycle, as a job ------------------------------------------------------------------------------

select tests.act_as('aud-admin@test.local');
select (public.request_audit_verification(:'cycle')).id as verification \gset
select tests.act_as_postgres();
select is(private.run_audit_verifications(), 1, 'the job runs the queued verification');
select results_eq(format($$ select holds, chains, broken from public.audit_verifications where id = %s $$, :verification),
  format($$ values (true, %s, '[]'::jsonb) $$, (select count(*) + 1 from public.assessments where cycle_id = :'cycle')),
  'it stores its verdict: every chain of the cycle holds');
select tests.act_as('aud-admin@test.local');
select is((select holds from public.audit_verifications where id = :verification), true, 'the central administrator reads the verdict');
select tests.act_as('aud-blgu@test.local');
select is_empty($$ select 1 from public.audit_verifications $$, 'a barangay does not');
select tests.act_as_postgres();

savepoint tamper;
select pg_temp.tamper($$ update public.events set reason = 'Approved by phone' where id = (select id from chain where position = 5) $$);
select tests.act_as('aud-admin@test.local');
select (public.request_audit_verification(:'cycle')).id as verification \gset
select tests.act_as_postgres();
select private.run_audit_verifications();
select is((select holds from public.audit_verifications where id = :verification), false, 'a tampered cycle fails its verification');
select is((select broken from public.audit_verifications where id = :verification),
  jsonb_build_array(jsonb_build_object('chain', :'a', 'eventId', (select id from chain where position = 5),
    'problem', (select problem from private.verify_event_chain(:'a')))),
  'the verdict names the broken chain and its first broken event');
rollback to savepoint tamper;

select cmp_ok((select count(*)::integer from cron.job where jobname = 'vantage-audit-verifications'), '=', 1,
  'the verification job is scheduled');

select * from finish();
rollback;
