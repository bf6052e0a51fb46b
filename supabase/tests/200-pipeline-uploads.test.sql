-- MOV uploads through storage.objects as the Storage API makes them (tests.storage_upload: the permission
-- test as the user, then the service-role upsert), the mov_files row, the projection and readiness
-- jobs dispatched through net.http_post, each refusal, a submission racing an upload, new metadata and soft delete.
begin;
select plan(52);

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

-- 1. The permission test: the Storage API inserts as the user, then rolls back ---------------------
select tests.act_as('pipeline-blgu@test.local');
select lives_ok(
  $$select tests.storage_permission_test((select path from fixture), '{"mimetype": "application/pdf", "contentLength": 2048}')$$,
  'the permission test as the barangay user passes the trigger and the policy');
select lives_ok($$select tests.storage_permission_test((select path from fixture), null)$$,
  'so does the permission test of a resumable upload or a signed upload URL, which declares nothing');
select tests.act_as_postgres();
select is(pg_temp.counts(), '0 files, 0 jobs', 'the rolled-back permission test leaves nothing behind');

-- 2. The upload's insert: service_role, request.headers set, auth.uid() null, owner set -----------
select tests.act_as('pipeline-blgu@test.local');
select tests.storage_complete_upload((select path from fixture), (select blgu_id from fixture), 'application/pdf', 2048);
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
  (select array_agg(result_kind::text order by id) from public.jobs
   where assessment_id = (select assessment_id from fixture)),
  array['projection', 'readiness'], 'a projection job and the barangay''s readiness job are queued for the assessment');
select is(
  (select string_agg(distinct row(status::text, attempts, request_id is not null, run_after > dispatched_at)::text, ' ')
   from public.jobs where assessment_id = (select assessment_id from fixture)),
  '(running,1,t,t)', 'each job is dispatched at once: running, first attempt, request recorded, visibility deadline set');
select is(
  (select string_agg(distinct row(q.method, q.url, convert_from(q.body, 'UTF8')::jsonb = jsonb_build_object('job_id', j.id),
              q.headers ->> 'Authorization')::text, ' ')
   from public.jobs j join net.http_request_queue q on q.id = j.request_id
   where j.assessment_id = (select assessment_id from fixture)),
  '(POST,http://127.0.0.1:9/functions/v1/classify,t,"Bearer test-webhook-secret")',
  'net.http_post carries each job id to the configured classify URL with the configured secret');

-- 3. A validator uploads on the barangay's behalf during validation, by a resumable upload --------
select tests.act_as('pipeline-validator@test.local');
select lives_ok(
  $$select tests.storage_upload(pg_temp.mov_path(validated_id, '1.1.1', 'scan.png'), 'image/png', 10, 'resumable') from fixture$$,
  'a validator uploads during validation');
select tests.act_as_postgres();
select is(
  (select origin::text || ' ' || uploaded_by::text from public.mov_files where assessment_id = (select validated_id from fixture)),
  'validator ' || (select validator_id::text from fixture), 'origin is validator, the validator is the uploader');

