-- Scoping by city or municipality: an MLGOO, assessor or validator serves one city or
-- municipality (profiles.city_municipality_code) and reads and acts only on the barangays of it
-- (sglgb.md section 2). Which assessments the caller reads is decided once, by
-- private.readable_assessment_ids, for the assessments and every table hanging off them; the
-- workflow guards and MOV uploads refuse an assessment of another city or municipality,
-- notifications reach only the people of the assessment's, and the MLGOO administers the people
-- and barangays of its own.

-- Profiles: the staff's city or municipality ------------------------------------------------------

alter table public.profiles
  add column city_municipality_code text references public.cities_municipalities (psgc_code) on delete restrict;
comment on column public.profiles.city_municipality_code is
  'For the MLGOO, assessors and validators: the city or municipality they serve (PSGC code).';
-- Staff registered while there was one city or municipality serve it.
update public.profiles set city_municipality_code = (select min(psgc_code) from public.cities_municipalities)
where role in ('mlgoo', 'assessor', 'validator') and (select count(*) from public.cities_municipalities) = 1;
alter table public.profiles add constraint staff_have_a_city_municipality
  check ((role in ('mlgoo', 'assessor', 'validator')) = (city_municipality_code is not null));
create index profiles_city_municipality on public.profiles (city_municipality_code, role)
  where city_municipality_code is not null;

alter table public.profiles add column oversight_scope_code text
  constraint oversight_scope_is_a_psgc_code check (oversight_scope_code ~ '^[0-9]{9,10}$');
comment on column public.profiles.oversight_scope_code is
  'For oversight users: the PSGC code of the region, province or city/municipality whose official results they read; null for the central office (the whole country).';
alter table public.profiles add constraint only_oversight_has_an_oversight_scope
  check (oversight_scope_code is null or role = 'oversight');

drop trigger guard_workflow_columns on public.profiles;
create trigger guard_workflow_columns before update on public.profiles
  for each row
  when ((old.role, old.barangay_id, old.area_code, old.city_municipality_code, old.oversight_scope_code, old.is_active)
        is distinct from (new.role, new.barangay_id, new.area_code, new.city_municipality_code, new.oversight_scope_code, new.is_active))
  execute function private.guard_workflow_columns('admin_set_user_role or admin_set_user_active');

-- Who is asking: the caller's city or municipality ------------------------------------------------

create function private.current_city_municipality_code()
returns text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return (select city_municipality_code from public.profiles
          where id = (select auth.uid()) and is_active and role in ('mlgoo', 'assessor', 'validator'));
end;
$$;
comment on function private.current_city_municipality_code() is
  'The city or municipality of an active MLGOO, assessor or validator caller, else null.';

create function private.scope_barangay_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 50
as $$
declare
  v_caller public.profiles;
begin
  select * into v_caller from public.profiles where id = (select auth.uid()) and is_active;
  if v_caller.role in ('mlgoo', 'assessor', 'validator') then
    return query
    select b.id from public.barangays b where b.city_municipality_code = v_caller.city_municipality_code;
  elsif v_caller.role = 'oversight' then
    return query
    select b.id
    from public.barangays b
    join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
    join public.provinces p on p.psgc_code = m.province_code
    where v_caller.oversight_scope_code is null
       or v_caller.oversight_scope_code in (m.psgc_code, p.psgc_code, p.region_code);
  end if;
end;
$$;
comment on function private.scope_barangay_ids() is
  'The barangays in the caller''s scope: of the city or municipality an active MLGOO, assessor or validator serves, or within the region, province or city/municipality of an oversight user (the whole country for the central office); none for anyone else.';

grant execute on function private.current_city_municipality_code(), private.scope_barangay_ids()
  to authenticated, service_role;

-- Which assessments the caller reads: one rule, asked once per query by the assessments policy and by
-- the policy of every table hanging off an assessment (a hashed list of the few ids in the caller's
-- scope, instead of a scan of every assessment of the country).
create function private.readable_assessment_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 50
as $$
declare
  v_caller public.profiles;
