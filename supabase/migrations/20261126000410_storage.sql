-- Storage: the private bucket `movs` for MOV files and the storage.objects policies that guard it.
-- An object's path names what it is evidence for:
--   {assessment_id}/{leaf_code}/{slot_key}/{uuid}-{file name}.{pdf|jpg|jpeg|png}
-- Upload: the barangay while it may edit the leaf, or a validator on its behalf during validation
-- or calibration. Read: whoever reads the assessment's MOV files. Delete: the uploader, while the
-- upload would still be allowed. Replacing an object (upsert) is never allowed.
-- Every refusal of an upload or a deletion is SQLSTATE 42501 with the message
-- '<VA code>: <what happened>. <what to do>': the Storage API shows a client the message of a 42501
-- error (HTTP 403) and nothing of any other (HTTP 500 "database error"), hint included.

-- Bucket --------------------------------------------------------------------------------------------

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('movs', 'movs', false, 52428800, array['application/pdf', 'image/jpeg', 'image/png'])
on conflict (id) do update
set public = excluded.public,
    file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;

-- With object versioning a deletion becomes an update (the row is archived, a delete marker added),
-- which would keep a deleted MOV live in public.mov_files: bucket movs keeps versioning disabled.
create function private.refuse_mov_versioning()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'VA008: Object versioning cannot be enabled for bucket movs. Keep it disabled: a deleted MOV must leave the assessment, and with versioning Storage would keep it as an archived version'
    using errcode = '42501';
end;
$$;
comment on function private.refuse_mov_versioning() is
  'Refuses object versioning on bucket movs, whose deletions must be deletions (private.record_mov_deletion).';
create trigger movs_without_versioning before insert or update of versioning_status on storage.buckets
  for each row when (new.id = 'movs' and new.versioning_status is distinct from 'DISABLED')
  execute function private.refuse_mov_versioning();

-- Paths ---------------------------------------------------------------------------------------------