-- 4. Refusals: 42501 with the reason (Storage's 403), nothing half-written ---------------------------
select tests.act_as('pipeline-blgu@test.local');
select matches(tests.refusal_of($$select tests.storage_upload(assessment_id || '/1.1.1/report.pdf') from fixture$$),
  '^42501 VA008: MOV path .* must have four segments', 'a path without the four segments is refused');
select matches(tests.refusal_of($$select tests.storage_upload(format('%s/9.9.9/slot/%s-x.pdf', assessment_id, gen_random_uuid())) from fixture$$),
  '^42501 VA008: Leaf 9\.9\.9 .*not a leaf', 'an unknown leaf is refused, naming the leaf');
select matches(tests.refusal_of($$select tests.storage_upload(format('%s/1.1.1/no_such_slot/%s-x.pdf', assessment_id, gen_random_uuid())) from fixture$$),
  '^42501 VA008: .*no upload slot no_such_slot', 'an unknown slot is refused, naming the slot');
select matches(tests.refusal_of($$select tests.storage_upload(format('%s/1.1.1/x/%s-x.pdf', gen_random_uuid(), gen_random_uuid()))$$),
  '^42501 VA008: Assessment .* does not exist', 'an unknown assessment is refused');
select matches(tests.refusal_of($$select tests.storage_upload(pg_temp.mov_path(assessment_id, '1.1.1', 'setup.exe')) from fixture$$),
  '^42501 VA008: File name .*setup\.exe', 'a file that is not a PDF, JPEG or PNG by name is refused');
select is(tests.refusal_of($$select tests.storage_complete_upload(pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf'), null) from fixture$$),
  '42501 VA009: Only the barangay or a validator may upload MOVs. Sign in with a barangay or validator account.',
  'an upload without an owner (service role, Dashboard) is refused');
select tests.act_as('pipeline-mlgoo@test.local');
select is(tests.refusal_of($$select tests.storage_upload(pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf')) from fixture$$),
  '42501 VA009: Only the barangay or a validator may upload MOVs. Sign in with a barangay or validator account.',
  'the MLGOO cannot upload MOVs');
select tests.act_as('pipeline-other-blgu@test.local');
select is(tests.refusal_of($$select tests.storage_upload(pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf')) from fixture$$),
  '42501 VA009: This assessment belongs to another barangay. Upload MOVs to your own barangay''s assessment.',
  'a barangay cannot upload to another barangay''s assessment');
select tests.act_as('pipeline-validator@test.local');
select $$select tests.storage_upload(pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf')) from fixture$$ as validator_upload \gset
select is(tests.refusal_of(:'validator_upload'),
  '42501 VA001: Validators upload MOVs only during validation or calibration (the assessment is draft). Wait until every area is approved and the assessment is awaiting validation.',
  'a validator cannot upload while the assessment is in draft, and is told to wait for validation');
select tests.act_as_postgres();
update public.assessments set status = 'awaiting_approval' where id = (select assessment_id from fixture);
select tests.act_as('pipeline-validator@test.local');
select is(tests.refusal_of(:'validator_upload'),
  '42501 VA001: Validators upload MOVs only during validation or calibration (the assessment is awaiting_approval). Validation is over for this assessment; the MLGOO can reopen it if a MOV must change.',
  'after validation, the validator is told who can open uploads again');
select is(tests.hint_of(:'validator_upload'),
  'Validation is over for this assessment; the MLGOO can reopen it if a MOV must change.',
  'clients that read the hint (PostgREST) get what to do there too');
select tests.act_as_postgres();
update public.assessments set status = 'draft' where id = (select assessment_id from fixture);
update public.assessments set is_locked = true, locked_at = now(), lock_reason = 'deadline'
where id = (select assessment_id from fixture);
select tests.act_as('pipeline-blgu@test.local');
select is(tests.refusal_of($$select tests.storage_upload(pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf')) from fixture$$),
  '42501 VA005: The assessment is locked: MOVs cannot be uploaded. Ask the MLGOO to unlock the assessment.',
  'a locked assessment refuses uploads');
select tests.act_as_postgres();
update public.assessments set is_locked = false where id = (select assessment_id from fixture);
update public.assessment_areas set status = 'submitted' where assessment_id = (select assessment_id from fixture) and area_code = 1;
select tests.act_as('pipeline-blgu@test.local');
select matches(tests.refusal_of($$select tests.storage_upload(pg_temp.mov_path(assessment_id, '1.1.1', 'a.pdf')) from fixture$$),
  '^42501 VA001: MOVs for 1\.1\.1 cannot be changed now: the assessment is draft, area 1 is submitted\. ',
  'a submitted area refuses uploads');
select lives_ok(
  $$select tests.storage_upload(pg_temp.mov_path(assessment_id, '2.1.1', 'plan.pdf'), 'application/pdf', 1) from fixture$$,
  'an area still in draft accepts uploads');
select tests.act_as_postgres();
insert into storage.buckets (id, name) values ('pipeline-other', 'pipeline-other');
select tests.act_as('pipeline-blgu@test.local');
select lives_ok(
  $$select tests.storage_complete_upload('anything/at/all.txt', null, 'text/plain', 10, 'pipeline-other')$$,
  'objects of other buckets are not MOVs');
select tests.act_as_postgres();
update public.assessment_areas set status = 'draft' where assessment_id = (select assessment_id from fixture) and area_code = 1;
select is(pg_temp.counts(), '3 files, 6 jobs', 'refused uploads wrote no file and no job');

-- 5. A race: the area is submitted between the permission test and the upload's insert ------------
-- A standard upload stores its bytes between the two (seconds); a signed upload URL may be used
-- hours after it was signed. The second insert is then refused for the reason the first would
-- give now; Storage answers 403 with it and deletes the bytes it stored (an orphan version, never
-- listed or served, for a resumable upload), and the database is as before the upload.
create temporary table race on commit drop as
select pg_temp.mov_path(assessment_id, '2.1.1', 'Late_scan.pdf') as standard,
       pg_temp.mov_path(assessment_id, '2.1.1', 'Signed_scan.pdf') as signed
from fixture;
grant select on race to authenticated, service_role;
select tests.act_as('pipeline-blgu@test.local');
select lives_ok(
  $$select tests.storage_permission_test(standard, '{"mimetype": "application/pdf", "contentLength": 4096}'),
           tests.storage_permission_test(signed, null) from race$$,
  'while area 2 is in draft, the permission tests of an upload and of a signed upload URL pass');
select tests.act_as_postgres();
select private.declare_workflow_write();
update public.assessment_areas set status = 'submitted', first_submitted_at = now(), submitted_at = now()
where assessment_id = (select assessment_id from fixture) and area_code = 2;
select tests.act_as('pipeline-blgu@test.local');
select is(tests.refusal_of($$select tests.storage_complete_upload(standard, (select blgu_id from fixture), 'application/pdf', 4096) from race$$),
  '42501 VA001: MOVs for 2.1.1 cannot be changed now: the assessment is draft, area 2 is submitted. Upload while the area is in draft or rework, or when the indicator is sent back for calibration.',
  'the upload''s insert after the area was submitted is refused with the reason (Storage: 403)');
select is(tests.refusal_of($$select tests.storage_complete_upload(signed, (select blgu_id from fixture), 'application/pdf', 4096) from race$$),
  '42501 VA001: MOVs for 2.1.1 cannot be changed now: the assessment is draft, area 2 is submitted. Upload while the area is in draft or rework, or when the indicator is sent back for calibration.',
  'so is a signed upload URL used after the area was submitted');
select tests.act_as_postgres();
select is((select count(*)::integer from storage.objects where name in (select standard from race union all select signed from race)), 0,
  'no object row remains of either');
select is(pg_temp.counts(), '3 files, 6 jobs', 'and no MOV file or job: the database is as before the uploads');
update public.assessment_areas set status = 'draft' where assessment_id = (select assessment_id from fixture) and area_code = 2;

-- 6. Metadata that changes after the upload -----------------------------------------------------------
select tests.act_as('pipeline-blgu@test.local');
select tests.storage_upload(replace(path, 'Barangay_Budget-2024.pdf', 'late.jpg'), 'image/jpeg', 100) from fixture;
select tests.act_as_postgres();
select is(
  (select size_bytes || ' ' || mime_type from public.mov_files where storage_path like '%late.jpg'),
  '100 image/jpeg', 'the size and type are those of the upload''s insert');
update public.mov_files set content_check = 'not_checked', content_check_reason = 'x' where storage_path like '%late.jpg';
select tests.act_as_service_role();
update storage.objects set metadata = '{"size": 4096, "mimetype": "image/jpeg"}' where name like '%late.jpg';
select tests.act_as_postgres();
select is(
  (select size_bytes || ' ' || mime_type || ' ' || content_check from public.mov_files where storage_path like '%late.jpg'),
  '4096 image/jpeg pending', 'new metadata updates size and type and asks for a new content check');
select is(
  (select count(*)::integer from public.jobs where assessment_id = (select assessment_id from fixture)),
  8, 'the metadata change queued a projection and a readiness');
update storage.objects set last_accessed_at = now(), metadata = metadata where name like '%late.jpg';
select is(
  (select count(*)::integer from public.jobs where assessment_id = (select assessment_id from fixture)),
  8, 'an update that changes neither size nor type queues nothing');
select throws_ok(
  $$update storage.objects set name = replace(name, 'late.jpg', 'moved.jpg') where name like '%late.jpg'$$,
  'VA008', 'MOVs cannot be moved or renamed', 'moving a MOV is refused');

-- 7. Deletion through the Storage API: soft delete ------------------------------------------------------
select tests.act_as('pipeline-other-blgu@test.local');
select is_empty($$select tests.storage_remove((select path from fixture))$$,
  'another barangay''s user does not see the object: nothing deleted, no error');
select tests.act_as_postgres();
select is((select deleted_at from public.mov_files where storage_path = (select path from fixture)), null,
  'so the row stays live');
select tests.act_as('pipeline-blgu@test.local');
select isnt_empty($$select tests.storage_remove((select path from fixture))$$, 'the uploader deletes the object');
select tests.act_as_postgres();
select is(
  (select row(deleted_at is not null, deleted_by)::text from public.mov_files where storage_path = (select path from fixture)),
  (select row(true, blgu_id)::text from fixture), 'the uploader''s delete soft-deletes the row and names who deleted');
select is((select count(*)::integer from public.mov_files where storage_path = (select path from fixture)), 1,
  'the row is kept');
select is(
  (select count(*)::integer from public.jobs where assessment_id = (select assessment_id from fixture)),
  10, 'the deletion queued a projection and a readiness');
select tests.act_as_service_role();
select set_config('storage.allow_delete_query', 'true', true);
delete from storage.objects where name like '%late.jpg';
select tests.act_as_postgres();
select is(
  (select deleted_by from public.mov_files where storage_path like '%late.jpg'),
  (select blgu_id from fixture), 'a deletion by the Storage API as service_role names the owner');
select is(
  (select count(*)::integer from public.mov_files where assessment_id = (select assessment_id from fixture) and deleted_at is null),
  1, 'one file of the assessment stays live');

-- 8. Without configuration a job waits, visibly, for the sweep --------------------------------------------
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
-- Jobs queued by the seed wait for later, so the sweep has only this one to send.
update public.jobs set run_after = now() + interval '1 hour'
where status = 'queued' and id <> (select id from official_job);
select is(private.sweep_jobs() ->> 'dispatched', '1', 'the sweep dispatches it once configured');
select is(
  (select status::text || ' ' || attempts from public.jobs
   where assessment_id = (select validated_id from fixture) and result_kind = 'official'),
  'running 1', 'the job is then running on its first attempt');

-- 9. Configuration: Vault first when it exists, else private.settings -------------------------------------
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