begin
  -- PL/pgSQL keeps the plans for the session (an SQL function would plan them on every query), and
  -- the caller's profile is read once (the role helpers would read it once each).
  select * into v_caller from public.profiles where id = (select auth.uid()) and is_active;
  if v_caller.role = 'blgu' then
    return query select a.id from public.assessments a where a.barangay_id = v_caller.barangay_id;
  elsif v_caller.role in ('mlgoo', 'assessor', 'validator') then
    return query
    select a.id
    from public.barangays b
    join public.assessments a on a.barangay_id = b.id
    where b.city_municipality_code = v_caller.city_municipality_code
      and (v_caller.role = 'mlgoo'
           or (v_caller.role = 'validator' and a.validation_started_at is not null)
           or (v_caller.role = 'assessor' and a.submitted_area_codes @> array[v_caller.area_code]));
  elsif v_caller.role = 'oversight' then
    return query
    select a.id from public.assessments a
    where a.status = 'completed' and a.barangay_id in (select private.scope_barangay_ids());
  end if;
end;
$$;
comment on function private.readable_assessment_ids() is
  'The assessments the caller reads: a barangay user its own barangay''s; of the barangays of the city or municipality they serve, the MLGOO every one, a validator those that reached validation, an assessor those whose area it reviews was submitted at least once; an oversight user the completed ones within its scope.';
grant execute on function private.readable_assessment_ids() to authenticated, service_role;

-- Barangays and profiles -----------------------------------------------------------------------------

drop policy "Staff read every barangay, barangay users their own" on public.barangays;
create policy "Staff read the barangays in their scope" on public.barangays
  for select to authenticated
  using (id in (select private.scope_barangay_ids()) or id = (select private.current_barangay_id()));
comment on policy "Staff read the barangays in their scope" on public.barangays is
  'An active MLGOO, assessor or validator reads the barangays of the city or municipality they serve, an oversight user those within its scope; a barangay user reads its own.';
drop policy "The MLGOO registers barangays" on public.barangays;
create policy "The MLGOO registers barangays" on public.barangays
  for insert to authenticated
  with check ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()));
comment on policy "The MLGOO registers barangays" on public.barangays is
  'An active MLGOO registers barangays of its own city or municipality.';
drop policy "The MLGOO edits barangays" on public.barangays;
create policy "The MLGOO edits barangays" on public.barangays
  for update to authenticated
  using ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()))
  with check ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()));
comment on policy "The MLGOO edits barangays" on public.barangays is
  'An active MLGOO edits the barangays of its own city or municipality, and cannot move one out of it.';

drop policy "Users read their own profile, the MLGOO every profile" on public.profiles;
create policy "Users read their own profile, the MLGOO its people" on public.profiles
  for select to authenticated
  using (
    id = (select private.current_user_id())
    or ((select private.is_mlgoo())
        and (role is null
             or city_municipality_code = (select private.current_city_municipality_code())
             or barangay_id in (select private.scope_barangay_ids())))
  );
comment on policy "Users read their own profile, the MLGOO its people" on public.profiles is
  'An active user with a role reads their own profile; an active MLGOO reads the profiles of the people of its city or municipality (staff serving it, users of its barangays) and of accounts still without a role.';

-- Assessments and what hangs off them ---------------------------------------------------------------

drop policy "The MLGOO, the barangay and its reviewers read an assessment" on public.assessments;
create policy "The barangay and its municipal reviewers read an assessment" on public.assessments
  for select to authenticated
  using (id in (select private.readable_assessment_ids()));
comment on policy "The barangay and its municipal reviewers read an assessment" on public.assessments is
  'A barangay user reads its own barangay''s assessments; of the barangays of the city or municipality they serve, the MLGOO reads every assessment, a validator those that reached validation, an assessor those whose area it reviews was submitted at least once.';

drop policy "Readers of an assessment read its area states" on public.assessment_areas;
create policy "Readers of an assessment read its area states" on public.assessment_areas
  for select to authenticated using (assessment_areas.assessment_id in (select private.readable_assessment_ids()));
comment on policy "Readers of an assessment read its area states" on public.assessment_areas is
  'Whoever reads an assessment reads the review state of its six areas.';

drop policy "Readers of an assessment read its answers" on public.responses;
create policy "Readers of an assessment read its answers" on public.responses
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator', 'blgu')
     or area_code = (select private.current_area_code()))
    and responses.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Readers of an assessment read its answers" on public.responses is
  'The MLGOO, validators and the barangay read the answers of every assessment they read; an assessor reads those of the area they review.';

drop policy "Reviewers read the reviews, barangays once completed" on public.reviews;
create policy "Reviewers read the reviews, barangays once completed" on public.reviews
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu'
         and exists (select 1 from public.assessments a where a.id = reviews.assessment_id and a.status = 'completed')))
    and reviews.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read the reviews, barangays once completed" on public.reviews is
  'The MLGOO and validators read the reviews of every assessment they read; an assessor reads those of the area they review; a barangay user reads its own once the assessment is completed.';

