-- Pipeline queue: the durable outbox of classification jobs. A job is queued in the same transaction
-- as the change that needs it (an upload or deletion, a workflow step) by
-- private.enqueue_classification, sent to the classify Edge Function through pg_net right after
-- commit, and a pg_cron sweep retries what was not acknowledged (exponential backoff) until the job
-- is done or dead-lettered with its last error. The function URL and the secret it checks come from
-- configuration (Vault on a project, private.settings on the local stack), never from a migration.

-- Jobs: the durable outbox --------------------------------------------------------------------------

create table public.jobs (
  id bigint generated always as identity primary key,
  kind text not null default 'classify' check (kind in ('classify')),
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  result_kind public.result_kind not null default 'projection',
  status public.job_status not null default 'queued',
  attempts integer not null default 0,
  max_attempts integer not null default 5 check (max_attempts > 0),
  run_after timestamptz not null default now(),
  dispatched_at timestamptz,
  request_id bigint,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
comment on table public.jobs is
  'Durable outbox of background work (classification). A job is retried with backoff until done, or dead-lettered with its last error.';
comment on column public.jobs.id is 'Job id, sent to the classify function.';
comment on column public.jobs.kind is 'What to do.';
comment on column public.jobs.assessment_id is 'The assessment to classify.';
comment on column public.jobs.result_kind is
  'projection after uploads; readiness after uploads and saved answers; official when the workflow asks.';
comment on column public.jobs.status is 'queued, running, done or dead.';
comment on column public.jobs.attempts is 'Dispatch attempts so far.';
comment on column public.jobs.max_attempts is 'Attempts before the job is dead-lettered.';
comment on column public.jobs.run_after is 'Not dispatched before this moment (backoff).';
comment on column public.jobs.dispatched_at is 'When the job was last sent to the function.';
comment on column public.jobs.request_id is 'The pg_net request of the last dispatch.';
comment on column public.jobs.last_error is 'The last failure, kept when the job is dead-lettered.';
comment on column public.jobs.created_at is 'When the job was queued.';
comment on column public.jobs.updated_at is 'When the job last changed.';
comment on column public.jobs.finished_at is 'When the job was done or dead-lettered.';

create index jobs_due on public.jobs (status, run_after) where status in ('queued', 'running');
create index jobs_assessment on public.jobs (assessment_id);

create trigger touch_updated_at before update on public.jobs
  for each row execute function private.touch_updated_at();

alter table public.jobs enable row level security;
grant select on public.jobs to authenticated;
grant select, insert, update on public.jobs to service_role;
create policy "The central administrator reads the background jobs" on public.jobs
  for select to authenticated using ((select private.is_administrator()));
comment on policy "The central administrator reads the background jobs" on public.jobs is
  'Only an active central administrator reads the job queue, which spans the country.';

-- Configuration ---------------------------------------------------------------------------------

create table private.settings (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*$'),
  value text not null,
  updated_at timestamptz not null default now()
);
comment on table private.settings is
  'Deployment settings Vault does not hold (the local stack writes them at start): vantage_functions_url, vantage_webhook_secret, optional vantage_dispatch_timeout_ms.';
comment on column private.settings.key is 'Setting name, as in Vault.';
comment on column private.settings.value is 'Setting value.';
comment on column private.settings.updated_at is 'When it was last written.';
revoke all on private.settings from public;

create function private.setting(p_name text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select decrypted_secret from vault.decrypted_secrets where name = p_name),
    (select value from private.settings where key = p_name));
$$;
comment on function private.setting(text) is
  'A deployment setting: the Vault secret of that name when Vault holds it, else private.settings.';

-- Dispatch ----------------------------------------------------------------------------------------

-- pg_net where the platform has it; the local stack provides the same net schema itself.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_net') then
    create extension if not exists pg_net;
  end if;
end;
$$;

create function private.job_visibility_timeout()
returns interval
language sql
immutable
set search_path = ''
as $$
  select interval '30 seconds';
$$;
comment on function private.job_visibility_timeout() is
  'How long a dispatched job may stay unacknowledged before the sweep counts the attempt as failed.';

create function private.job_retry_delay(p_attempts integer)
returns interval
language sql
immutable
set search_path = ''
as $$
  select least(interval '10 seconds' * power(2, greatest(p_attempts - 1, 0)), interval '15 minutes');
$$;
comment on function private.job_retry_delay(integer) is
  'Exponential backoff after a failed attempt: 10 s, 20 s, 40 s ... capped at 15 minutes.';

