-- Area review (sglgb.md section 4, steps 1 to 4): the barangay submits each governance area, warned
-- of the leaves its newest readiness finds incomplete; the assessor approves it or sends it back for
-- rework once; reviewers flag files and comment.

-- The barangay's newest readiness: what a submission warns about ---------------------------------

create function private.latest_readiness(p_assessment_id uuid)
returns table (created_at timestamptz, result jsonb)
language sql
stable
security definer
set search_path = ''
as $$
  select created_at, result from public.classification_results
  where assessment_id = p_assessment_id and kind = 'readiness'
  order by created_at desc
  limit 1;
$$;
comment on function private.latest_readiness(uuid) is
  'The newest readiness result of an assessment, classified from the barangay''s answers and live files only (none before its first upload or saved answers).';

create function private.readiness_pending(p_assessment_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.jobs
                 where assessment_id = p_assessment_id and result_kind = 'readiness'
                   and status in ('queued', 'running'));
$$;
comment on function private.readiness_pending(uuid) is
  'Whether a newer readiness is still being computed (uploads, deletions or saved answers since the newest).';

create function private.leaf_readiness(p_assessment_id uuid)
returns table (leaf_id uuid, complete boolean, missing_slots text[], satisfied_option text, shortfalls jsonb)
language sql
stable
security definer
set search_path = ''
as $$
  -- Completeness is the classifier's rule (sglgb.md 5.1): it is read from the newest stored
  -- readiness, never derived again here. It follows from which upload slots have a live file only.
  -- Shortfalls are the classifier's reading of the barangay's own answers (a readiness result has
  -- no checklist value, decision or override in its input).
  select leaf.id, (projected -> 'completeness' ->> 'complete')::boolean,
         array(select jsonb_array_elements_text(projected -> 'completeness' -> 'missingSlots')),
         projected -> 'completeness' ->> 'satisfiedOption',
         coalesce(projected -> 'shortfalls', '[]')
  from private.latest_readiness(p_assessment_id) as latest
  cross join jsonb_array_elements(latest.result -> 'leaves') as projected
  join public.assessments a on a.id = p_assessment_id
  join public.indicators leaf on leaf.cycle_id = a.cycle_id and leaf.code = projected ->> 'code';
$$;
comment on function private.leaf_readiness(uuid) is
  'Per leaf, as the barangay''s newest readiness found it: whether every required upload slot has a live MOV, the missing slots, the option group satisfied, and the quantitative requirements its answers fall short of (each with its sentence per language, texts). No rows before the first readiness.';

create function private.incomplete_leaves(p_assessment_id uuid, p_area_code smallint)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  -- A scored leaf of the area is listed unless the newest readiness found it complete, so before
  -- the first readiness all are. Uploads, deletions and saved answers queue a new readiness; while
  -- one is queued or running (pending), the list may be out of date.
  select jsonb_build_object(
    'leaves', coalesce(jsonb_agg(leaf.code order by leaf.sort_order)
                         filter (where not coalesce(projected.complete, false)), '[]'),
    'asOf', (select created_at from private.latest_readiness(p_assessment_id)),
    'pending', private.readiness_pending(p_assessment_id))
  from public.assessments a
  join public.indicators leaf on leaf.cycle_id = a.cycle_id and leaf.parent_id is not null
  left join private.leaf_readiness(p_assessment_id) as projected on projected.leaf_id = leaf.id
  where a.id = p_assessment_id and leaf.area_code = p_area_code and not leaf.is_profiling_only;
$$;
comment on function private.incomplete_leaves(uuid, smallint) is
  'Scored leaves of an area that the barangay''s newest readiness does not find complete (missing MOVs), with the time of that readiness (asOf) and whether a newer one is still being computed (pending); a warning at submission, never a block.';