drop policy "The MLGOO and validators read indicator overrides" on public.indicator_overrides;
create policy "The MLGOO and validators read indicator overrides" on public.indicator_overrides
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or ((select private.current_app_role()) = 'blgu'
         and exists (select 1 from public.assessments a where a.id = indicator_overrides.assessment_id and a.status = 'completed')))
    and indicator_overrides.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "The MLGOO and validators read indicator overrides" on public.indicator_overrides is
  'The MLGOO and validators read the indicator overrides of every assessment they read; a barangay user reads its own once the assessment is completed.';

drop policy "Reviewers read leaf history, barangays their answers" on public.leaf_history;
create policy "Reviewers read leaf history, barangays their answers" on public.leaf_history
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu'
         and (source = 'answers' or exists (select 1 from public.assessments a where a.id = leaf_history.assessment_id and a.status = 'completed'))))
    and leaf_history.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read leaf history, barangays their answers" on public.leaf_history is
  'The MLGOO and validators read the leaf history of every assessment they read; an assessor reads that of the area they review; a barangay user reads the history of its answers, and all of it once the assessment is completed.';

drop policy "Reviewers read the comments, barangays the public ones" on public.comments;
create policy "Reviewers read the comments, barangays the public ones" on public.comments
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu' and visibility = 'public'))
    and comments.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read the comments, barangays the public ones" on public.comments is
  'The MLGOO and validators read the comments of every assessment they read; an assessor reads those of the area they review; a barangay user reads the public ones (never internal notes).';

drop policy "Readers of an assessment read its files" on public.mov_files;
create policy "Readers of an assessment read its files" on public.mov_files
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator', 'blgu')
     or area_code = (select private.current_area_code()))
    and mov_files.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Readers of an assessment read its files" on public.mov_files is
  'The MLGOO, validators and the barangay read the MOV files of every assessment they read; an assessor reads those of the area they review.';

drop policy "The MLGOO and validators read submission snapshots" on public.submission_snapshots;
create policy "The MLGOO and validators read submission snapshots" on public.submission_snapshots
  for select to authenticated
  using ((select private.current_app_role()) in ('mlgoo', 'validator')
         and submission_snapshots.assessment_id in (select private.readable_assessment_ids()));
comment on policy "The MLGOO and validators read submission snapshots" on public.submission_snapshots is
  'The MLGOO and validators read the frozen first submission of every assessment they read.';

drop policy "The MLGOO and validators read classification results" on public.classification_results;
create policy "The MLGOO and validators read classification results" on public.classification_results
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator') and kind <> 'readiness'
     or ((select private.current_app_role()) in ('blgu', 'oversight') and kind = 'official'
         and exists (select 1 from public.assessments a where a.id = classification_results.assessment_id and a.status = 'completed')))
    and classification_results.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "The MLGOO and validators read classification results" on public.classification_results is
  'The MLGOO and validators read the projections and official results of every assessment they read (never a readiness result, classified from the barangay''s own answers: it is no recommendation); a barangay user (its own) and an oversight user (within its scope) read the official result once the assessment is completed (never a projection, which carries the reviewers'' recommendations). Readiness is read through barangay_readiness.';

drop policy "Readers of an assessment read its events, the MLGOO all" on public.events;
create policy "Readers of an assessment read its events" on public.events
  for select to authenticated
  using (
    ((select private.is_mlgoo()) and assessment_id is null
     and (not details ? 'user_id' or (details ->> 'user_id')::uuid in (select id from public.profiles)))
    or (events.assessment_id in (select private.readable_assessment_ids())
        and ((select private.current_app_role()) in ('mlgoo', 'validator')
             or area_code = (select private.current_area_code())
             or ((select private.current_app_role()) = 'blgu'
                 and (visible_to_barangay or exists (select 1 from public.assessments a where a.id = events.assessment_id and a.status = 'completed')
                      or (action in ('mov_flagged', 'mov_unflagged') and private.barangay_sees_flag(assessment_id, area_code, id))))))
  );
comment on policy "Readers of an assessment read its events" on public.events is
  'The MLGOO reads the events of no assessment: those of cycles, and the administration of the users whose profile it reads (its people); of the assessments they read, the MLGOO and validators read every event, an assessor those of the area they review, and a barangay user those visible to the barangay (a MOV flag''s once the area came back to it) and all once the assessment is completed.';

