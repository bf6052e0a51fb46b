-- Notifications go to everyone of the recipient role in the assessment's city or municipality, except
-- the person whose action caused them, and never to a deactivated user.
begin;
select plan(6);

select tests.wf_fixture('ntf') as a \gset
select tests.create_user('ntf-mlgoo-2@test.local', 'mlgoo');

select tests.create_user('ntf-mlgoo-elsewhere@test.local', 'mlgoo', null, null, tests.create_city_municipality('990109000', 'Elsewhere'));
select count(*)::integer as mlgoos from public.profiles where role = 'mlgoo' and is_active and city_municipality_code = '990101000' \gset
-- private.notify_role is closed to signed-in users: a workflow function (here the superuser with the
-- MLGOO's claims) calls it on the MLGOO's behalf.
select set_config('request.jwt.claims', tests.claims_for('ntf-mlgoo@test.local')::text, true);
select is(private.notify_role('mlgoo', :'a', 'test_notice', 'Notice', 'A notice'), :mlgoos - 1,
  'every MLGOO of the assessment''s city or municipality but the acting one is notified');
select is(
  (select count(*)::integer from public.notifications
   where kind = 'test_notice' and recipient_id = tests.user_id('ntf-mlgoo-elsewhere@test.local')), 0,
  'the MLGOO of another city or municipality is not notified');

select tests.act_as_postgres();
select is(
  (select count(*)::integer from public.notifications
   where kind = 'test_notice' and recipient_id = tests.user_id('ntf-mlgoo-2@test.local')), 1,
  'the other MLGOO receives the notice');
select is(
  (select count(*)::integer from public.notifications
   where kind = 'test_notice' and recipient_id = tests.user_id('ntf-mlgoo@test.local')), 0,
  'the acting MLGOO is not notified of their own action');

-- Deactivated users receive nothing, whichever path sends it.
update public.profiles set is_active = false where id = tests.user_id('ntf-validator@test.local');
select private.notify(tests.user_id('ntf-validator@test.local'), :'a', 'test_direct', 'Direct', 'To one user');
select private.notify_role('validator', :'a', 'test_direct', 'To the role', 'To every validator');
select is(
  (select count(*)::integer from public.notifications
   where kind = 'test_direct' and recipient_id = tests.user_id('ntf-validator@test.local')), 0,
  'a deactivated user is sent nothing, by name or by role');
select private.notify(tests.user_id('ntf-mlgoo-2@test.local'), :'a', 'test_direct', 'Direct', 'To one user');
select is(
  (select count(*)::integer from public.notifications
   where kind = 'test_direct' and recipient_id = tests.user_id('ntf-mlgoo-2@test.local')), 1,
  'an active user is sent a notification by name');

select * from finish();
rollback;
