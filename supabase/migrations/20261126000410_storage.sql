-- Storage: the private bucket `movs` for MOV files and the storage.objects policies that guard it.
-- An object's path names what it is evidence for:
--   {assessment_id}/{leaf_code}/{slot_key}/{uuid}-{file name}.{pdf|jpg|jpeg|png}
-- Upload: the barangay while it may edit the leaf, or a validator on its behalf during validation
-- or calibration. Read: whoever reads the assessment's MOV files. Delete: the uploader, while the
-- upload would still be allowed. Replacing an object (upsert) is never allowed.

-- Bucket --------------------------------------------------------------------------------------------

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('movs', 'movs', false, 52428800, array['application/pdf', 'image/jpeg', 'image/png'])
on conflict (id) do update
set public = excluded.public,
    file_size_limit = excluded.file_size_limit,
    allowed_mime_types = excluded.allowed_mime_types;

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

-- private.check_mov_upload (pipeline migration) gives the reasons for the same rule: change both together.
create function private.may_upload_mov(p_name text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((
    select case private.current_app_role()
      when 'blgu' then a.barangay_id = private.current_barangay_id()
                       and private.barangay_can_edit_leaf(p.assessment_id, p.leaf_id)
      when 'validator' then private.validator_can_upload(p.assessment_id)
      else false
    end
    from private.resolve_mov_path(p_name) p
    join public.assessments a on a.id = p.assessment_id
    where p.problem is null
  ), false);
$$;
comment on function private.may_upload_mov(text) is
  'True when the caller may upload to this MOV path now: the barangay while it may edit the leaf, a validator during validation or calibration.';

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

-- The storage policies call these: the caller's own rights, and a path parser that raises nothing.
grant execute on function private.resolve_mov_path(text), private.may_upload_mov(text), private.may_read_mov(text)
  to authenticated, service_role;

-- Policies on storage.objects for bucket movs ----------------------------------------------------------

create policy "Barangays and validators upload MOVs where they may edit" on storage.objects
  for insert to authenticated
  with check (
    bucket_id = 'movs'
    and owner_id = (select auth.uid())::text
    and private.may_upload_mov(name)
  );

create policy "Readers of an assessment's MOV files read its objects" on storage.objects
  for select to authenticated
  using (bucket_id = 'movs' and private.may_read_mov(name));

create policy "Uploaders delete their MOVs while they may still upload" on storage.objects
  for delete to authenticated
  using (
    bucket_id = 'movs'
    and owner_id = (select auth.uid())::text
    and private.may_upload_mov(name)
  );

-- Uploads check the password change in private.check_mov_upload (pipeline migration).
create trigger password_changed before delete on storage.objects
  for each row when (old.bucket_id = 'movs')
  execute function private.refuse_until_password_changed();