create function private.resolve_mov_path(
  p_name text,
  out assessment_id uuid,
  out leaf_id uuid,
  out slot_id uuid,
  out area_code smallint,
  out problem text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_parts constant text[] := string_to_array(p_name, '/');
  v_uuid constant text := '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  v_cycle_id uuid;
  v_assessment_id uuid;
  v_leaf_id uuid;
  v_area_code smallint;
  v_slot_id uuid;
begin
  if p_name is null or coalesce(cardinality(v_parts), 0) <> 4 then
    problem := format('MOV path %s must have four segments: {assessment_id}/{leaf_code}/{slot_key}/{uuid}-{file name}', coalesce(p_name, '(null)'));
    return;
  end if;
  if v_parts[1] !~ ('^' || v_uuid || '$') then
    problem := format('The first segment of MOV path %s is not an assessment id', p_name);
    return;
  end if;
  select a.id, a.cycle_id into v_assessment_id, v_cycle_id
  from public.assessments a where a.id = v_parts[1]::uuid;
  if v_assessment_id is null then
    problem := format('Assessment %s in MOV path %s does not exist', v_parts[1], p_name);
    return;
  end if;
  select i.id, i.area_code into v_leaf_id, v_area_code
  from public.indicators i
  where i.cycle_id = v_cycle_id and i.code = v_parts[2] and i.parent_id is not null;
  if v_leaf_id is null then
    problem := format('Leaf %s in MOV path %s is not a leaf of the assessment''s cycle', v_parts[2], p_name);
    return;
  end if;
  select s.id into v_slot_id
  from public.upload_slots s where s.indicator_id = v_leaf_id and s.slot_key = v_parts[3];
  if v_slot_id is null then
    problem := format('Leaf %s has no upload slot %s (MOV path %s)', v_parts[2], v_parts[3], p_name);
    return;
  end if;
  if v_parts[4] !~ ('^' || v_uuid || '-[A-Za-z0-9_][A-Za-z0-9._-]{0,150}\.[A-Za-z]+$')
     or position('..' in v_parts[4]) > 0
     or lower(substring(v_parts[4] from '\.([A-Za-z]+)$')) not in ('pdf', 'jpg', 'jpeg', 'png') then
    problem := format('File name %s in MOV path %s must be {uuid}-{name}.pdf, .jpg, .jpeg or .png, the name made of letters, digits, dots, dashes and underscores', v_parts[4], p_name);
    return;
  end if;
  assessment_id := v_assessment_id;
  leaf_id := v_leaf_id;
  slot_id := v_slot_id;
  area_code := v_area_code;
end;
$$;
comment on function private.resolve_mov_path(text) is
  'Resolves a MOV object path to its assessment, leaf, slot and area without raising: problem says what is wrong, the ids are then null. For policies, which must not raise.';
grant execute on function private.resolve_mov_path(text) to authenticated, service_role;

create function private.parse_mov_path(p_name text)
returns table (assessment_id uuid, leaf_id uuid, slot_id uuid, area_code smallint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_path record;
begin
  select * into v_path from private.resolve_mov_path(p_name);
  if v_path.problem is not null then
    raise exception '%', v_path.problem
      using errcode = 'VA008',
            hint = 'Upload to {assessment_id}/{leaf_code}/{slot_key}/{uuid}-{file name}.pdf|jpg|jpeg|png with a leaf and slot of the assessment''s catalog.';
  end if;
  return query select v_path.assessment_id, v_path.leaf_id, v_path.slot_id, v_path.area_code;
end;
$$;
comment on function private.parse_mov_path(text) is
  'Resolves a MOV object path to its assessment, leaf, slot and area; raises VA008 naming what is wrong.';

-- Who may do what with a MOV object -----------------------------------------------------------------

-- Security invoker on purpose: which assessments the caller reads is decided by the policies on
-- public.assessments, as for public.mov_files.
create function private.may_read_mov(p_name text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1
    from private.resolve_mov_path(p_name) p
    join public.assessments a on a.id = p.assessment_id
    where p.problem is null
      and ((select private.current_app_role()) in ('mlgoo', 'validator', 'blgu')
           or p.area_code = (select private.current_area_code()))
  );
$$;
comment on function private.may_read_mov(text) is
  'True when the caller reads the MOV files of this path''s assessment (and area, for assessors), as public.mov_files allows.';
grant execute on function private.may_read_mov(text) to authenticated, service_role;

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

-- The one rule for MOV objects: why the caller (for an upload, its owner) may not upload p_object
-- (p_deleting false) or delete it (true) now; null when they may. The insert policy allows what it
-- does not refuse; the upload and deletion triggers raise its refusal (private.refuse_mov_change).
create function private.mov_refusal(
  p_object storage.objects,
  p_deleting boolean,
  out code text,
  out what text,
  out todo text
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_verb constant text := case when p_deleting then 'deleted' else 'uploaded' end;
  v_path record;
  v_profile public.profiles;
  v_assessment public.assessments;
  v_bucket storage.buckets;
  v_type text;
  v_size bigint;
begin
  if p_deleting and (select auth.uid()) is null then
    return;  -- the Storage API's own deletions (service_role, no user) are not a user's to refuse
  end if;
  select * into v_path from private.resolve_mov_path(p_object.name);
  if p_deleting then
    select * into v_profile from public.profiles where id = (select auth.uid()) and is_active;
  else
    v_profile := private.mov_uploader(p_object);
  end if;
  select * into v_assessment from public.assessments where id = v_path.assessment_id;
  if not p_deleting and (select auth.uid()) is not null and p_object.owner_id is distinct from (select auth.uid())::text then
    code := 'VA009'; what := 'A MOV must be uploaded in the name of the signed-in user';
    todo := 'Upload with your own session; the owner is set by Storage';
  elsif v_path.problem is not null then
    code := 'VA008'; what := v_path.problem;
    todo := 'Upload to {assessment_id}/{leaf_code}/{slot_key}/{uuid}-{file name}.pdf|jpg|jpeg|png with a leaf and slot of the assessment''s catalog';
  elsif v_profile.must_change_password then
    code := 'VA009'; what := 'Change your password first';
    todo := 'You are still using the password you were given. Set your own password, then try again';
  elsif v_profile.role is null or v_profile.role not in ('blgu', 'validator') then
    code := 'VA009'; what := format('Only the barangay or a validator may %s MOVs', case when p_deleting then 'delete' else 'upload' end);
    todo := 'Sign in with a barangay or validator account';
  elsif p_deleting and p_object.owner_id is distinct from v_profile.id::text then
    code := 'VA009'; what := 'Only whoever uploaded a MOV may delete it';
    todo := 'Ask the uploader to delete it, or upload the right file beside it';
  elsif v_profile.role = 'blgu' and v_profile.barangay_id is distinct from v_assessment.barangay_id then
    code := 'VA009'; what := 'This assessment belongs to another barangay';
    todo := 'Upload MOVs to your own barangay''s assessment';
  elsif v_profile.role = 'validator' and v_profile.city_municipality_code is distinct from
        (select b.city_municipality_code from public.barangays b where b.id = v_assessment.barangay_id) then
    code := 'VA009'; what := 'This assessment belongs to another city or municipality';
    todo := 'Upload MOVs to the assessments of the city or municipality you serve';
  elsif v_assessment.is_locked then
    code := 'VA005'; what := format('The assessment is locked: MOVs cannot be %s', v_verb);
    todo := 'Ask the MLGOO to unlock the assessment';
  elsif v_profile.role = 'blgu' and not private.barangay_can_edit_leaf(v_path.assessment_id, v_path.leaf_id) then
    code := 'VA001';
    what := format('MOVs for %s cannot be changed now: the assessment is %s, area %s is %s', split_part(p_object.name, '/', 2),
      v_assessment.status, v_path.area_code,
      (select status from public.assessment_areas where assessment_id = v_path.assessment_id and area_code = v_path.area_code));
    todo := 'Upload while the area is in draft or rework, or when the indicator is sent back for calibration';
  elsif v_profile.role = 'validator' and not private.validator_can_upload(v_path.assessment_id) then
    code := 'VA001';
    what := format('Validators upload MOVs only during validation or calibration (the assessment is %s)', v_assessment.status);
    todo := case when v_assessment.status in ('draft', 'submitted', 'reopened')
              then 'Wait until every area is approved and the assessment is awaiting validation'
              else 'Validation is over for this assessment; the MLGOO can reopen it if a MOV must change' end;
  elsif not p_deleting then
    -- What the upload declares (Storage checks the bytes; this is the second guard).
    select * into v_bucket from storage.buckets where id = p_object.bucket_id;
    v_type := nullif(p_object.metadata ->> 'mimetype', '');
    v_size := coalesce(p_object.metadata ->> 'size', p_object.metadata ->> 'contentLength')::bigint;
    if exists (select 1 from storage.objects o where o.bucket_id = p_object.bucket_id and o.name = p_object.name) then
      code := 'VA008'; what := 'A file is already stored under this name: MOVs are never replaced';
      todo := 'Upload under a new name ({uuid}-{file name}), then delete the old file if it should go';
    elsif v_type is not null and v_bucket.allowed_mime_types is not null
          and not exists (select 1 from unnest(v_bucket.allowed_mime_types) t where v_type like replace(t, '*', '%')) then
      code := 'VA008'; what := format('A file of type %s cannot be a MOV', v_type);
      todo := 'Upload a PDF, JPEG or PNG file';
    elsif v_size > v_bucket.file_size_limit then
      code := 'VA008';
      what := format('The file is %s MB, more than the %s MB a MOV may have', round(v_size / 1048576.0, 1), round(v_bucket.file_size_limit / 1048576.0, 1));
      todo := 'Scan it at a lower resolution, or split it into several files';
    end if;
  end if;
end;
$$;
comment on function private.mov_refusal(storage.objects, boolean) is
  'The one rule for MOV objects: why the caller (for an upload, the object''s owner) may not upload it (owner, path, password, role, barangay, a validator''s city or municipality, lock, state, an existing file, the declared type or size) or delete it (the same, and only the uploader); null when they may. The insert policy on storage.objects allows what it does not refuse; the upload and deletion triggers raise its refusal.';
grant execute on function private.mov_refusal(storage.objects, boolean) to authenticated, service_role;

-- Policies on storage.objects for bucket movs ----------------------------------------------------------

create policy "Barangays and validators upload MOVs where they may edit" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'movs' and (private.mov_refusal(objects, false)).code is null);
comment on policy "Barangays and validators upload MOVs where they may edit" on storage.objects is
  'A signed-in user uploads to bucket movs what private.mov_refusal does not refuse: in their own name, to a valid path, the barangay while it may edit the leaf, a validator during validation or calibration, never over an existing file, of an allowed type and size.';

create policy "Readers of an assessment's MOV files read its objects" on storage.objects
  for select to authenticated
  using (bucket_id = 'movs' and private.may_read_mov(name));
comment on policy "Readers of an assessment's MOV files read its objects" on storage.objects is
  'Whoever reads an assessment''s MOV files (public.mov_files) reads their objects in bucket movs.';

create policy "Readers of a MOV reach its deletion" on storage.objects
  for delete to authenticated
  using (bucket_id = 'movs' and private.may_read_mov(name));
comment on policy "Readers of a MOV reach its deletion" on storage.objects is
  'Whoever reads a MOV reaches its deletion, which private.check_mov_deletion refuses with the reason unless they uploaded it and may still upload there: a refusal is then an error, never an empty success. A file the caller cannot read is not found, as with any other query.';

-- Refusals ------------------------------------------------------------------------------------------

create function private.refuse_mov_change(p_object storage.objects, p_deleting boolean)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  v_refusal record;
begin
  select * into v_refusal from private.mov_refusal(p_object, p_deleting);
  if v_refusal.code is not null then
    raise exception '%: %. %.', v_refusal.code, v_refusal.what, v_refusal.todo
      using errcode = '42501', hint = v_refusal.todo || '.';
  end if;
end;
$$;
comment on function private.refuse_mov_change(storage.objects, boolean) is
  'Refuses a MOV upload or deletion (private.mov_refusal) as the Storage API can show it: SQLSTATE 42501 (HTTP 403), message ''<VA code>: <what happened>. <what to do>.'' (Storage drops the hint).';

create function private.check_mov_deletion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refuse_mov_change(old, true);
  return old;
end;
$$;
comment on function private.check_mov_deletion() is
  'Before a signed-in user''s deletion of a MOV they can read: refuses it (42501, with the reason) unless they uploaded it and may still upload there.';

create trigger check_mov_deletion before delete on storage.objects
  for each row when (old.bucket_id = 'movs')
  execute function private.check_mov_deletion();

create function private.check_mov_upload()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.refuse_mov_change(new, false);
  return new;
end;
$$;
comment on function private.check_mov_upload() is
  'Before a MOV lands in bucket movs, in both of the Storage API''s inserts (the permission test as the user, the upload as service_role): refuses a bad path, uploader, state, existing file, type or size with the reason, as private.refuse_mov_change (it runs before the storage policies, whose refusal would say only "row-level security").';

create trigger check_mov_upload before insert on storage.objects
  for each row when (new.bucket_id = 'movs')
  execute function private.check_mov_upload();