drop policy "Reviewers read MOV flags, barangays once sent back" on public.mov_flags;
create policy "Reviewers read MOV flags, barangays once sent back" on public.mov_flags
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu' and private.barangay_sees_flag(assessment_id, area_code, event_id)))
    and mov_flags.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read MOV flags, barangays once sent back" on public.mov_flags is
  'The MLGOO and validators read the MOV flags of every assessment they read; an assessor reads those of the area they review; a barangay user reads a flag once its area was sent back (rework, calibration) or the assessment reopened after it was recorded, or the assessment is completed (private.barangay_sees_flag).';

-- Workflow: acting on an assessment of one's own city or municipality --------------------------------

create or replace function private.require_found_assessment(
  p_assessment public.assessments, p_assessment_id uuid, p_role public.app_role
)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_assessment.id is null then
    raise exception 'Assessment % does not exist', p_assessment_id
      using errcode = 'VA007', hint = 'Reload the list of assessments and use an id from it.';
  end if;
  if p_role = 'blgu' and p_assessment.barangay_id is distinct from private.current_barangay_id() then
    raise exception 'This assessment belongs to another barangay'
      using errcode = '42501', hint = 'Barangay accounts act only on their own barangay''s assessment.';
  end if;
  if p_role in ('mlgoo', 'assessor', 'validator')
     and p_assessment.barangay_id not in (select private.scope_barangay_ids()) then
    raise exception 'This assessment belongs to another city or municipality'
      using errcode = '42501', hint = 'You act only on the barangays of the city or municipality you serve.';
  end if;
end;
$$;
comment on function private.require_found_assessment(public.assessments, uuid, public.app_role) is
  'Refuses an assessment that was not found (VA007, p_assessment all null), of another barangay for a barangay caller, or of another city or municipality for the MLGOO, an assessor or a validator (42501).';

