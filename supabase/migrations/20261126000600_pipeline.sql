-- Pipeline: every MOV that lands in bucket movs becomes a mov_files row and a classification job in
-- the same transaction; jobs are sent to the classify Edge Function through pg_net right after
-- commit, and a pg_cron sweep retries what was not acknowledged (exponential backoff) until the job
-- is done or dead-lettered with its last error. The function URL and the secret it checks come from
-- configuration (Vault on a project, private.settings on the local stack), never from a migration.

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

-- Storage → mov_files ------------------------------------------------------------------------------

create function private.object_mime_type(p_metadata jsonb)
returns text
language sql
immutable
set search_path = ''
as $$
  select coalesce(nullif(p_metadata ->> 'mimetype', ''), 'application/octet-stream');
$$;
comment on function private.object_mime_type(jsonb) is
  'The MIME type the Storage API recorded in an object''s metadata (octet-stream until it is known).';

create function private.object_size(p_metadata jsonb)
returns bigint
language sql
immutable
set search_path = ''
as $$
  select coalesce((p_metadata ->> 'size')::bigint, 0);
$$;
comment on function private.object_size(jsonb) is
  'The size in bytes the Storage API recorded in an object''s metadata (0 until it is known).';

create function private.mov_uploader(p_object storage.objects)
returns public.profiles
language sql
stable
security definer
set search_path = ''
as $$
  -- The Storage API's real insert runs as service_role (auth.uid() is null): the owner is the uploader.
  select * from public.profiles
  where id = coalesce(nullif(p_object.owner_id, '')::uuid, (select auth.uid())) and is_active;
$$;
comment on function private.mov_uploader(storage.objects) is
  'The active profile of whoever uploads a storage object: its owner, else the caller.';

create function private.check_mov_upload()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refuse_mov_change(new, (private.mov_uploader(new)).id, false);
  return new;
end;
$$;
comment on function private.check_mov_upload() is
  'Before a MOV lands in bucket movs, in both of the Storage API''s inserts (the permission test as the user, the upload as service_role): refuses a bad path, uploader, state, existing file, type or size with the reason, as private.refuse_mov_change (it runs before the storage policies, whose refusal would say only "row-level security").';

create function private.record_mov_upload()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_path record;
  v_profile public.profiles := private.mov_uploader(new);
begin
  select * into v_path from private.parse_mov_path(new.name);
  insert into public.mov_files (
    assessment_id, leaf_id, slot_id, area_code, storage_object_id, storage_path, original_name,
    mime_type, size_bytes, origin, uploaded_by, content_check
  )
  values (
    v_path.assessment_id, v_path.leaf_id, v_path.slot_id, v_path.area_code, new.id, new.name,
    substring(storage.filename(new.name) from '^[0-9a-f-]{36}-(.+)$'),
    private.object_mime_type(new.metadata),
    private.object_size(new.metadata),
    case when v_profile.role = 'validator' then 'validator' else 'blgu' end::public.mov_origin,
    v_profile.id, 'pending'
  );
  perform private.enqueue_classification(v_path.assessment_id, 'projection');
  return null;
end;
$$;
comment on function private.record_mov_upload() is
  'After a MOV lands in bucket movs (checked by private.check_mov_upload): records the mov_files row and queues a projection, in the upload''s transaction.';

create function private.record_mov_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_mime constant text := private.object_mime_type(new.metadata);
  v_size constant bigint := private.object_size(new.metadata);
  v_assessment_id uuid;
begin
  if new.name is distinct from old.name or new.bucket_id is distinct from old.bucket_id then
    raise exception 'MOVs cannot be moved or renamed'
      using errcode = 'VA008', hint = 'Upload the file again under its new slot and delete the old one.';
  end if;
  -- New metadata (late metadata, or the file was overwritten): check the content again.
  update public.mov_files
  set mime_type = v_mime, size_bytes = v_size, content_check = 'pending', content_check_reason = null
  where storage_object_id = new.id and deleted_at is null
    and (mime_type, size_bytes) is distinct from (v_mime, v_size)
  returning assessment_id into v_assessment_id;
  if v_assessment_id is not null then
    perform private.enqueue_classification(v_assessment_id, 'projection');
  end if;
  return null;
end;
$$;
comment on function private.record_mov_change() is
  'Keeps a MOV''s size and type in step with its storage object (metadata may arrive after the insert) and re-checks its content; refuses moves.';

create function private.record_mov_deletion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment_id uuid;
begin
  update public.mov_files
  set deleted_at = now(), deleted_by = coalesce((select auth.uid()), nullif(old.owner_id, '')::uuid)
  where storage_object_id = old.id and deleted_at is null
  returning assessment_id into v_assessment_id;
  if v_assessment_id is not null then
    perform private.enqueue_classification(v_assessment_id, 'projection');
  end if;
  return null;
end;
$$;
comment on function private.record_mov_deletion() is
  'When a MOV''s storage object is deleted: soft-deletes its mov_files row (the row stays) and queues a projection.';

create trigger check_mov_upload before insert on storage.objects
  for each row when (new.bucket_id = 'movs')
  execute function private.check_mov_upload();
create trigger record_mov_upload after insert on storage.objects
  for each row when (new.bucket_id = 'movs')
  execute function private.record_mov_upload();
create trigger record_mov_change after update of name, bucket_id, metadata on storage.objects
  for each row when (old.bucket_id = 'movs')
  execute function private.record_mov_change();
create trigger record_mov_deletion after delete on storage.objects
  for each row when (old.bucket_id = 'movs')
  execute function private.record_mov_deletion();

create index mov_files_pending on public.mov_files (assessment_id) where content_check = 'pending';

comment on column public.classification_results.created_at is
  'When it was last computed: recomputing an input already stored refreshes it, so the newest row of a kind is the assessment''s current state.';
