-- Storage: bucket movs, MOV paths, and who may upload, read, replace and delete MOV objects.

begin;
select plan(39);

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
grant select on fx to authenticated, anon;

-- A well-formed path for an assessment and leaf (first slot of the leaf).
create function pg_temp.mov_path(p_assessment text, p_leaf text, p_file text default 'Budget_2024.pdf')
returns text
language sql
as $$
  select format('%s/%s/%s/%s-%s', (select id from fx where key = p_assessment), p_leaf,
    tests.slot_key((select id from fx where key = 'cycle'), p_leaf), gen_random_uuid(), p_file);
$$;

-- What the Storage API inserts for an upload, as the caller.
create function pg_temp.upload(p_path text, p_owner text default null)
returns void
language sql
as $$
  insert into storage.objects (bucket_id, name, owner_id, metadata)
  values ('movs', p_path, coalesce(p_owner, auth.uid()::text), '{"size": 1024, "mimetype": "application/pdf"}');
$$;

create function pg_temp.visible(p_name text)
returns integer
language sql
as $$
  select count(*)::integer from storage.objects where bucket_id = 'movs' and name = p_name;
$$;
grant execute on all functions in schema pg_temp to authenticated, anon;

create temporary table files (key text primary key, name text);
grant select on files to authenticated, anon;
insert into files values
  ('area1', pg_temp.mov_path('a_own', '1.1.1')),
  ('area2', pg_temp.mov_path('a_own', '2.1.1'));

-- The bucket ----------------------------------------------------------------------------------------

select results_eq(
  $$ select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'movs' $$,
  $$ values (false, 52428800::bigint, array['application/pdf', 'image/jpeg', 'image/png']) $$,
  'bucket movs is private, 50 MB per file, PDF, JPEG and PNG only');

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
select lives_ok($$ select pg_temp.upload((select name from files where key = 'area1')) $$,
  'the barangay uploads to its own draft assessment');
select throws_ok($$ select pg_temp.upload(pg_temp.mov_path('a_own', '1.1.1'), (select id::text from fx where key = 'validator')) $$,
  '42501', null, 'an upload must be owned by the uploader');
select throws_like($$ select pg_temp.upload('one/two/three') $$, '%must have four segments%',
  'a malformed path is refused with the reason');
select throws_ok($$ select pg_temp.upload(replace(pg_temp.mov_path('a_own', '1.1.1'), '/1.1.1/', '/9.9.9/')) $$, 'VA008', null,
  'an unknown leaf is refused as invalid input');
select throws_ok($$ select pg_temp.upload(pg_temp.mov_path('a_own', '1.1.1', 'macro.docm')) $$, 'VA008', null,
  'a file name with a foreign extension is refused as invalid input');
select throws_ok($$ insert into storage.objects (bucket_id, name, owner_id) values ('avatars', 'me.png', auth.uid()::text) $$,
  '42501', null, 'another bucket gets no access, and its paths do not raise');

select tests.act_as('s-blgu-other@t.local');
select throws_ok($$ select pg_temp.upload(pg_temp.mov_path('a_own', '1.1.1')) $$, '42501', null,
  'a barangay cannot upload to another barangay''s assessment');
select is(pg_temp.visible((select name from files where key = 'area1')), 0,
  'a barangay cannot read another barangay''s MOVs');

select tests.act_as('s-validator@t.local');
select throws_ok($$ select pg_temp.upload(pg_temp.mov_path('a_own', '1.1.1')) $$, 'VA001', null,
  'a validator cannot upload before validation');
select is(pg_temp.visible((select name from files where key = 'area1')), 0,
  'a validator reads no MOV before validation');

select tests.act_as('s-mlgoo@t.local');
select throws_ok($$ select pg_temp.upload(pg_temp.mov_path('a_own', '1.1.1')) $$, '42501', null,
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
update public.assessment_areas set status = 'submitted', first_submitted_at = now(), submitted_at = now()
where assessment_id = (select id from fx where key = 'a_own') and area_code = 1;

select tests.act_as('s-blgu@t.local');
select throws_like($$ select pg_temp.upload(pg_temp.mov_path('a_own', '1.1.1')) $$,
  'MOVs for 1.1.1 cannot be changed now: the assessment is draft, area 1 is submitted',
  'the barangay cannot upload to a submitted area, and is told why');
select lives_ok($$ select pg_temp.upload((select name from files where key = 'area2')) $$,
  'the barangay still uploads to an area in draft');
select is(pg_temp.visible((select name from files where key = 'area1')), 1, 'the barangay reads its own MOVs');
select is_empty($$ update storage.objects set metadata = '{}' where name = (select name from files where key = 'area2') returning 1 $$,
  'a MOV object is never replaced or changed (no upsert)');

select tests.act_as('s-assessor1@t.local');
select is(pg_temp.visible((select name from files where key = 'area1')), 1, 'an assessor reads the MOVs of its submitted area');
select tests.act_as('s-assessor2@t.local');
select is(pg_temp.visible((select name from files where key = 'area1')), 0, 'an assessor reads no MOV of another area');

-- Delete --------------------------------------------------------------------------------------------------

select tests.act_as_postgres();
select set_config('storage.allow_delete_query', 'true', true);
select tests.act_as('s-mlgoo@t.local');
select is_empty($$ delete from storage.objects where name = (select name from files where key = 'area2') returning 1 $$,
  'only the uploader deletes a MOV');
select tests.act_as('s-blgu@t.local');
select is_empty($$ delete from storage.objects where name = (select name from files where key = 'area1') returning 1 $$,
  'the uploader cannot delete a MOV of a submitted area');

select tests.act_as_postgres();
update public.assessments set is_locked = true, locked_at = now(), lock_reason = 'Deadline passed'
where id = (select id from fx where key = 'a_own');
select tests.act_as('s-blgu@t.local');
select throws_ok($$ select pg_temp.upload(pg_temp.mov_path('a_own', '2.1.1')) $$, 'VA005', null,
  'a locked assessment takes no upload');
select is_empty($$ delete from storage.objects where name = (select name from files where key = 'area2') returning 1 $$,
  'a locked assessment keeps its MOVs');

select tests.act_as_postgres();
update public.assessments set is_locked = false where id = (select id from fx where key = 'a_own');
select tests.act_as('s-blgu@t.local');
select isnt_empty($$ delete from storage.objects where name = (select name from files where key = 'area2') returning 1 $$,
  'the uploader deletes a MOV while the area is editable');

-- A validator on the barangay's behalf, during validation only ---------------------------------------------

select tests.act_as_postgres();
update public.assessments set status = 'awaiting_validation', validation_started_at = now()
where id = (select id from fx where key = 'a_own');
insert into files values ('by_validator', pg_temp.mov_path('a_own', '3.1.1'));

select tests.act_as('s-blgu@t.local');
select throws_ok($$ select pg_temp.upload((select name from files where key = 'by_validator')) $$, 'VA001', null,
  'the barangay cannot upload during validation outside a calibration');
select tests.act_as('s-validator@t.local');
select lives_ok($$ select pg_temp.upload((select name from files where key = 'by_validator')) $$,
  'a validator uploads on the barangay''s behalf during validation');
select is(pg_temp.visible((select name from files where key = 'area1')), 1, 'a validator reads the MOVs once validation started');
select isnt_empty($$ delete from storage.objects where name = (select name from files where key = 'by_validator') returning 1 $$,
  'the validator deletes its own upload during validation');

select * from finish();
rollback;
