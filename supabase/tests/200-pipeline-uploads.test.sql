-- MOV uploads through storage.objects: the Storage API's two inserts, the mov_files row, the
-- projection job dispatched through net.http_post, each refusal, late metadata and soft delete.
begin;
select plan(46);

insert into private.settings (key, value) values
  ('vantage_functions_url', 'http://127.0.0.1:9/functions/v1'),
  ('vantage_webhook_secret', 'test-webhook-secret')
on conflict (key) do update set value = excluded.value;

create temporary table fixture on commit drop as
select tests.create_cycle(2090) as cycle_id,
       tests.create_barangay('999200001', 'Upload Barangay') as barangay_id,
       tests.create_barangay('999200002', 'Other Barangay') as other_barangay_id;
alter table fixture add column assessment_id uuid, add column validated_id uuid,
  add column blgu_id uuid, add column validator_id uuid, add column path text;
update fixture set assessment_id = tests.create_assessment(cycle_id, barangay_id),
  validated_id = tests.create_assessment(cycle_id, other_barangay_id);
update fixture set
  blgu_id = tests.create_user('pipeline-blgu@test.local', 'blgu', barangay_id),
  validator_id = tests.create_user('pipeline-validator@test.local', 'validator');
select tests.create_user('pipeline-other-blgu@test.local', 'blgu', other_barangay_id) from fixture;
select tests.create_user('pipeline-mlgoo@test.local', 'mlgoo');
update public.assessments set status = 'awaiting_validation', validation_started_at = now()
where id = (select validated_id from fixture);
update fixture set path = format('%s/1.1.1/%s/%s-Barangay_Budget-2024.pdf', assessment_id,
  tests.slot_key(cycle_id, '1.1.1'), gen_random_uuid());
grant select on fixture to authenticated, service_role;

create function pg_temp.mov_path(p_assessment_id uuid, p_leaf text, p_file text)
returns text language sql as $$
  select format('%s/%s/%s/%s-%s', p_assessment_id, p_leaf,
    tests.slot_key((select cycle_id from fixture), p_leaf), gen_random_uuid(), p_file);
$$;
grant execute on function pg_temp.mov_path(uuid, text, text) to authenticated, service_role;

create function pg_temp.counts()
returns text language sql as $$
  select format('%s files, %s jobs',
    (select count(*) from public.mov_files where assessment_id in (select assessment_id from fixture union select validated_id from fixture)),
    (select count(*) from public.jobs where assessment_id in (select assessment_id from fixture union select validated_id from fixture)));
$$;

-- 1. The permission check: the Storage API inserts as the user, then rolls back ------------------
select tests.act_as('pipeline-blgu@test.local');
savepoint permission_check;
select lives_ok(
  $$insert into storage.objects (bucket_id, name, owner_id, metadata)
    select 'movs', path, blgu_id::text, '{"size": 2048, "mimetype": "application/pdf"}' from fixture$$,
  'the permission-check insert as the barangay user passes the trigger');
select is((select count(*)::integer from public.mov_files where storage_path = (select path from fixture)), 1,
  'inside the permission check the trigger sees the row it would record');
rollback to savepoint permission_check;
select tests.act_as_postgres();
select is(pg_temp.counts(), '0 files, 0 jobs', 'the rolled-back permission check leaves nothing behind');

-- 2. The real insert: service_role, request.headers set, auth.uid() null --------------------------
select tests.act_as_service_role();
select set_config('request.headers', '{"x-client-info": "supabase-js/2", "content-type": "application/pdf"}', true);
select is(auth.uid(), null, 'the real insert runs without a user');
insert into storage.objects (bucket_id, name, owner_id, metadata)
select 'movs', path, blgu_id::text,
  '{"size": 2048, "mimetype": "application/pdf", "eTag": "\"abc\"", "cacheControl": "max-age=3600"}'
from fixture;
select tests.act_as_postgres();