create or replace function private.notify_role(
  p_role public.app_role, p_assessment_id uuid, p_kind text, p_title text, p_body text,
  p_data jsonb default '{}', p_area_code smallint default null
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  insert into public.notifications (recipient_id, assessment_id, kind, title, body, data)
  select p.id, p_assessment_id, p_kind, p_title, p_body,
         jsonb_strip_nulls(jsonb_build_object('assessmentId', p_assessment_id, 'areaCode', p_area_code))
           || coalesce(p_data, '{}')
  from public.profiles p
  where p.is_active and p.role = p_role
    and p.id is distinct from (select auth.uid())
    and (p_role <> 'assessor' or p_area_code is null or p.area_code = p_area_code)
    and (p_role <> 'blgu' or p.barangay_id = (select barangay_id from public.assessments where id = p_assessment_id))
    and (p_assessment_id is null or p_role = 'blgu' or p.city_municipality_code = (
      select b.city_municipality_code from public.assessments a join public.barangays b on b.id = a.barangay_id
      where a.id = p_assessment_id));
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.notify_role(public.app_role, uuid, text, text, text, jsonb, smallint) is
  'Notifies every active user of a role except the one acting: of an assessment, only the people of its city or municipality (assessors of p_area_code when given) or the users of its barangay.';

-- MOV files: a validator uploads only to its own city or municipality's assessments ------------------

create or replace function private.mov_refusal(
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

-- Administration: the MLGOO's own people ------------------------------------------------------------

create or replace function private.user_profile_for_update(p_user_id uuid)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  select * into v_profile from public.profiles where id = p_user_id for update;
  if not found then
    raise exception 'User % does not exist', p_user_id
      using errcode = 'VA007', hint = 'Create the account through the Auth admin API first.';
  end if;
  if p_user_id = (select auth.uid()) then
    raise exception 'The MLGOO cannot change their own role or activity'
      using errcode = 'VA008', hint = 'Another MLGOO account must do it.';
  end if;
  if v_profile.role is not null
     and v_profile.city_municipality_code is distinct from private.current_city_municipality_code()
     and v_profile.barangay_id not in (select private.scope_barangay_ids()) is not false then
    raise exception 'This user belongs to another city or municipality'
      using errcode = '42501', hint = 'You administer the people of the city or municipality you serve.';
  end if;
  return v_profile;
end;
$$;
comment on function private.user_profile_for_update(uuid) is
  'Locks the profile the MLGOO changes: refuses an unknown user (VA007), the MLGOO itself (VA008) and a user with a role of another city or municipality (42501).';

create or replace function public.admin_set_user_role(
  p_user_id uuid,
  p_role public.app_role,
  p_barangay_id uuid default null,
  p_area_code smallint default null
)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_before public.profiles;
  v_after public.profiles;
begin
  perform private.start_workflow_write('{mlgoo}', 'administer users');
  v_before := private.user_profile_for_update(p_user_id);

  if p_role is null then
    raise exception 'A role is required'
      using errcode = 'VA008', hint = 'Use admin_set_user_active to take access away.';
  end if;
  if p_role in ('oversight', 'administrator') or v_before.role in ('oversight', 'administrator') then
    raise exception 'Oversight and central administrator accounts are given by the central office, not by an MLGOO'
      using errcode = '42501', hint = 'The central office runs private.create_office_user.';
  end if;
  if (p_role = 'blgu') <> (p_barangay_id is not null) then
    raise exception 'A barangay is given exactly for blgu users (role %)', p_role
      using errcode = 'VA008', hint = 'Pass p_barangay_id for blgu users only.';
  end if;
  if (p_role = 'assessor') <> (p_area_code is not null) then
    raise exception 'A governance area is given exactly for assessors (role %)', p_role
      using errcode = 'VA008', hint = 'Pass p_area_code (1 to 6) for assessors only.';
  end if;
  if p_barangay_id is not null
     and not exists (select 1 from public.barangays where id = p_barangay_id and is_active
                     and city_municipality_code = private.current_city_municipality_code()) then
    raise exception 'Barangay % does not exist, is inactive or is of another city or municipality', p_barangay_id
      using errcode = 'VA008', hint = 'Pick an active barangay of the city or municipality you serve.';
  end if;
  if p_area_code is not null and p_area_code not between 1 and 6 then
    raise exception 'Governance area % does not exist', p_area_code
      using errcode = 'VA008', hint = 'Areas are numbered 1 to 6.';
  end if;

  update public.profiles
  set role = p_role, barangay_id = p_barangay_id, area_code = p_area_code,
      city_municipality_code = case when p_role in ('mlgoo', 'assessor', 'validator')
                                    then private.current_city_municipality_code() end
  where id = p_user_id
  returning * into v_after;

  insert into public.events (actor_id, action, from_status, to_status, area_code, details, visible_to_barangay)
  values (
    (select auth.uid()), 'user_role_set', v_before.role::text, p_role::text, p_area_code,
    jsonb_build_object('user_id', p_user_id, 'email', v_before.email, 'barangay_id', p_barangay_id,
                       'previous_barangay_id', v_before.barangay_id, 'previous_area_code', v_before.area_code),
    false
  );
  return v_after;
end;
$$;
comment on function public.admin_set_user_role(uuid, public.app_role, uuid, smallint) is
  'MLGOO only: gives a user of its city or municipality (or an account without a role yet) a role and its scope: a barangay of its city or municipality for blgu users, an area for assessors; the MLGOO, assessors and validators it names serve its city or municipality. Applies at once.';


-- The first MLGOO of a city or municipality ------------------------------------------------------

drop function private.create_first_mlgoo(text);
create function private.create_first_mlgoo(p_email text, p_city_municipality_code text)
returns public.profiles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_profile public.profiles;
begin
  if not exists (select 1 from public.cities_municipalities where psgc_code = p_city_municipality_code) then
    raise exception 'City or municipality % does not exist', p_city_municipality_code
      using errcode = 'VA007', hint = 'Use a PSGC code from public.cities_municipalities.';
  end if;
  if exists (select 1 from public.profiles
             where role = 'mlgoo' and is_active and city_municipality_code = p_city_municipality_code) then
    raise exception 'This city or municipality already has an active MLGOO'
      using errcode = 'VA001', hint = 'Its MLGOO assigns roles with admin_set_user_role.';
  end if;
  perform private.declare_workflow_write();
  update public.profiles
  set role = 'mlgoo', barangay_id = null, area_code = null, city_municipality_code = p_city_municipality_code,
      is_active = true
  where lower(email) = lower(trim(p_email))
  returning * into v_profile;
  if not found then
    raise exception 'No account has the e-mail %', p_email
      using errcode = 'VA007', hint = 'Create the user first (Dashboard: Authentication, Add user; or the Auth admin API).';
  end if;
  insert into public.events (action, to_status, details, visible_to_barangay)
  values ('user_role_set', 'mlgoo', jsonb_build_object('user_id', v_profile.id, 'email', v_profile.email,
          'cityMunicipalityCode', p_city_municipality_code, 'firstAdministrator', true), false);
  return v_profile;
end;
$$;
comment on function private.create_first_mlgoo(text, text) is
  'Run from the SQL editor: makes the existing account with this e-mail the MLGOO of a city or municipality that has no active MLGOO; from then on that MLGOO administers its people.';

