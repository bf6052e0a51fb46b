-- Storage: bucket movs, MOV paths, and who may upload, read, replace and delete MOV objects, through
-- the Storage API's own statements (tests.storage_upload: the permission test as the user, then the
-- service-role upsert; tests.storage_remove). Every refusal is 42501 with a message the Storage API
-- shows as it is (HTTP 403): '<VA code>: <what happened>. <what to do>.'

begin;
select plan(54);
select nextval('tests.storage_rule_checks') as rule_checks_before \gset

create temporary table fx (key text primary key, id uuid);
insert into fx values
  ('cycle', tests.create_cycle(2090)),
  ('own', tests.create_barangay('990000201', 'Own Barangay')),
  ('other', tests.create_barangay('990000202', 'Other Barangay'));
insert into fx
select 'a_own', tests.create_assessment((select id from fx where key = 'cycle'), (select id from fx where key = 'own'))
union all
select 'a_other', tests.create_assessment((select id from fx where key = 'cycle'), (select id from fx where key = 'other'));
insert into fx values
  ('blgu', tests.create_user('s-blgu@t.local', 'blgu', (select id from fx where key = 'own'))),
  ('blgu_other', tests.create_user('s-blgu-other@t.local', 'blgu', (select id from fx where key = 'other'))),
  ('validator', tests.create_user('s-validator@t.local', 'validator')),
  ('mlgoo', tests.create_user('s-mlgoo@t.local', 'mlgoo')),
  ('assessor1', tests.create_user('s-assessor1@t.local', 'assessor', null, 1)),
  ('assessor2', tests.create_user('s-assessor2@t.local', 'assessor', null, 2)),
  ('katuparan', tests.create_user('s-katuparan@t.local', 'katuparan'));
grant select on fx to authenticated, anon, service_role;

-- A well-formed path for an assessment and leaf (first slot of the leaf).
create function pg_temp.mov_path(p_assessment text, p_leaf text, p_file text default 'Budget_2024.pdf')
returns text
language sql
as $$
  select format('%s/%s/%s/%s-%s', (select id from fx where key = p_assessment), p_leaf,
    tests.slot_key((select id from fx where key = 'cycle'), p_leaf), gen_random_uuid(), p_file);
$$;

create function pg_temp.visible(p_name text)
returns integer
language sql
as $$
  select count(*)::integer from storage.objects where bucket_id = 'movs' and name = p_name;
$$;
grant execute on all functions in schema pg_temp to authenticated, anon, service_role;

create temporary table files (key text primary key, name text);
grant select on files to authenticated, anon, service_role;
insert into files values
  ('area1', pg_temp.mov_path('a_own', '1.1.1')),
  ('area2', pg_temp.mov_path('a_own', '2.1.1')),
  ('resumable', pg_temp.mov_path('a_own', '2.1.1', 'Scan_of_ordinance.pdf')),
  ('signed', pg_temp.mov_path('a_own', '2.1.1', 'Photo.jpg'));

-- The bucket ----------------------------------------------------------------------------------------

select results_eq(
  $$ select public, file_size_limit, allowed_mime_types, versioning_status from storage.buckets where id = 'movs' $$,
  $$ values (false, 52428800::bigint, array['application/pdf', 'image/jpeg', 'image/png'], 'DISABLED') $$,
  'bucket movs is private, 50 MB per file, PDF, JPEG and PNG only, without object versioning');
select is(tests.refusal_of($$ update storage.buckets set versioning_status = 'ENABLED' where id = 'movs' $$),
  '42501 VA008: Object versioning cannot be enabled for bucket movs. Keep it disabled: a deleted MOV must leave the assessment, and with versioning Storage would keep it as an archived version',
  'object versioning is refused for bucket movs, saying why');

-- Paths ---------------------------------------------------------------------------------------------

select results_eq(
  format($$ select assessment_id, leaf_id, slot_id, area_code from private.parse_mov_path(%L) $$, (select name from files where key = 'area1')),
  $$ select a.id, l.id, s.id, 1::smallint from fx a, public.indicators l, public.upload_slots s
     where a.key = 'a_own' and l.id = tests.leaf_id((select id from fx where key = 'cycle'), '1.1.1')
       and s.indicator_id = l.id and s.slot_key = tests.slot_key((select id from fx where key = 'cycle'), '1.1.1') $$,
  'a MOV path resolves to its assessment, leaf, slot and area');
select throws_like($$ select private.parse_mov_path('one/two/three') $$,
  '%must have four segments%', 'a path without four segments is refused by name');
