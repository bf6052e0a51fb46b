-- Pipeline uploads: every MOV that lands in bucket movs (checked by private.check_mov_upload, in the
-- storage migration) becomes a mov_files row and, in the same transaction, the classification jobs
-- files feed: the readiness projection and the barangay's own readiness; metadata that arrives later
-- and deletions keep mov_files in step and queue both again.

-- Storage → mov_files ------------------------------------------------------------------------------

create function private.enqueue_file_change(p_assessment_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.enqueue_classification(p_assessment_id, 'projection');
  perform private.enqueue_classification(p_assessment_id, 'readiness');
end;
$$;
comment on function private.enqueue_file_change(uuid) is
  'After a MOV is added, changed or deleted: queues what files feed, the readiness projection (for reviewers) and the barangay''s own readiness.';

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
  perform private.enqueue_file_change(v_path.assessment_id);
  return null;
end;
$$;
comment on function private.record_mov_upload() is
  'After a MOV lands in bucket movs (checked by private.check_mov_upload): records the mov_files row and queues a projection and the barangay''s readiness, in the upload''s transaction.';

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
    perform private.enqueue_file_change(v_assessment_id);
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
    perform private.enqueue_file_change(v_assessment_id);
  end if;
  return null;
end;
$$;
comment on function private.record_mov_deletion() is
  'When a MOV''s storage object is deleted: soft-deletes its mov_files row (the row stays) and queues a projection and the barangay''s readiness.';

create trigger record_mov_upload after insert on storage.objects
  for each row when (new.bucket_id = 'movs')
  execute function private.record_mov_upload();
create trigger record_mov_change after update of name, bucket_id, metadata on storage.objects
  for each row when (old.bucket_id = 'movs')
  execute function private.record_mov_change();
create trigger record_mov_deletion after delete on storage.objects
  for each row when (old.bucket_id = 'movs')
  execute function private.record_mov_deletion();
