-- Cycles: activating makes one cycle active and records an activation, whose batches create a draft
-- assessment for every active barangay, resuming where the last batch ended (safe to repeat);
-- publishing makes it visible to katuparan.

begin;
select plan(27);

select tests.create_cycle(2092) as old \gset
select tests.create_cycle(2093) as c \gset
update public.cycles set is_active = false where is_active;
update public.cycles set is_active = true where id = :'old';
update public.barangays set is_active = false;
select tests.create_barangay('993000001', 'Active One') as b1 \gset
select tests.create_barangay('993000002', 'Active Two') as b2 \gset
select tests.create_barangay('993000003', 'Inactive') as b3 \gset
update public.barangays set is_active = false where id = :'b3';
select tests.create_user('cyc-mlgoo@test.local', 'mlgoo');
select tests.create_user('cyc-admin@test.local', 'administrator');
select tests.create_user('cyc-blgu@test.local', 'blgu', :'b1');
select tests.create_user('cyc-validator@test.local', 'validator');

select tests.act_as('cyc-validator@test.local');
select throws_ok(format('select public.activate_cycle(%L)', :'c'), '42501', null, 'A validator cannot activate a cycle');
select tests.act_as('cyc-mlgoo@test.local');
select throws_ok(format('select public.activate_cycle(%L)', :'c'), '42501', null,
  'An MLGOO cannot activate a national cycle');
select tests.act_as('cyc-admin@test.local');
select throws_ok(format('select public.activate_cycle(%L)', gen_random_uuid()), 'VA007', null, 'An unknown cycle is refused');
select (public.activate_cycle(:'c')).id as activation_id \gset
select tests.act_as_postgres();
select is((select (assessments_created, batches, finished_at) from public.cycle_activations where id = :activation_id),
  (0, 0, null::timestamptz), 'Activating records a request and returns its id');
select is((select array_agg(id order by year) from public.cycles where is_active), array[:'c']::uuid[],
  'Only the activated cycle is active');
select is((select count(*)::int from public.assessments where cycle_id = :'c'), 0, 'The assessments are created by the batches');

select is(private.activation_batch(:activation_id, 1), 1, 'A batch goes through at most its size of barangays');
select is((select (barangays, assessments_created, batches, finished_at) from public.cycle_activations where id = :activation_id),
  (2, 1, 1, null::timestamptz), 'A half-done activation shows its progress (of the active barangays) and stays unfinished');
select tests.act_as('cyc-admin@test.local');
select is((public.activate_cycle(:'c')).id, :activation_id::bigint, 'Activating again while unfinished returns the same activation');
select tests.act_as_postgres();
select is(private.activation_batch(:activation_id, 1), 1, 'The next batch resumes after the last one''s barangays');
select is(private.activation_batch(:activation_id, 1), 0, 'and a batch with no barangay left finishes it');
select ok((select finished_at is not null and assessments_created = 2 and batches = 3
           from public.cycle_activations where id = :activation_id), 'The finished activation counts what it created');
select is(private.activation_batch(:activation_id, 1), 0, 'A finished activation does nothing more');
select is((select array_agg(status::text) from public.assessments where cycle_id = :'c'), array['draft', 'draft'], 'The assessments are drafts');
select is((select count(*)::int from public.assessments where cycle_id = :'c' and barangay_id = :'b3'), 0, 'Inactive barangays get none');
select is((select count(*)::int from public.notifications where kind = 'cycle_opened' and recipient_id = tests.user_id('cyc-blgu@test.local')), 1,
  'The barangay is told the cycle is open');
select is((select array_agg(action order by id) from public.events where cycle_id in (:'c', :'old') and assessment_id is null),
  array['cycle_deactivated', 'cycle_activated', 'assessments_created'], 'Activation is recorded');

select tests.act_as('cyc-admin@test.local');
select (public.activate_cycle(:'c')).id as again_id \gset
select ok(:again_id <> :activation_id, 'Activating a cycle again records a new activation');
select tests.act_as_postgres();
select is(private.activation_batch(:again_id, 1000), 2, 'which goes through the barangays');
select is(private.activation_batch(:again_id, 1000), 0, 'and finishes');
select is((select assessments_created from public.cycle_activations where id = :again_id), 0, 'creating nothing');
select is((select count(*)::int from public.events where cycle_id = :'c' and action = 'assessments_created'), 1,
  'An activation that created nothing records no creation');
select tests.act_as('cyc-admin@test.local');
select is((select count(*)::int from public.cycle_activations where cycle_id = :'c'), 2, 'The central administrator reads the activations');
select tests.act_as('cyc-blgu@test.local');
select is((select count(*)::int from public.cycle_activations), 0, 'a barangay user does not');

select tests.act_as('cyc-blgu@test.local');
select throws_ok(format('select public.publish_cycle(%L)', :'c'), '42501', null, 'The barangay cannot publish');
select tests.act_as('cyc-admin@test.local');
select ok((public.publish_cycle(:'c')).is_published, 'The central administrator publishes the cycle');
select throws_ok(format('select public.publish_cycle(%L)', :'c'), 'VA001', null, 'A published cycle cannot be published again');

select * from finish();
rollback;