select throws_like(format($$ select private.parse_mov_path(%L) $$, gen_random_uuid() || '/1.1.1/x/y.pdf'),
  'Assessment % does not exist', 'an unknown assessment is refused by name');
select throws_like(format($$ select private.parse_mov_path(%L) $$, replace(pg_temp.mov_path('a_own', '1.1.1'), '/1.1.1/', '/9.9.9/')),
  'Leaf 9.9.9 %is not a leaf of the assessment''s cycle', 'an unknown leaf is refused by name');
select throws_like(format($$ select private.parse_mov_path(%L) $$,
    (select id from fx where key = 'a_own') || '/1.1.1/no_such_slot/' || gen_random_uuid() || '-a.pdf'),
  'Leaf 1.1.1 has no upload slot no_such_slot%', 'an unknown slot is refused by name');
select throws_like(format($$ select private.parse_mov_path(%L) $$, pg_temp.mov_path('a_own', '1.1.1', 'run.exe')),
  'File name % must be {uuid}-{name}.pdf, .jpg, .jpeg or .png%', 'a file that is not PDF, JPEG or PNG is refused by name');
select throws_ok(format($$ select private.parse_mov_path(%L) $$,
    (select id from fx where key = 'a_own') || '/1.1.1/' || tests.slot_key((select id from fx where key = 'cycle'), '1.1.1') || '/budget.pdf'),
  'VA008', null, 'a file name without its uuid prefix is invalid input (VA008)');
select throws_ok(format($$ select private.parse_mov_path(%L) $$, pg_temp.mov_path('a_own', '1.1.1', '..pdf')),
  'VA008', null, 'a file name with .. is invalid input');

-- Upload ----------------------------------------------------------------------------------------------

select tests.act_as('s-blgu@t.local');
select lives_ok($$ select tests.storage_upload((select name from files where key = 'area1')) $$,
  'the barangay uploads to its own draft assessment');
select lives_ok($$ select tests.storage_upload((select name from files where key = 'resumable'), 'application/pdf', 40000000, 'resumable') $$,
  'the barangay uploads a large scan with a resumable (TUS) upload');
select lives_ok($$ select tests.storage_upload((select name from files where key = 'signed'), 'image/jpeg', 300000, 'signed') $$,
  'the barangay uploads through a signed upload URL');
select results_eq(
  $$ select owner::text, owner_id, metadata ->> 'mimetype', (metadata ->> 'size')::bigint, metadata ? 'eTag'
     from storage.objects where name = (select name from files where key = 'resumable') $$,
  $$ select id::text, id::text, 'application/pdf', 40000000::bigint, true from fx where key = 'blgu' $$,
  'the stored object carries owner, owner_id and Storage''s full metadata');
select matches(tests.refusal_of($$ insert into storage.objects (bucket_id, name, owner_id) values ('movs', pg_temp.mov_path('a_own', '1.1.1'), (select id::text from fx where key = 'validator')) $$),
  '^42501 VA009: A MOV must be uploaded in the name of the signed-in user\. ',
  'an insert in someone else''s name (which Storage never makes) is refused');
select matches(tests.refusal_of($$ select tests.storage_upload('one/two/three') $$),
  '^42501 VA008: MOV path one/two/three must have four segments: .*\. Upload to \{assessment_id\}/.*\.$',
  'a malformed path is refused with the reason and what to do');
select matches(tests.refusal_of($$ select tests.storage_upload(replace(pg_temp.mov_path('a_own', '1.1.1'), '/1.1.1/', '/9.9.9/')) $$),
  '^42501 VA008: Leaf 9\.9\.9 in MOV path .* is not a leaf of the assessment''s cycle\. ',
  'an unknown leaf is refused as invalid input');
select matches(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '1.1.1', 'macro.docm')) $$),
  '^42501 VA008: File name .*-macro\.docm in MOV path .* must be \{uuid\}-\{name\}\.pdf, \.jpg, \.jpeg or \.png',
  'a file name with a foreign extension is refused as invalid input');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('avatars', 'me.png', auth.uid()::text) $$,
  '42501', null, 'another bucket gets no access, and its paths do not raise');

-- The declared type and size: Storage checks the bytes (415, 413); the database checks what the upload declares.
select is(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '2.1.1', 'notes.pdf'), 'text/plain') $$),
  '42501 VA008: A file of type text/plain cannot be a MOV. Upload a PDF, JPEG or PNG file.',
  'a declared type the bucket does not take is refused in the permission test');