select is(
  (select row(m.assessment_id, m.leaf_id, m.slot_id, m.area_code, m.uploaded_by, m.origin::text,
              m.size_bytes, m.mime_type, m.original_name, m.content_check::text, m.deleted_at)::text
   from public.mov_files m where m.storage_path = (select path from fixture)),
  (select row(f.assessment_id, tests.leaf_id(f.cycle_id, '1.1.1'),
              (select s.id from public.upload_slots s where s.indicator_id = tests.leaf_id(f.cycle_id, '1.1.1')
               and s.slot_key = tests.slot_key(f.cycle_id, '1.1.1')),
              1::smallint, f.blgu_id, 'blgu', 2048::bigint, 'application/pdf', 'Barangay_Budget-2024.pdf',
              'pending', null::timestamptz)::text
   from fixture f),
  'the upload is recorded: assessment, leaf, slot, area, owner as uploader, origin, size, type, name, pending check');
select is(
  (select storage_object_id from public.mov_files where storage_path = (select path from fixture)),
  (select id from storage.objects where bucket_id = 'movs' and name = (select path from fixture)),
  'the row points at its storage object');
select is(
  (select count(*)::integer from public.jobs
   where assessment_id = (select assessment_id from fixture) and result_kind = 'projection'),
  1, 'one projection job is queued for the assessment');
select is(
  (select row(status::text, attempts, request_id is not null, run_after > dispatched_at)::text
   from public.jobs where assessment_id = (select assessment_id from fixture)),
  '(running,1,t,t)', 'the job is dispatched at once: running, first attempt, request recorded, visibility deadline set');
select is(
  (select row(q.method, q.url, convert_from(q.body, 'UTF8')::jsonb = jsonb_build_object('job_id', j.id),
              q.headers ->> 'Authorization')::text
   from public.jobs j join net.http_request_queue q on q.id = j.request_id
   where j.assessment_id = (select assessment_id from fixture)),
  '(POST,http://127.0.0.1:9/functions/v1/classify,t,"Bearer test-webhook-secret")',
  'net.http_post carries the job id to the configured classify URL with the configured secret');

-- 3. A validator uploads on the barangay's behalf during validation --------------------------------
select tests.act_as('pipeline-validator@test.local');
select lives_ok(
  $$insert into storage.objects (bucket_id, name, owner_id, metadata)
    select 'movs', pg_temp.mov_path(validated_id, '1.1.1', 'scan.png'), validator_id::text,
           '{"size": 10, "mimetype": "image/png"}' from fixture$$,
  'a validator uploads during validation');
select tests.act_as_postgres();
select is(
  (select origin::text || ' ' || uploaded_by::text from public.mov_files where assessment_id = (select validated_id from fixture)),
  'validator ' || (select validator_id::text from fixture), 'origin is validator, the validator is the uploader');

-- 4. Refusals: clear errors, nothing half-written -----------------------------------------------------
select tests.act_as_service_role();
select throws_ok(
  $$insert into storage.objects (bucket_id, name, owner_id) select 'movs', assessment_id || '/1.1.1/report.pdf', blgu_id::text from fixture$$,
  'VA008', null, 'a path without the four segments is refused');
select throws_like(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', format('%s/9.9.9/slot/%s-x.pdf', assessment_id, gen_random_uuid()), blgu_id::text from fixture$$,
  '%Leaf 9.9.9%not a leaf%', 'an unknown leaf is refused, naming the leaf');
select throws_like(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', format('%s/1.1.1/no_such_slot/%s-x.pdf', assessment_id, gen_random_uuid()), blgu_id::text from fixture$$,
  '%no upload slot no_such_slot%', 'an unknown slot is refused, naming the slot');
select throws_like(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', format('%s/1.1.1/x/%s-x.pdf', gen_random_uuid(), gen_random_uuid()), blgu_id::text from fixture$$,
  '%does not exist%', 'an unknown assessment is refused');
select throws_ok(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', pg_temp.mov_path(assessment_id, '1.1.1', 'setup.exe'), blgu_id::text from fixture$$,
  'VA008', null, 'a file that is not a PDF, JPEG or PNG by name is refused');
select throws_ok(
  $$insert into storage.objects (bucket_id, name) select 'movs', pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf') from fixture$$,
  '42501', 'Only the barangay or a validator may upload MOVs', 'an upload without an owner is refused');