create function private.dispatch_job(p_job_id bigint, p_now timestamptz default now())
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_url constant text := private.setting('vantage_functions_url');
  v_secret constant text := private.setting('vantage_webhook_secret');
  v_timeout_ms constant integer := coalesce(private.setting('vantage_dispatch_timeout_ms')::integer, 10000);
  v_request_id bigint;
begin
  if v_url is null or v_secret is null then
    update public.jobs
    set last_error = 'Not dispatched: set vantage_functions_url and vantage_webhook_secret (Vault, or private.settings locally); the sweep sends the job once both are set'
    where id = p_job_id;
    return null;
  end if;
  v_request_id := net.http_post(
    url := rtrim(v_url, '/') || '/classify',
    body := jsonb_build_object('job_id', p_job_id),
    headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer ' || v_secret),
    timeout_milliseconds := v_timeout_ms
  );
  update public.jobs
  set status = 'running', attempts = attempts + 1, dispatched_at = p_now, request_id = v_request_id,
      run_after = p_now + private.job_visibility_timeout()
  where id = p_job_id;
  return v_request_id;
end;
$$;
comment on function private.dispatch_job(bigint, timestamptz) is
  'Sends a job to the classify function through net.http_post (delivered after commit) and starts its visibility timeout.';

create function private.enqueue_classification(p_assessment_id uuid, p_kind public.result_kind)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job_id bigint;
begin
  -- A queued job not yet sent will read the latest state anyway: reuse it instead of piling up.
  select id into v_job_id from public.jobs
  where assessment_id = p_assessment_id and result_kind = p_kind and status = 'queued' and dispatched_at is null
  order by id limit 1
  for update;
  if v_job_id is null then
    insert into public.jobs (assessment_id, result_kind) values (p_assessment_id, p_kind)
    returning id into v_job_id;
  end if;
  perform private.dispatch_job(v_job_id);
  return v_job_id;
end;
$$;
comment on function private.enqueue_classification(uuid, public.result_kind) is
  'Queues a classification of an assessment in the outbox (same transaction as the change that needs it) and dispatches it at commit.';

create function private.dispatch_failure(p_request_id bigint)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when r.timed_out then coalesce(r.error_msg, 'Request timed out')
    when r.error_msg is not null then r.error_msg
    when r.status_code not between 200 and 299 then format('HTTP %s: %s', r.status_code, left(coalesce(r.content, ''), 500))
  end
  from net._http_response r
  where r.id = p_request_id
  limit 1;
$$;
comment on function private.dispatch_failure(bigint) is
  'The failure pg_net recorded for a request (timeout, connection error or non-2xx answer), or null when none is known.';

create function private.sweep_jobs(p_now timestamptz default now())
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job record;
  v_error text;
  v_retried integer := 0;
  v_dead integer := 0;
  v_dispatched integer := 0;
begin
  -- Attempts that failed (pg_net recorded an error) or were not acknowledged in time.
  for v_job in
    select id, attempts, max_attempts, request_id, run_after from public.jobs
    where status = 'running'
    order by id
    for update skip locked
  loop
    v_error := private.dispatch_failure(v_job.request_id);
    continue when v_error is null and v_job.run_after > p_now;
    v_error := coalesce(v_error, format('Not acknowledged within %s', private.job_visibility_timeout()));
    if v_job.attempts >= v_job.max_attempts then
      update public.jobs set status = 'dead', last_error = v_error, finished_at = p_now where id = v_job.id;
      v_dead := v_dead + 1;
    else
      update public.jobs
      set status = 'queued', last_error = v_error, run_after = p_now + private.job_retry_delay(v_job.attempts)
      where id = v_job.id;
      v_retried := v_retried + 1;
    end if;
  end loop;

  -- Jobs due now: first dispatches that found no configuration, and retries whose backoff is over.
  for v_job in
    select id from public.jobs
    where status = 'queued' and run_after <= p_now
    order by run_after, id
    limit 500
    for update skip locked
  loop
    if private.dispatch_job(v_job.id, p_now) is not null then
      v_dispatched := v_dispatched + 1;
    end if;
  end loop;

  return jsonb_build_object('retried', v_retried, 'dead', v_dead, 'dispatched', v_dispatched);
end;
$$;
comment on function private.sweep_jobs(timestamptz) is
  'Run every minute by pg_cron: fails unacknowledged attempts (backoff, or dead after max_attempts keeping the last error) and dispatches due jobs. Returns the counts.';

select cron.schedule('vantage-sweep-jobs', '* * * * *', 'select private.sweep_jobs()');
