-- The sweep: failed or unacknowledged attempts are retried with exponential backoff, then
-- dead-lettered with the last error pg_net recorded; acknowledged jobs are left alone.
begin;
select plan(18);

insert into private.settings (key, value) values
  ('vantage_functions_url', 'http://127.0.0.1:9/functions/v1'),
  ('vantage_webhook_secret', 'test-webhook-secret')
on conflict (key) do update set value = excluded.value;

-- Jobs of other data (the seed) are set aside so that the sweep's counts are this test's own.
update public.jobs set status = 'done' where status in ('queued', 'running');

create temporary table fixture on commit drop as
select tests.create_assessment(tests.create_cycle(2090), tests.create_barangay('999210001', 'Sweep Barangay')) as assessment_id,
       timestamptz '2090-01-01 00:00:00+00' as t0;
alter table fixture add column job_id bigint, add column done_id bigint;
update fixture set job_id = private.enqueue_classification(assessment_id, 'projection');
update fixture set done_id = private.enqueue_classification(assessment_id, 'official');
-- Move the clock of every job to t0 so the test controls time through p_now.
update public.jobs set dispatched_at = (select t0 from fixture),
  run_after = (select t0 from fixture) + private.job_visibility_timeout()
where assessment_id = (select assessment_id from fixture);

create function pg_temp.job(p_id bigint)
returns text language sql as $$
  select format('%s %s %s', status, attempts, run_after - (select t0 from fixture)) from public.jobs where id = p_id;
$$;
create function pg_temp.answer(p_id bigint, p_status integer, p_content text)
returns void language sql as $$
  insert into net._http_response (id, status_code, content, timed_out)
  select request_id, p_status, p_content, false from public.jobs where id = p_id;
$$;

select is(
  (select schedule || ' ' || command from cron.job where jobname = 'vantage-sweep-jobs'),
  '* * * * * select private.sweep_jobs()', 'pg_cron runs the sweep every minute');

select is(pg_temp.job((select job_id from fixture)), 'running 1 00:00:30',
  'a dispatched job is running until its visibility timeout');

-- The function acknowledged the official job (status done), with an HTTP 200.
update public.jobs set status = 'done', finished_at = (select t0 from fixture) where id = (select done_id from fixture);
select pg_temp.answer((select done_id from fixture), 200, '{}');

-- Attempt 1 fails with a 500 ------------------------------------------------------------------------
select pg_temp.answer((select job_id from fixture), 500, '{"error":{"code":"internal_error"}}');
select is(private.sweep_jobs((select t0 from fixture) + interval '1 second'),
  '{"dead": 0, "retried": 1, "dispatched": 0}'::jsonb, 'a recorded 500 fails the attempt before the visibility timeout');
select is(pg_temp.job((select job_id from fixture)), 'queued 1 00:00:11', 'the retry waits 10 s (backoff after attempt 1)');
select is((select last_error from public.jobs where id = (select job_id from fixture)),
  'HTTP 500: {"error":{"code":"internal_error"}}', 'the failure is kept as last_error');
select is(private.sweep_jobs((select t0 from fixture) + interval '5 seconds') ->> 'dispatched', '0',
  'nothing is dispatched before the backoff is over');
select is(private.sweep_jobs((select t0 from fixture) + interval '11 seconds') ->> 'dispatched', '1',
  'the job is dispatched again when its backoff is over');
select is(pg_temp.job((select job_id from fixture)), 'running 2 00:00:41', 'attempt 2 is running');
select is(
  (select count(*)::integer from net.http_request_queue q join public.jobs j on j.request_id = q.id
   where j.id = (select job_id from fixture) and convert_from(q.body, 'UTF8')::jsonb ->> 'job_id' = j.id::text),
  1, 'the new attempt is a new pg_net request for the same job');

-- Attempt 2 times out in pg_net --------------------------------------------------------------------------
insert into net._http_response (id, timed_out, error_msg)
select request_id, true, 'Timeout of 10000 ms reached' from public.jobs where id = (select job_id from fixture);
select is(private.sweep_jobs((select t0 from fixture) + interval '12 seconds') ->> 'retried', '1', 'a timeout fails the attempt');
select is(pg_temp.job((select job_id from fixture)), 'queued 2 00:00:32', 'the retry waits 20 s (backoff doubles)');

-- Attempt 3 is never answered: the visibility timeout fails it ------------------------------------------
select private.sweep_jobs((select t0 from fixture) + interval '32 seconds');
select is(private.sweep_jobs((select t0 from fixture) + interval '61 seconds') ->> 'retried', '0',
  'an unanswered attempt is left alone within its visibility timeout');
select is(private.sweep_jobs((select t0 from fixture) + interval '63 seconds') ->> 'retried', '1',
  'an unanswered attempt fails after its visibility timeout');
select is((select last_error from public.jobs where id = (select job_id from fixture)),
  'Not acknowledged within 00:00:30', 'the missing acknowledgement is the last error');

-- Attempts 4 and 5 fail; then the job is dead-lettered --------------------------------------------------
select private.sweep_jobs((select t0 from fixture) + interval '2 minutes');
select pg_temp.answer((select job_id from fixture), 503, 'unavailable');
select private.sweep_jobs((select t0 from fixture) + interval '2 minutes 1 second');
select private.sweep_jobs((select t0 from fixture) + interval '5 minutes');
select is(pg_temp.job((select job_id from fixture)), 'running 5 00:05:30', 'attempt 5 (max_attempts) is running');
select pg_temp.answer((select job_id from fixture), 502, 'bad gateway');
select is(private.sweep_jobs((select t0 from fixture) + interval '5 minutes 1 second'),
  '{"dead": 1, "retried": 0, "dispatched": 0}'::jsonb, 'the failed last attempt dead-letters the job');
select is(
  (select row(status, attempts, last_error, finished_at - (select t0 from fixture))::text from public.jobs where id = (select job_id from fixture)),
  '(dead,5,"HTTP 502: bad gateway",00:05:01)', 'a dead job keeps its last error and when it died');
select is(
  (select status::text from public.jobs where id = (select done_id from fixture)),
  'done', 'an acknowledged job is never retried');

select * from finish();
rollback;