select is(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '2.1.1'), 'application/pdf', 62914560) $$),
  '42501 VA008: The file is 60.0 MB, more than the 50.0 MB a MOV may have. Scan it at a lower resolution, or split it into several files.',
  'a declared size (contentLength) above the bucket''s limit is refused');
select is(tests.refusal_of($$ select tests.storage_complete_upload(pg_temp.mov_path('a_own', '2.1.1'), auth.uid(), 'application/pdf', 52428801) $$),
  '42501 VA008: The file is 50.0 MB, more than the 50.0 MB a MOV may have. Scan it at a lower resolution, or split it into several files.',
  'a stored size above the limit is refused in the service-role insert too');
select lives_ok($$ select tests.storage_upload(pg_temp.mov_path('a_own', '2.1.1', 'max.png'), 'image/png', 52428800) $$,
  'a file of exactly the limit is taken');

select tests.act_as('s-blgu-other@t.local');
select is(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '1.1.1')) $$),
  '42501 VA009: This assessment belongs to another barangay. Upload MOVs to your own barangay''s assessment.',
  'a barangay cannot upload to another barangay''s assessment');
select is(pg_temp.visible((select name from files where key = 'area1')), 0,
  'a barangay cannot read another barangay''s MOVs');

select tests.act_as('s-validator@t.local');
select is(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '1.1.1')) $$),
  '42501 VA001: Validators upload MOVs only during validation or calibration (the assessment is draft). Wait until every area is approved and the assessment is awaiting validation.',
  'a validator cannot upload before validation, and is told to wait for it');
select is(pg_temp.visible((select name from files where key = 'area1')), 0,
  'a validator reads no MOV before validation');

select tests.act_as('s-mlgoo@t.local');
select is(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '1.1.1')) $$),
  '42501 VA009: Only the barangay or a validator may upload MOVs. Sign in with a barangay or validator account.',
  'the MLGOO does not upload MOVs');
select is(pg_temp.visible((select name from files where key = 'area1')), 1, 'the MLGOO reads every MOV');

select tests.act_as('s-assessor1@t.local');
select is(pg_temp.visible((select name from files where key = 'area1')), 0,
  'an assessor reads no MOV of an area not yet submitted');

select tests.act_as('s-katuparan@t.local');
select is(pg_temp.visible((select name from files where key = 'area1')), 0, 'katuparan reads no MOV');
select tests.act_as_anon();
select is(pg_temp.visible((select name from files where key = 'area1')), 0, 'anon reads no MOV');

-- Area 1 submitted: locked for the barangay, readable by its assessor ------------------------------------

select tests.act_as_postgres();
select private.declare_workflow_write();
update public.assessment_areas set status = 'submitted', first_submitted_at = now(), submitted_at = now()
where assessment_id = (select id from fx where key = 'a_own') and area_code = 1;

select tests.act_as('s-blgu@t.local');
select is(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '1.1.1')) $$),
  '42501 VA001: MOVs for 1.1.1 cannot be changed now: the assessment is draft, area 1 is submitted. Upload while the area is in draft or rework, or when the indicator is sent back for calibration.',
  'the barangay cannot upload to a submitted area, and is told why');
select lives_ok($$ select tests.storage_upload((select name from files where key = 'area2')) $$,
  'the barangay still uploads to an area in draft');
select is(pg_temp.visible((select name from files where key = 'area1')), 1, 'the barangay reads its own MOVs');
select is(tests.refusal_of($$ select tests.storage_upload((select name from files where key = 'area2'), p_upsert => true) $$),
  '42501 VA008: A file is already stored under this name: MOVs are never replaced. Upload under a new name ({uuid}-{file name}), then delete the old file if it should go.',
  'a MOV is never overwritten (upsert), and the uploader is told what to do instead');
select is(tests.refusal_of($$ select tests.storage_upload((select name from files where key = 'area2'), 'application/pdf', 1024, 'resumable', true) $$),
  '42501 VA008: A file is already stored under this name: MOVs are never replaced. Upload under a new name ({uuid}-{file name}), then delete the old file if it should go.',
  'nor through a resumable upload with x-upsert');
select is_empty($$ update storage.objects set metadata = '{}' where name = (select name from files where key = 'area2') returning 1 $$,
  'a MOV object is never changed by its uploader');

select tests.act_as('s-assessor1@t.local');
select is(pg_temp.visible((select name from files where key = 'area1')), 1, 'an assessor reads the MOVs of its submitted area');
select tests.act_as('s-assessor2@t.local');
select is(pg_temp.visible((select name from files where key = 'area1')), 0, 'an assessor reads no MOV of another area');