select throws_ok(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf'), tests.user_id('pipeline-mlgoo@test.local')::text from fixture$$,
  '42501', 'Only the barangay or a validator may upload MOVs', 'the MLGOO cannot upload MOVs');
select throws_ok(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf'), tests.user_id('pipeline-other-blgu@test.local')::text from fixture$$,
  '42501', 'This assessment belongs to another barangay', 'a barangay cannot upload to another barangay''s assessment');
select $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf'), validator_id::text from fixture$$ as validator_upload \gset
select throws_like(:'validator_upload',
  'Validators upload MOVs only during validation or calibration%', 'a validator cannot upload while the assessment is in draft');
select is(tests.hint_of(:'validator_upload'),
  'Wait until every area is approved and the assessment is awaiting validation.',
  'before validation, the validator is told to wait for it');
select tests.act_as_postgres();
update public.assessments set status = 'awaiting_approval' where id = (select assessment_id from fixture);
select tests.act_as_service_role();
select is(tests.hint_of(:'validator_upload'),
  'Validation is over for this assessment; the MLGOO can reopen it if a MOV must change.',
  'after validation, the validator is told who can open uploads again');
select tests.act_as_postgres();
update public.assessments set status = 'draft' where id = (select assessment_id from fixture);
update public.assessments set is_locked = true, locked_at = now(), lock_reason = 'deadline'
where id = (select assessment_id from fixture);
select tests.act_as_service_role();
select throws_ok(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf'), blgu_id::text from fixture$$,
  'VA005', 'The assessment is locked: MOVs cannot be uploaded', 'a locked assessment refuses uploads');
select tests.act_as_postgres();
update public.assessments set is_locked = false where id = (select assessment_id from fixture);
update public.assessment_areas set status = 'submitted' where assessment_id = (select assessment_id from fixture) and area_code = 1;
select tests.act_as_service_role();
select throws_ok(
  $$insert into storage.objects (bucket_id, name, owner_id)
    select 'movs', pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf'), blgu_id::text from fixture$$,
  'VA001', null, 'a submitted area refuses uploads');
select lives_ok(
  $$insert into storage.objects (bucket_id, name, owner_id, metadata)
    select 'movs', pg_temp.mov_path(assessment_id, '2.1.1', 'plan.pdf'), blgu_id::text, '{"size": 1, "mimetype": "application/pdf"}' from fixture$$,
  'an area still in draft accepts uploads');
select tests.act_as_postgres();
insert into storage.buckets (id, name) values ('pipeline-other', 'pipeline-other');
select tests.act_as_service_role();
select lives_ok(
  $$insert into storage.objects (bucket_id, name, owner_id) values ('pipeline-other', 'anything/at/all.txt', null)$$,
  'objects of other buckets are not MOVs');
select tests.act_as_postgres();
update public.assessment_areas set status = 'draft' where assessment_id = (select assessment_id from fixture) and area_code = 1;
select is(pg_temp.counts(), '3 files, 3 jobs', 'refused uploads wrote no file and no job');

-- 5. Metadata that arrives in a later update -----------------------------------------------------------
select tests.act_as_service_role();
insert into storage.objects (bucket_id, name, owner_id)
select 'movs', replace(path, 'Barangay_Budget-2024.pdf', 'late.jpg'), blgu_id::text from fixture;
select tests.act_as_postgres();
select is(
  (select size_bytes || ' ' || mime_type from public.mov_files where storage_path like '%late.jpg'),
  '0 application/octet-stream', 'without metadata the size is 0 and the type unknown');
update public.mov_files set content_check = 'not_checked', content_check_reason = 'x' where storage_path like '%late.jpg';
select tests.act_as_service_role();
update storage.objects set metadata = '{"size": 4096, "mimetype": "image/jpeg"}' where name like '%late.jpg';
select tests.act_as_postgres();
select is(
  (select size_bytes || ' ' || mime_type || ' ' || content_check from public.mov_files where storage_path like '%late.jpg'),
  '4096 image/jpeg pending', 'the later metadata fills size and type and asks for a new content check');