create function private.freeze_first_submission(p_assessment_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.submission_snapshots (assessment_id, frozen_by, answers, movs)
  values (
    p_assessment_id,
    (select auth.uid()),
    coalesce((
      select jsonb_object_agg(leaf.code, r.answers)
      from public.responses r join public.indicators leaf on leaf.id = r.leaf_id
      where r.assessment_id = p_assessment_id
    ), '{}'),
    coalesce((
      select jsonb_agg(jsonb_build_object(
               'leafCode', leaf.code, 'slotKey', s.slot_key, 'path', m.storage_path,
               'sha256', m.sha256, 'originalName', m.original_name, 'sizeBytes', m.size_bytes)
             order by leaf.sort_order, s.sort_order, m.created_at)
      from public.mov_files m
      join public.indicators leaf on leaf.id = m.leaf_id
      join public.upload_slots s on s.id = m.slot_id
      where m.assessment_id = p_assessment_id and m.deleted_at is null and m.content_check <> 'rejected'
    ), '[]')
  )
  on conflict (assessment_id) do nothing;
$$;
comment on function private.freeze_first_submission(uuid) is
  'Freezes the answers and live MOV set at the first submission of any area; later submissions keep the first snapshot.';

-- 1 and 4. The barangay submits (or resubmits after rework) an area ------------------------------

create function public.submit_area(p_assessment_id uuid, p_area_code smallint)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{blgu}', 'submit an area');
  v_area public.assessment_areas := private.area_for_update(p_assessment_id, p_area_code);
  v_incomplete jsonb;
  v_resume public.assessment_status;
begin
  perform private.require_unlocked(v_assessment);
  perform private.require_status(v_assessment, '{draft,submitted,reopened}', 'submit an area');
  perform private.require_area_status(v_area, '{draft,rework}', 'submit');

  v_incomplete := private.incomplete_leaves(p_assessment_id, p_area_code);
  update public.assessment_areas
  set status = 'submitted', submitted_at = now(), first_submitted_at = coalesce(first_submitted_at, now())
  where assessment_id = p_assessment_id and area_code = p_area_code;

  if v_area.status = 'rework' then
    -- A resubmitted rework is checked afresh; leaf_history keeps the previous values.
    update public.reviews set checklist = '{}', checklist_by = (select auth.uid()), checklist_at = now(),
                              version = version + 1, updated_at = now()
    where assessment_id = p_assessment_id and area_code = p_area_code and checklist <> '{}';
  end if;
  perform private.freeze_first_submission(p_assessment_id);
  perform private.record_event(p_assessment_id, case v_area.status when 'rework' then 'rework_resubmitted' else 'area_submitted' end,
                               v_area.status::text, 'submitted', p_area_code => p_area_code,
                               p_details => jsonb_build_object('incompleteLeaves', v_incomplete -> 'leaves'));
  perform private.notify_role('assessor', p_assessment_id, 'area_submitted',
    private.area_name(p_area_code) || case v_area.status when 'rework' then ' resubmitted after rework' else ' submitted' end,
    private.barangay_name(p_assessment_id) || ' submitted the area for your review.', p_area_code => p_area_code);

  v_assessment := private.bump_version(p_assessment_id);
  if not exists (select 1 from public.assessment_areas where assessment_id = p_assessment_id and status in ('draft', 'rework')) then
    if v_assessment.status = 'draft' then
      update public.assessments set submitted_at = now() where id = p_assessment_id;
      v_assessment := private.move_assessment(v_assessment, 'submitted', 'assessment_submitted');
    elsif v_assessment.status = 'reopened' then
      v_resume := v_assessment.resume_status;
      if v_resume <> 'submitted' then
        update public.assessment_areas set status = 'approved' where assessment_id = p_assessment_id;
      end if;
      v_assessment := private.move_assessment(v_assessment, v_resume, 'reopened_resubmitted');
      update public.assessments set resume_status = null, submitted_at = now() where id = p_assessment_id
      returning * into v_assessment;
      perform private.notify_role('mlgoo', p_assessment_id, 'reopened_resubmitted',
        'Reopened assessment resubmitted',
        private.barangay_name(p_assessment_id) || ' resubmitted every area; the assessment is back to '
          || replace(v_resume::text, '_', ' ') || '.');
    end if;
  end if;

  return jsonb_build_object('status', v_assessment.status, 'version', v_assessment.version,
                            'areaStatus', 'submitted', 'incompleteLeaves', v_incomplete -> 'leaves',
                            'incompleteAsOf', v_incomplete -> 'asOf',
                            'incompletePending', v_incomplete -> 'pending');
end;
$$;
comment on function public.submit_area(uuid, smallint) is
  'Barangay: submits (or resubmits after rework) one governance area for the assessor. Incomplete leaves do not block; they are returned in incompleteLeaves, as found by the barangay''s newest readiness (incompleteAsOf; null before the first one), and incompletePending when uploads, deletions or answers since are still being classified. When all six areas are submitted the assessment becomes submitted (or, when reopened, returns to the stage it left). Errors: 42501, VA001, VA005, VA007, VA008.';
revoke all on function public.submit_area(uuid, smallint) from public, anon;
grant execute on function public.submit_area(uuid, smallint) to authenticated;

-- 2. The assessor approves an area ------------------------------------------------------------------

create function public.approve_area(p_assessment_id uuid, p_area_code smallint)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{assessor}', 'approve an area');
begin
  perform private.area_under_review_for_update(v_assessment, p_area_code, 'approve an area', 'approve');

  update public.assessment_areas set status = 'approved', approved_at = now(), approved_by = (select auth.uid())
  where assessment_id = p_assessment_id and area_code = p_area_code;
  perform private.record_event(p_assessment_id, 'area_approved', 'submitted', 'approved', p_area_code => p_area_code);
  perform private.notify_role('blgu', p_assessment_id, 'area_approved', private.area_name(p_area_code) || ' approved',
    'The assessor approved this area. It goes to validation once all six areas are approved.', p_area_code => p_area_code);
  v_assessment := private.bump_version(p_assessment_id);

  if not exists (select 1 from public.assessment_areas where assessment_id = p_assessment_id and status <> 'approved') then
    v_assessment := private.move_assessment(v_assessment, 'awaiting_validation', 'validation_started');
    perform private.notify_role('validator', p_assessment_id, 'awaiting_validation', 'Assessment ready for validation',
      private.barangay_name(p_assessment_id) || ': all six areas are approved by the assessors.');
  end if;
  return v_assessment;
end;
$$;
comment on function public.approve_area(uuid, smallint) is
  'Assessor of the area: approves a submitted area. When all six are approved the assessment awaits validation and validators are notified. Errors: 42501, VA001, VA007, VA008.';
revoke all on function public.approve_area(uuid, smallint) from public, anon;
grant execute on function public.approve_area(uuid, smallint) to authenticated;

-- 3. The assessor sends an area back for rework (once) ----------------------------------------------

create function public.request_rework(p_assessment_id uuid, p_area_code smallint, p_comment text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{assessor}', 'request a rework');
  v_area public.assessment_areas;
  v_comment text;
  v_unexplained text;
begin
  v_area := private.area_under_review_for_update(v_assessment, p_area_code, 'request a rework', 'send back for rework');
  if v_area.rework_used then
    raise exception 'Area % has already used its one rework', p_area_code
      using errcode = 'VA002', hint = 'Approve the area, or leave the remaining findings to the validator.';
  end if;
  v_comment := private.require_text(p_comment, 'A comment telling the barangay what to rework');
  select string_agg(leaf.code || ' ' || m.original_name, ', ' order by leaf.sort_order) into v_unexplained
  from public.mov_files m
  join public.mov_flags f on f.mov_id = m.id
  join public.indicators leaf on leaf.id = m.leaf_id
  where m.assessment_id = p_assessment_id and m.area_code = p_area_code and f.is_flagged
    and m.deleted_at is null and coalesce(trim(f.reviewer_note), '') = '';
  if v_unexplained is not null then
    raise exception 'Flagged files need a note before the rework: %', v_unexplained
      using errcode = 'VA003', hint = 'Add a note to each flagged file (flag_mov with p_note) saying what is wrong with it.';
  end if;

  update public.assessment_areas
  set status = 'rework', rework_used = true, rework_requested_at = now(), rework_requested_by = (select auth.uid()),
      rework_due_at = now() + make_interval(days => (select rework_window_days from public.cycles where id = v_assessment.cycle_id))
  where assessment_id = p_assessment_id and area_code = p_area_code
  returning * into v_area;
  insert into public.comments (assessment_id, area_code, visibility, body, author_id, author_role, stage)
  values (p_assessment_id, p_area_code, 'public', v_comment, (select auth.uid()), 'assessor', v_assessment.status);
  perform private.record_event(p_assessment_id, 'rework_requested', 'submitted', 'rework', v_comment, p_area_code,
                               p_details => jsonb_build_object('dueAt', v_area.rework_due_at));
  perform private.notify_role('blgu', p_assessment_id, 'rework_requested', private.area_name(p_area_code) || ' needs rework',
    v_comment || format(' Resubmit the area by %s.', private.manila_time(v_area.rework_due_at)),
    jsonb_build_object('dueAt', v_area.rework_due_at), p_area_code);
  return private.bump_version(p_assessment_id);
end;
$$;
comment on function public.request_rework(uuid, smallint, text) is
  'Assessor of the area: sends a submitted area back to the barangay (once per area). p_comment is required and shown to the barangay; every flagged file of the area needs a note. Errors: 42501, VA001, VA002, VA003, VA007, VA008.';
revoke all on function public.request_rework(uuid, smallint, text) from public, anon;
grant execute on function public.request_rework(uuid, smallint, text) to authenticated;

-- Reviewers flag files and comment -------------------------------------------------------------------

create function public.flag_mov(p_mov_id uuid, p_flagged boolean default true, p_note text default null)
returns public.mov_flags
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_mov public.mov_files;
  v_flag public.mov_flags;
  v_assessment public.assessments;
  v_role public.app_role := private.start_workflow_write('{assessor,validator}', 'flag a file');
begin
  select * into v_mov from public.mov_files where id = p_mov_id;
  if not found or v_mov.deleted_at is not null then
    raise exception 'File % does not exist or was removed by the barangay', p_mov_id
      using errcode = 'VA007', hint = 'Reload the files of the sub-indicator.';
  end if;
  v_assessment := private.assessment_for_update(v_mov.assessment_id, '{assessor,validator}', 'flag a file');
  if v_role = 'assessor' then
    perform private.area_under_review_for_update(v_assessment, v_mov.area_code, 'flag a file as assessor', 'flag files of');
  else
    perform private.require_status(v_assessment, '{awaiting_validation,calibration}', 'flag a file as validator');
  end if;

  v_flag.is_flagged := coalesce(p_flagged, true);
  v_flag.reviewer_note := coalesce(nullif(trim(p_note), ''), (select reviewer_note from public.mov_flags where mov_id = p_mov_id));
  -- The barangay sees the event, and the flag that points at it, once the area comes back to it.
  v_flag.event_id := private.record_event(v_mov.assessment_id, case when v_flag.is_flagged then 'mov_flagged' else 'mov_unflagged' end,
                               p_reason => v_flag.reviewer_note, p_area_code => v_mov.area_code, p_leaf_id => v_mov.leaf_id,
                               p_details => jsonb_build_object('movId', v_mov.id), p_visible_to_barangay => false);
  insert into public.mov_flags (mov_id, assessment_id, area_code, leaf_id, is_flagged, reviewer_note, flagged_by, flagged_at, event_id)
  values (v_mov.id, v_mov.assessment_id, v_mov.area_code, v_mov.leaf_id, v_flag.is_flagged, v_flag.reviewer_note,
          (select auth.uid()), now(), v_flag.event_id)
  on conflict (mov_id) do update
  set is_flagged = excluded.is_flagged, reviewer_note = excluded.reviewer_note, flagged_by = excluded.flagged_by,
      flagged_at = excluded.flagged_at, event_id = excluded.event_id
  returning * into v_flag;
  return v_flag;
end;
$$;
comment on function public.flag_mov(uuid, boolean, text) is
  'Assessor of the area (area submitted) or validator (during validation or calibration): flags or unflags a MOV file with a note for the barangay, who sees it once the area is sent back or the assessment completed. Errors: 42501, VA001, VA007.';
revoke all on function public.flag_mov(uuid, boolean, text) from public, anon;
grant execute on function public.flag_mov(uuid, boolean, text) to authenticated;

create function public.add_comment(
  p_assessment_id uuid, p_body text, p_visibility public.comment_visibility default 'public',
  p_leaf_id uuid default null, p_area_code smallint default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo,assessor,validator}', 'write a review comment');
  v_role public.app_role := private.current_app_role();
  v_area_code smallint := p_area_code;
  v_body text := private.require_text(p_body, 'The comment text');
  v_id uuid;
begin
  if p_leaf_id is not null then
    v_area_code := (private.assessment_leaf(v_assessment, p_leaf_id)).area_code;
  elsif v_area_code is null or not exists (select 1 from public.governance_areas where code = v_area_code) then
    raise exception 'Say what the comment is about'
      using errcode = 'VA008', hint = 'Pass p_leaf_id for a sub-indicator, or p_area_code (1 to 6) for a whole area.';
  end if;
  if v_role = 'assessor' then
    perform private.require_assessor_of(v_area_code);
    if not v_assessment.submitted_area_codes @> array[v_area_code] then
      raise exception 'Area % has not been submitted yet', v_area_code
        using errcode = 'VA001', hint = 'Comments can be written once the barangay submits the area.';
    end if;
  elsif v_role = 'validator' and v_assessment.validation_started_at is null then
    raise exception 'The assessment has not reached validation yet'
      using errcode = 'VA001', hint = 'Validators comment once all six areas are approved.';
  end if;

  insert into public.comments (assessment_id, leaf_id, area_code, visibility, body, author_id, author_role, stage)
  values (p_assessment_id, p_leaf_id, v_area_code, p_visibility, v_body, (select auth.uid()), v_role, v_assessment.status)
  returning id into v_id;
  return v_id;
end;
$$;
comment on function public.add_comment(uuid, text, public.comment_visibility, uuid, smallint) is
  'Reviewers and the MLGOO: writes a public comment (shown to the barangay) or an internal note on a sub-indicator (p_leaf_id) or a whole area (p_area_code). Barangay accounts cannot comment. Errors: 42501, VA001, VA003, VA007, VA008.';
revoke all on function public.add_comment(uuid, text, public.comment_visibility, uuid, smallint) from public, anon;
grant execute on function public.add_comment(uuid, text, public.comment_visibility, uuid, smallint) to authenticated;