-- Delete (supabase.storage.from('movs').remove([path])) ------------------------------------------------------

select tests.act_as('s-mlgoo@t.local');
select is(tests.refusal_of($$ select tests.storage_remove((select name from files where key = 'area2')) $$),
  '42501 VA009: Only the barangay or a validator may delete MOVs. Sign in with a barangay or validator account.',
  'the MLGOO sees the MOV, and its deletion is refused, not silently ignored');
select tests.act_as('s-blgu@t.local');
select is(tests.refusal_of($$ select tests.storage_remove((select name from files where key = 'area1')) $$),
  '42501 VA001: MOVs for 1.1.1 cannot be changed now: the assessment is draft, area 1 is submitted. Upload while the area is in draft or rework, or when the indicator is sent back for calibration.',
  'the uploader cannot delete a MOV of a submitted area, and is told why');
select tests.act_as('s-blgu-other@t.local');
select is_empty($$ select tests.storage_remove((select name from files where key = 'area2')) $$,
  'a file the caller cannot read is not found: no row deleted and no error, as for a path that does not exist');
select is_empty($$ select tests.storage_remove(pg_temp.mov_path('a_own', '2.1.1')) $$,
  'a path that does not exist deletes nothing, without an error');
select tests.act_as('s-blgu@t.local');
select is(pg_temp.visible((select name from files where key = 'area2')), 1, 'and the file is still there');

select tests.act_as_postgres();
select private.declare_workflow_write();
update public.assessments set is_locked = true, locked_at = now(), lock_reason = 'Deadline passed'
where id = (select id from fx where key = 'a_own');
select tests.act_as('s-blgu@t.local');
select is(tests.refusal_of($$ select tests.storage_upload(pg_temp.mov_path('a_own', '2.1.1')) $$),
  '42501 VA005: The assessment is locked: MOVs cannot be uploaded. Ask the MLGOO to unlock the assessment.',
  'a locked assessment takes no upload');
select is(tests.refusal_of($$ select tests.storage_remove((select name from files where key = 'area2')) $$),
  '42501 VA005: The assessment is locked: MOVs cannot be deleted. Ask the MLGOO to unlock the assessment.',
  'a locked assessment keeps its MOVs');

select tests.act_as_postgres();
select private.declare_workflow_write();
update public.assessments set is_locked = false where id = (select id from fx where key = 'a_own');
select tests.act_as('s-blgu@t.local');
select results_eq($$ select tests.storage_remove((select name from files where key = 'area2')) $$,
  $$ select name from files where key = 'area2' $$,
  'the uploader deletes a MOV while the area is editable: Storage returns it in data');

-- A validator on the barangay's behalf, during validation only ---------------------------------------------

select tests.act_as_postgres();
select private.declare_workflow_write();
update public.assessments set status = 'awaiting_validation', validation_started_at = now()
where id = (select id from fx where key = 'a_own');
insert into files values ('by_validator', pg_temp.mov_path('a_own', '3.1.1'));

select tests.act_as('s-blgu@t.local');
select is(tests.refusal_of($$ select tests.storage_upload((select name from files where key = 'by_validator')) $$),
  '42501 VA001: MOVs for 3.1.1 cannot be changed now: the assessment is awaiting_validation, area 3 is draft. Upload while the area is in draft or rework, or when the indicator is sent back for calibration.',
  'the barangay cannot upload during validation outside a calibration');
select tests.act_as('s-validator@t.local');
select lives_ok($$ select tests.storage_upload((select name from files where key = 'by_validator')) $$,
  'a validator uploads on the barangay''s behalf during validation');
select is(pg_temp.visible((select name from files where key = 'area1')), 1, 'a validator reads the MOVs once validation started');
select is(tests.refusal_of($$ select tests.storage_remove((select name from files where key = 'area1')) $$),
  '42501 VA009: Only whoever uploaded a MOV may delete it. Ask the uploader to delete it, or upload the right file beside it.',
  'a validator cannot delete the barangay''s upload');
select isnt_empty($$ select tests.storage_remove((select name from files where key = 'by_validator')) $$,
  'the validator deletes its own upload during validation');

-- One rule: the insert policy and the upload trigger decided every permission test above alike
-- (tests.storage_permission_test compares them, refusing with VT001 where they differ).
select tests.act_as_postgres();
select is(nextval('tests.storage_rule_checks') - :rule_checks_before - 1, 19::bigint,
  'the storage policy and the upload trigger were compared on each of the 19 permission tests of this file, and agreed');

select * from finish();
rollback;