select is(
  (select count(*)::integer from public.jobs where assessment_id = (select assessment_id from fixture)),
  4, 'the metadata change queued a projection');
update storage.objects set last_accessed_at = now(), metadata = metadata where name like '%late.jpg';
select is(
  (select count(*)::integer from public.jobs where assessment_id = (select assessment_id from fixture)),
  4, 'an update that changes neither size nor type queues nothing');
select throws_ok(
  $$update storage.objects set name = replace(name, 'late.jpg', 'moved.jpg') where name like '%late.jpg'$$,
  'VA008', 'MOVs cannot be moved or renamed', 'moving a MOV is refused');

-- 6. Deletion through the Storage API: soft delete ------------------------------------------------------
select set_config('storage.allow_delete_query', 'true', true);
select tests.act_as('pipeline-other-blgu@test.local');
delete from storage.objects where name = (select path from fixture);
select tests.act_as_postgres();
select is((select deleted_at from public.mov_files where storage_path = (select path from fixture)), null,
  'another barangay''s user cannot delete the object (policy), so the row stays live');
select tests.act_as('pipeline-blgu@test.local');
delete from storage.objects where name = (select path from fixture);
select tests.act_as_postgres();
select is(
  (select row(deleted_at is not null, deleted_by)::text from public.mov_files where storage_path = (select path from fixture)),
  (select row(true, blgu_id)::text from fixture), 'the uploader''s delete soft-deletes the row and names who deleted');
select is((select count(*)::integer from public.mov_files where storage_path = (select path from fixture)), 1,
  'the row is kept');
select is(
  (select count(*)::integer from public.jobs where assessment_id = (select assessment_id from fixture)),
  5, 'the deletion queued a projection');
select tests.act_as_service_role();
delete from storage.objects where name like '%late.jpg';
select tests.act_as_postgres();
select is(
  (select deleted_by from public.mov_files where storage_path like '%late.jpg'),
  (select blgu_id from fixture), 'a deletion by the Storage API as service_role names the owner');
select is(
  (select count(*)::integer from public.mov_files where assessment_id = (select assessment_id from fixture) and deleted_at is null),
  1, 'one file of the assessment stays live');

-- 7. Without configuration a job waits, visibly, for the sweep --------------------------------------------
delete from private.settings where key = 'vantage_functions_url';
create temporary table official_job on commit drop as
select private.enqueue_classification(validated_id, 'official') as id from fixture;
select is(
  (select status::text || ' ' || attempts || ' ' || last_error from public.jobs where id = (select id from official_job)),
  'queued 0 Not dispatched: set vantage_functions_url and vantage_webhook_secret (Vault, or private.settings locally); the sweep sends the job once both are set',
  'an unconfigured dispatch leaves the job queued with the reason');
select is(
  private.enqueue_classification((select validated_id from fixture), 'official'),
  (select id from official_job),
  'a second request reuses the job that was not sent yet');
insert into private.settings (key, value) values ('vantage_functions_url', 'http://127.0.0.1:9/functions/v1');
select is(private.sweep_jobs() ->> 'dispatched', '1', 'the sweep dispatches it once configured');
select is(
  (select status::text || ' ' || attempts from public.jobs
   where assessment_id = (select validated_id from fixture) and result_kind = 'official'),
  'running 1', 'the job is then running on its first attempt');

-- 8. Configuration: Vault first when it exists, else private.settings -------------------------------------
select is(private.setting('vantage_webhook_secret'), 'test-webhook-secret', 'settings are read from private.settings');
select is(private.setting('no_such_setting'), null, 'an absent setting is null');
do $$
begin
  perform vault.create_secret('secret-from-vault', 'vantage_webhook_secret');
end;
$$;
select is(private.setting('vantage_webhook_secret'), 'secret-from-vault', 'a Vault secret wins over private.settings');
select is(private.setting('vantage_functions_url'), 'http://127.0.0.1:9/functions/v1',
  'a setting Vault does not hold is read from private.settings');

select * from finish();
rollback;
