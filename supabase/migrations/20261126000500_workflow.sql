-- Workflow: the assessment lifecycle of sglgb.md section 4 as guarded functions. Each public
-- function checks the caller's role and scope, locks the assessment row (so that of two concurrent
-- transitions exactly one applies), checks the state and guards, then writes the change, bumps
-- assessments.version, appends an event and notifies the right people, all in one transaction.
-- Refusals raise one of the SQLSTATEs listed in public.error_codes, with a hint saying what to do.
-- Tables stay select-only for `authenticated`: these functions are the only way to write.

-- Guards: who is asking, and may they act on this assessment now? ------------------------------

create function private.role_title(p_role public.app_role)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_role
    when 'mlgoo' then 'the MLGOO'
    when 'assessor' then 'the assessor of the area'
    when 'validator' then 'a validator'
    when 'blgu' then 'the barangay'
    else 'a katuparan partner'
  end;
$$;
comment on function private.role_title(public.app_role) is 'How an error message names a role.';

create function private.require_role(p_roles public.app_role[], p_action text)
returns public.app_role
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.current_app_role();
begin
  perform private.require_password_changed();
  if v_role is null or not v_role = any (p_roles) then
    raise exception 'Only % can %', (
        select string_agg(private.role_title(r), ' or ') from unnest(p_roles) as r
      ), p_action
      using errcode = '42501',
            hint = 'Sign in with an account that has this role; the MLGOO assigns roles.';
  end if;
  perform private.declare_workflow_write();
  return v_role;
end;
$$;
comment on function private.require_role(public.app_role[], text) is
  'Refuses (42501) a caller who must change the password first or whose active role is not one of p_roles; returns the role and declares the transaction a workflow write (the common first step of every workflow function).';

create function private.require_found_assessment(
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
end;
$$;
comment on function private.require_found_assessment(public.assessments, uuid, public.app_role) is
  'Refuses an assessment that was not found (VA007, p_assessment all null) or, for a barangay caller, belongs to another barangay (42501).';

create function private.lock_assessment(p_assessment_id uuid, p_roles public.app_role[], p_action text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role(p_roles, p_action);
  v_assessment public.assessments;
begin
  select * into v_assessment from public.assessments where id = p_assessment_id for update;
  perform private.require_found_assessment(v_assessment, p_assessment_id, v_role);
  return v_assessment;
end;
$$;
comment on function private.lock_assessment(uuid, public.app_role[], text) is
  'The common first step of every workflow function: checks the caller''s role, locks the assessment row (FOR UPDATE, so concurrent transitions serialize) and checks a barangay caller''s scope.';

create function private.require_assessor_of(p_area_code smallint)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if private.current_app_role() = 'assessor' and p_area_code is distinct from private.current_area_code() then
    raise exception 'Governance area % is reviewed by another assessor', p_area_code
      using errcode = '42501', hint = format('You review area %s only.', private.current_area_code());
  end if;
end;
$$;
comment on function private.require_assessor_of(smallint) is 'Refuses (42501) an assessor acting outside the governance area they review.';

create function private.require_status(
  p_assessment public.assessments, p_allowed public.assessment_status[], p_action text
)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not p_assessment.status = any (p_allowed) then
    raise exception 'Cannot % while the assessment is %', p_action, replace(p_assessment.status::text, '_', ' ')
      using errcode = 'VA001',
            hint = format('This is possible only while the assessment is %s; reload it to see its current state.',
                          replace(array_to_string(p_allowed, ' or '), '_', ' '));
  end if;
end;
$$;
comment on function private.require_status(public.assessments, public.assessment_status[], text) is
  'Refuses (VA001) an action the assessment''s current state does not allow.';

create function private.require_unlocked(p_assessment public.assessments)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_assessment.is_locked then
    raise exception 'The assessment is locked: %', coalesce(p_assessment.lock_reason, 'no reason given')
      using errcode = 'VA005', hint = 'Ask the MLGOO to unlock it or to extend your deadline.';
  end if;
end;
$$;
comment on function private.require_unlocked(public.assessments) is 'Refuses (VA005) a barangay write while the assessment is locked.';

create function private.require_text(p_text text, p_what text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_text is null or length(trim(p_text)) = 0 then
    raise exception '% is required', p_what
      using errcode = 'VA003', hint = 'Write it in a sentence the barangay or the MLGOO can act on.';
  end if;
  return trim(p_text);
end;
$$;
comment on function private.require_text(text, text) is 'Refuses (VA003) a missing reason, comment or note; returns it trimmed.';

create function private.lock_area(p_assessment_id uuid, p_area_code smallint)
returns public.assessment_areas
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_area public.assessment_areas;
begin
  select * into v_area from public.assessment_areas
  where assessment_id = p_assessment_id and area_code = p_area_code for update;
  if not found then
    raise exception 'There is no governance area %', p_area_code
      using errcode = 'VA008', hint = 'Governance areas are numbered 1 to 6.';
  end if;
  return v_area;
end;
$$;
comment on function private.lock_area(uuid, smallint) is 'Loads and locks one area of an assessment, refusing (VA008) an unknown area number.';

create function private.require_area_status(
  p_area public.assessment_areas, p_allowed public.area_status[], p_action text
)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not p_area.status = any (p_allowed) then
    raise exception 'Cannot % area % while it is %', p_action, p_area.area_code, p_area.status
      using errcode = 'VA001',
            hint = format('This is possible only while the area is %s; reload the assessment.',
                          array_to_string(p_allowed, ' or '));
  end if;
end;
$$;
comment on function private.require_area_status(public.assessment_areas, public.area_status[], text) is
  'Refuses (VA001) an action the area''s current state does not allow.';

create function private.lock_area_under_review(
  p_assessment public.assessments, p_area_code smallint, p_action text, p_area_action text
)
returns public.assessment_areas
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_area public.assessment_areas;
begin
  perform private.require_assessor_of(p_area_code);
  v_area := private.lock_area(p_assessment.id, p_area_code);
  perform private.require_status(p_assessment, '{draft,submitted}', p_action);
  perform private.require_area_status(v_area, '{submitted}', p_area_action);
  return v_area;
end;
$$;
comment on function private.lock_area_under_review(public.assessments, smallint, text, text) is
  'The assessor''s guards on one area: refuses (42501) an area the caller does not review, locks the area, and refuses (VA001) unless the assessment is in draft or submitted and the area is submitted; returns the area.';

create function private.assessment_leaf(p_assessment public.assessments, p_leaf_id uuid)
returns public.indicators
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_leaf public.indicators;
begin
  select * into v_leaf from public.indicators
  where id = p_leaf_id and cycle_id = p_assessment.cycle_id and parent_id is not null;
  if not found then
    raise exception 'Indicator % is not a sub-indicator of this assessment''s cycle', p_leaf_id
      using errcode = 'VA008', hint = 'Use the id of a sub-indicator (e.g. 1.1.1) from the assessment''s cycle.';
  end if;
  return v_leaf;
end;
$$;
comment on function private.assessment_leaf(public.assessments, uuid) is
  'The leaf (sub-indicator) p_leaf_id of the assessment''s cycle, or VA008.';

create function private.assessment_leaves(p_assessment public.assessments, p_leaf_ids uuid[])
returns setof public.indicators
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if coalesce(cardinality(p_leaf_ids), 0) = 0 then
    raise exception 'Name at least one sub-indicator'
      using errcode = 'VA008', hint = 'Pass the ids of the sub-indicators the barangay must look at again.';
  end if;
  return query select (private.assessment_leaf(p_assessment, id)).*
    from (select distinct unnest(p_leaf_ids) as id) as named;
end;
$$;
comment on function private.assessment_leaves(public.assessments, uuid[]) is
  'The named leaves of the assessment''s cycle (at least one, each valid), or VA008.';

create function private.require_leaf_comments(
  p_assessment public.assessments, p_leaf_ids uuid[], p_stage public.assessment_status
)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_missing text;
begin
  select string_agg(leaf.code, ', ' order by leaf.sort_order) into v_missing
  from public.indicators leaf
  where leaf.id = any (p_leaf_ids)
    and not exists (
      select 1 from public.comments c
      where c.assessment_id = p_assessment.id and c.leaf_id = leaf.id
        and c.visibility = 'public' and c.stage = p_stage
    );
  if v_missing is not null then
    raise exception 'Sub-indicators % have no public comment telling the barangay what to fix', v_missing
      using errcode = 'VA003', hint = 'Add a public comment to each named sub-indicator (add_comment), then try again.';
  end if;
end;
$$;
comment on function private.require_leaf_comments(public.assessments, uuid[], public.assessment_status) is
  'Refuses (VA003) a calibration or recalibration naming a leaf without a public comment written in this stage.';

-- Events and notifications ---------------------------------------------------------------------

create function private.record_event(
  p_assessment_id uuid,
  p_action text,
  p_from text default null,
  p_to text default null,
  p_reason text default null,
  p_area_code smallint default null,
  p_leaf_id uuid default null,
  p_details jsonb default '{}',
  p_visible_to_barangay boolean default true,
  p_cycle_id uuid default null
)
returns bigint
language sql
security definer
set search_path = ''
as $$
  insert into public.events (
    assessment_id, cycle_id, actor_id, action, from_status, to_status, area_code, leaf_id, reason,
    details, visible_to_barangay
  )
  values (
    p_assessment_id,
    coalesce(p_cycle_id, (select cycle_id from public.assessments where id = p_assessment_id)),
    (select auth.uid()), p_action, p_from, p_to, p_area_code, p_leaf_id, p_reason,
    coalesce(p_details, '{}'), p_visible_to_barangay
  )
  returning id;
$$;
comment on function private.record_event(uuid, text, text, text, text, smallint, uuid, jsonb, boolean, uuid) is
  'Appends one event to the timeline, the caller as actor (null when the system acts).';

create function private.notify(
  p_recipient_id uuid, p_assessment_id uuid, p_kind text, p_title text, p_body text, p_data jsonb default '{}'
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notifications (recipient_id, assessment_id, kind, title, body, data)
  select p.id, p_assessment_id, p_kind, p_title, p_body,
         jsonb_strip_nulls(jsonb_build_object('assessmentId', p_assessment_id)) || coalesce(p_data, '{}')
  from public.profiles p
  where p.id = p_recipient_id and p.is_active;
$$;
comment on function private.notify(uuid, uuid, text, text, text, jsonb) is
  'Sends one in-app notification to one user, unless that user is deactivated.';

create function private.notify_role(
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
    and (p_role <> 'blgu' or p.barangay_id = (select barangay_id from public.assessments where id = p_assessment_id));
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.notify_role(public.app_role, uuid, text, text, text, jsonb, smallint) is
  'Notifies every active user of a role except the one acting: assessors of p_area_code when given, barangay users of the assessment''s barangay only.';

create function private.barangay_name(p_assessment_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select 'Barangay ' || b.name || ', ' || b.city_municipality
  from public.assessments a join public.barangays b on b.id = a.barangay_id
  where a.id = p_assessment_id;
$$;
comment on function private.barangay_name(uuid) is 'How notifications to reviewers name the barangay of an assessment.';

create function private.area_name(p_area_code smallint)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select 'Area ' || code || ' (' || name || ')' from public.governance_areas where code = p_area_code;
$$;
comment on function private.area_name(smallint) is 'How notifications name a governance area.';

create function private.manila_time(p_at timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select to_char(p_at at time zone 'Asia/Manila', 'FMMonth FMDD, YYYY HH24:MI');
$$;
comment on function private.manila_time(timestamptz) is
  'How messages to users state a moment: Philippine time, e.g. March 31, 2026 17:00.';

-- State changes shared by the transitions ----------------------------------------------------------

create function private.move_assessment(
  p_assessment public.assessments, p_to public.assessment_status, p_action text,
  p_reason text default null, p_details jsonb default '{}', p_visible_to_barangay boolean default true
)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments;
begin
  update public.assessments
  set status = p_to, version = version + 1,
      validation_started_at = case when p_to = 'awaiting_validation' then coalesce(validation_started_at, now())
                                   else validation_started_at end
  where id = p_assessment.id
  returning * into v_assessment;
  perform private.record_event(p_assessment.id, p_action, p_assessment.status::text, p_to::text, p_reason,
                               p_details => p_details, p_visible_to_barangay => p_visible_to_barangay);
  return v_assessment;
end;
$$;
comment on function private.move_assessment(public.assessments, public.assessment_status, text, text, jsonb, boolean) is
  'Changes the overall state, bumps the version and records the event (from, to, reason).';

create function private.bump_version(p_assessment_id uuid)
returns public.assessments
language sql
security definer
set search_path = ''
as $$
  update public.assessments set version = version + 1 where id = p_assessment_id returning *;
$$;
comment on function private.bump_version(uuid) is 'Marks a transition that keeps the overall state (an area moved, a lock changed).';

create function private.latest_projection(p_assessment_id uuid)
returns table (created_at timestamptz, result jsonb)
language sql
stable
security definer
set search_path = ''
as $$
  select created_at, result from public.classification_results
  where assessment_id = p_assessment_id and kind = 'projection'
  order by created_at desc
  limit 1;
$$;
comment on function private.latest_projection(uuid) is
  'The newest readiness projection of an assessment (none before its first upload).';

create function private.projection_pending(p_assessment_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.jobs
                 where assessment_id = p_assessment_id and result_kind = 'projection'
                   and status in ('queued', 'running'));
$$;
comment on function private.projection_pending(uuid) is
  'Whether a newer readiness projection is still being computed (uploads or deletions since the newest).';

create function private.leaf_completeness(p_assessment_id uuid)
returns table (leaf_id uuid, complete boolean, missing_slots text[], satisfied_option text)
language sql
stable
security definer
set search_path = ''
as $$
  -- Completeness is the classifier's rule (sglgb.md 5.1): it is read from the newest stored
  -- projection, never derived again here. It follows from which upload slots have a live file
  -- only; the rest of a projection (recommendations, decisions, verdicts) is not read.
  select leaf.id, (projected -> 'completeness' ->> 'complete')::boolean,
         array(select jsonb_array_elements_text(projected -> 'completeness' -> 'missingSlots')),
         projected -> 'completeness' ->> 'satisfiedOption'
  from private.latest_projection(p_assessment_id) as latest
  cross join jsonb_array_elements(latest.result -> 'leaves') as projected
  join public.assessments a on a.id = p_assessment_id
  join public.indicators leaf on leaf.cycle_id = a.cycle_id and leaf.code = projected ->> 'code';
$$;
comment on function private.leaf_completeness(uuid) is
  'Per leaf, as the newest readiness projection found it: whether every required upload slot has a live MOV, the missing slots and the option group satisfied. No rows before the first projection.';

create function private.incomplete_leaves(p_assessment_id uuid, p_area_code smallint)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  -- A scored leaf of the area is listed unless the newest projection found it complete, so before
  -- the first projection all are. Uploads and deletions queue a new projection; while one is
  -- queued or running (pending), the list may be out of date.
  select jsonb_build_object(
    'leaves', coalesce(jsonb_agg(leaf.code order by leaf.sort_order)
                         filter (where not coalesce(projected.complete, false)), '[]'),
    'asOf', (select created_at from private.latest_projection(p_assessment_id)),
    'pending', private.projection_pending(p_assessment_id))
  from public.assessments a
  join public.indicators leaf on leaf.cycle_id = a.cycle_id and leaf.parent_id is not null
  left join private.leaf_completeness(p_assessment_id) as projected on projected.leaf_id = leaf.id
  where a.id = p_assessment_id and leaf.area_code = p_area_code and not leaf.is_profiling_only;
$$;
comment on function private.incomplete_leaves(uuid, smallint) is
  'Scored leaves of an area that the newest readiness projection does not find complete (missing MOVs), with the time of that projection (asOf) and whether a newer one is still being computed (pending); a warning at submission, never a block.';

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
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{blgu}', 'submit an area');
  v_area public.assessment_areas := private.lock_area(p_assessment_id, p_area_code);
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
  'Barangay: submits (or resubmits after rework) one governance area for the assessor. Incomplete leaves do not block; they are returned in incompleteLeaves, as found by the newest readiness projection (incompleteAsOf; null before the first one), and incompletePending when uploads or deletions since are still being classified. When all six areas are submitted the assessment becomes submitted (or, when reopened, returns to the stage it left). Errors: 42501, VA001, VA005, VA007, VA008.';

-- 2. The assessor approves an area ------------------------------------------------------------------

create function public.approve_area(p_assessment_id uuid, p_area_code smallint)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{assessor}', 'approve an area');
begin
  perform private.lock_area_under_review(v_assessment, p_area_code, 'approve an area', 'approve');

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

-- 3. The assessor sends an area back for rework (once) ----------------------------------------------

create function public.request_rework(p_assessment_id uuid, p_area_code smallint, p_comment text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{assessor}', 'request a rework');
  v_area public.assessment_areas;
  v_comment text;
  v_unexplained text;
begin
  v_area := private.lock_area_under_review(v_assessment, p_area_code, 'request a rework', 'send back for rework');
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
  v_role public.app_role := private.require_role('{assessor,validator}', 'flag a file');
begin
  select * into v_mov from public.mov_files where id = p_mov_id;
  if not found or v_mov.deleted_at is not null then
    raise exception 'File % does not exist or was removed by the barangay', p_mov_id
      using errcode = 'VA007', hint = 'Reload the files of the sub-indicator.';
  end if;
  v_assessment := private.lock_assessment(v_mov.assessment_id, '{assessor,validator}', 'flag a file');
  if v_role = 'assessor' then
    perform private.lock_area_under_review(v_assessment, v_mov.area_code, 'flag a file as assessor', 'flag files of');
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
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo,assessor,validator}', 'write a review comment');
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

-- Answers, checklist values and decisions (optimistic concurrency) ----------------------------------

create function private.stale_version(p_what text, p_expected integer, p_current integer)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception '% changed since you loaded it (your version %, current version %)', p_what, p_expected, p_current
    using errcode = 'VA004', hint = 'Reload it, re-apply your change, and save again; nothing was overwritten.';
end;
$$;
comment on function private.stale_version(text, integer, integer) is 'Refuses (VA004) a write based on a version that is no longer current.';

create function private.lock_review(p_assessment_id uuid, p_leaf public.indicators, p_expected_version integer)
returns public.reviews
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_review public.reviews;
begin
  insert into public.reviews (assessment_id, leaf_id, area_code, version)
  values (p_assessment_id, p_leaf.id, p_leaf.area_code, 0)
  on conflict (assessment_id, leaf_id) do nothing;
  select * into v_review from public.reviews where assessment_id = p_assessment_id and leaf_id = p_leaf.id for update;
  if p_expected_version is not null and v_review.version <> p_expected_version then
    perform private.stale_version('The review of ' || p_leaf.code, p_expected_version, v_review.version);
  end if;
  return v_review;
end;
$$;
comment on function private.lock_review(uuid, public.indicators, integer) is
  'Loads and locks the review row of a leaf (created at version 0 when none exists), refusing (VA004) a stale expected version.';

-- Checklist values: what the barangay answers and the assessor ticks, by item kind ----------------

create function private.longest_item_text()
returns integer
language sql
immutable
set search_path = ''
as $$
  select 2000;
$$;
comment on function private.longest_item_text() is
  'The most characters a text answer or checklist value may have (about a page).';

create function private.is_iso_date(p_text text)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_year integer;
  v_month integer;
  v_day integer;
begin
  if p_text !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$' then
    return false;
  end if;
  v_year := substr(p_text, 1, 4)::integer;
  v_month := substr(p_text, 6, 2)::integer;
  v_day := substr(p_text, 9, 2)::integer;
  if v_year < 100 or v_month not between 1 and 12 or v_day < 1 then
    return false;
  end if;
  return v_day <= extract(day from make_date(v_year, v_month, 1) + interval '1 month - 1 day');
end;
$$;
comment on function private.is_iso_date(text) is
  'The classifier''s date rule: YYYY-MM-DD naming a real day from year 100 on, optionally with a time of day (hours 00-23, minutes and seconds 00-59) and an offset (Z or +/-HH:MM).';

create function private.item_value_fits(p_type public.checklist_item_type, p_value jsonb)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  case jsonb_typeof(p_value)
    when 'null' then
      return true;
    when 'boolean' then
      return p_type in ('checkbox', 'assessment_field', 'info_text', 'section_header');
    when 'number' then
      -- A number beyond a float64 would reach the classifier as Infinity.
      if abs(p_value::numeric) > 1.7976931348623157e308 then
        return false;
      end if;
      if p_type = 'document_count' then
        return p_value::numeric >= 0 and p_value::numeric = trunc(p_value::numeric);
      end if;
      return p_type in ('calculation_field', 'info_text', 'section_header');
    when 'string' then
      if length(p_value #>> '{}') > private.longest_item_text() then
        return false;
      end if;
      if p_type = 'assessment_field' then
        return p_value #>> '{}' in ('yes', 'no');
      elsif p_type = 'date_input' then
        return private.is_iso_date(p_value #>> '{}');
      end if;
      return p_type in ('info_text', 'section_header');
    else
      return false;
  end case;
end;
$$;
comment on function private.item_value_fits(public.checklist_item_type, jsonb) is
  'Whether a value suits a checklist item of this kind, as the classifier reads it: a box true or false, a YES/NO field "yes", "no" or a boolean, a document count a whole number from 0, a date an ISO date, an amount a number, a note text (within longest_item_text), a number or a boolean; null is always allowed.';

create function private.item_value_expected(p_type public.checklist_item_type)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_type
    when 'checkbox' then 'true or false'
    when 'assessment_field' then '"yes", "no", true or false'
    when 'document_count' then 'a whole number, 0 or more'
    when 'date_input' then 'a date such as 2024-03-31, or with a time such as 2024-03-31T17:00+08:00'
    when 'calculation_field' then 'a number'
    else format('a text of at most %s characters, a number, true or false', private.longest_item_text())
  end;
$$;
comment on function private.item_value_expected(public.checklist_item_type) is
  'How an error message says what an item of this kind expects.';

create function private.require_item_values(p_leaf public.indicators, p_values jsonb, p_what text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_unknown text;
  v_misfit record;
begin
  if p_values is null or jsonb_typeof(p_values) <> 'object' then
    raise exception '% must be a JSON object keyed by checklist item', p_what
      using errcode = 'VA008', hint = 'Send {"item_key": value, ...} with the item keys of the sub-indicator.';
  end if;
  select string_agg(key, ', ' order by key) into v_unknown
  from jsonb_object_keys(p_values) as key
  where not exists (select 1 from public.checklist_items i where i.indicator_id = p_leaf.id and i.item_key = key);
  if v_unknown is not null then
    raise exception 'Sub-indicator % has no checklist item %', p_leaf.code, v_unknown
      using errcode = 'VA008', hint = 'Use the item_key values of the sub-indicator''s checklist items; nothing was saved.';
  end if;
  select i.item_key, i.label, i.item_type into v_misfit
  from public.checklist_items i
  where i.indicator_id = p_leaf.id and p_values ? i.item_key
    and not private.item_value_fits(i.item_type, p_values -> i.item_key)
  order by i.sort_order
  limit 1;
  if found then
    raise exception 'Sub-indicator %, "%" (%): expected %', p_leaf.code, v_misfit.label, v_misfit.item_key,
                    private.item_value_expected(v_misfit.item_type)
      using errcode = 'VA008', hint = 'Correct this value and save again; nothing was saved.';
  end if;
end;
$$;
comment on function private.require_item_values(public.indicators, jsonb, text) is
  'Refuses (VA008) answers or checklist values that are not an object of the leaf''s item keys with values of each item''s kind (item_value_fits), naming the first unknown key or misfit item.';

create function public.save_answers(
  p_assessment_id uuid, p_leaf_id uuid, p_answers jsonb, p_expected_version integer
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{blgu}', 'save answers');
  v_leaf public.indicators := private.assessment_leaf(v_assessment, p_leaf_id);
  v_response public.responses;
begin
  perform private.require_unlocked(v_assessment);
  if not private.barangay_can_edit_leaf(p_assessment_id, p_leaf_id) then
    raise exception 'Sub-indicator % cannot be changed now (assessment %)', v_leaf.code, replace(v_assessment.status::text, '_', ' ')
      using errcode = 'VA001',
            hint = 'Answers can be changed while the area is in draft or rework, or when the sub-indicator is named in an open calibration.';
  end if;
  perform private.require_item_values(v_leaf, p_answers, 'Answers');

  select * into v_response from public.responses where assessment_id = p_assessment_id and leaf_id = p_leaf_id for update;
  if not found then
    if p_expected_version is distinct from 0 then
      perform private.stale_version('The answers of ' || v_leaf.code, p_expected_version, 0);
    end if;
    insert into public.responses (assessment_id, leaf_id, area_code, answers, updated_by)
    values (p_assessment_id, p_leaf_id, v_leaf.area_code, p_answers, (select auth.uid()))
    returning * into v_response;
  elsif v_response.version is distinct from p_expected_version then
    perform private.stale_version('The answers of ' || v_leaf.code, p_expected_version, v_response.version);
  else
    update public.responses
    set answers = p_answers, version = version + 1, updated_at = now(), updated_by = (select auth.uid())
    where id = v_response.id
    returning * into v_response;
  end if;
  return v_response.version;
end;
$$;
comment on function public.save_answers(uuid, uuid, jsonb, integer) is
  'Barangay: saves the answers of one sub-indicator (autosave), an object keyed by its checklist items'' item_key with a value of each item''s kind (true/false, "yes"/"no", whole counts, ISO dates, numbers, text up to 2000 characters; null for no answer); anything else is refused with VA008 naming the item. p_expected_version is the version you loaded (0 when there were no answers yet); a stale version is refused with VA004 and nothing is overwritten. Returns the new version. Errors: 42501, VA001, VA004, VA005, VA007, VA008.';

create function public.save_checklist(
  p_assessment_id uuid, p_leaf_id uuid, p_checklist jsonb, p_expected_version integer
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{assessor}', 'tick checklist items');
  v_leaf public.indicators := private.assessment_leaf(v_assessment, p_leaf_id);
  v_review public.reviews;
begin
  perform private.lock_area_under_review(v_assessment, v_leaf.area_code, 'tick checklist items', 'tick checklist items of');
  perform private.require_item_values(v_leaf, p_checklist, 'Checklist values');

  v_review := private.lock_review(p_assessment_id, v_leaf, coalesce(p_expected_version, -1));
  update public.reviews
  set checklist = p_checklist, checklist_by = (select auth.uid()), checklist_at = now(),
      version = version + 1, updated_at = now()
  where id = v_review.id
  returning * into v_review;
  return v_review.version;
end;
$$;
comment on function public.save_checklist(uuid, uuid, jsonb, integer) is
  'Assessor of the area: saves the checklist values of one sub-indicator while its area is submitted, checked like the barangay''s answers (VA008 names a misfit item). p_expected_version is the review version you loaded (0 when none); stale versions are refused with VA004. Returns the new version. Errors: 42501, VA001, VA004, VA007, VA008.';

create function public.decide_leaf(
  p_assessment_id uuid, p_leaf_id uuid, p_decision public.leaf_decision, p_expected_version integer,
  p_remarks text default null
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{validator}', 'decide a sub-indicator');
  v_leaf public.indicators := private.assessment_leaf(v_assessment, p_leaf_id);
  v_review public.reviews;
  v_previous public.leaf_decision;
begin
  perform private.require_status(v_assessment, '{awaiting_validation}', 'decide a sub-indicator');
  if p_decision is null then
    raise exception 'A decision is required'
      using errcode = 'VA008', hint = 'Decide met, unmet or considered.';
  end if;
  if p_decision = 'considered' and not v_leaf.has_consideration_rule then
    raise exception 'Sub-indicator % has no consideration rule; decide met or unmet', v_leaf.code
      using errcode = 'VA008', hint = 'Considered is allowed only where the technical notes give a consideration.';
  end if;

  v_review := private.lock_review(p_assessment_id, v_leaf, coalesce(p_expected_version, -1));
  v_previous := v_review.decision;
  update public.reviews
  set decision = p_decision, decision_remarks = nullif(trim(p_remarks), ''), decided_by = (select auth.uid()),
      decided_at = now(), version = version + 1, updated_at = now()
  where id = v_review.id
  returning * into v_review;
  perform private.record_event(p_assessment_id, 'leaf_decided', v_previous::text, p_decision::text,
                               nullif(trim(p_remarks), ''), v_leaf.area_code, p_leaf_id, p_visible_to_barangay => false);
  return v_review.version;
end;
$$;
comment on function public.decide_leaf(uuid, uuid, public.leaf_decision, integer, text) is
  'Validator: decides met, unmet or considered (only where the sub-indicator has a consideration rule) while the assessment awaits validation. p_expected_version is the review version you loaded (0 when none); stale versions are refused with VA004. Returns the new version. Errors: 42501, VA001, VA004, VA007, VA008.';

-- 5 and 6. Calibration: the validator sends named leaves back, once per area ----------------------

create function public.request_calibration(p_assessment_id uuid, p_leaf_ids uuid[])
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{validator}', 'request a calibration');
  v_area_codes smallint[];
  v_leaf_codes text[];
  v_used text;
  v_due timestamptz;
  v_leaf public.indicators;
begin
  perform private.require_status(v_assessment, '{awaiting_validation}', 'request a calibration');
  select array_agg(distinct area_code order by area_code), array_agg(code order by sort_order), array_agg(id)
    into v_area_codes, v_leaf_codes, p_leaf_ids
  from private.assessment_leaves(v_assessment, p_leaf_ids);
  perform 1 from public.assessment_areas
  where assessment_id = p_assessment_id and area_code = any (v_area_codes) order by area_code for update;
  select string_agg(area_code::text, ', ' order by area_code) into v_used from public.assessment_areas
  where assessment_id = p_assessment_id and area_code = any (v_area_codes) and calibration_used;
  if v_used is not null then
    raise exception 'Area % has already used its one calibration', v_used
      using errcode = 'VA002', hint = 'Name only sub-indicators of areas not calibrated yet, or decide them as they are.';
  end if;
  perform private.require_leaf_comments(v_assessment, p_leaf_ids, 'awaiting_validation');

  v_due := now() + make_interval(days => (select calibration_window_days from public.cycles where id = v_assessment.cycle_id));
  update public.assessment_areas
  set calibration_used = true, calibration_requested_at = now(), calibration_requested_by = (select auth.uid()),
      calibration_due_at = v_due
  where assessment_id = p_assessment_id and area_code = any (v_area_codes);
  for v_leaf in select * from public.indicators where id = any (p_leaf_ids) loop
    perform private.lock_review(p_assessment_id, v_leaf, null);
  end loop;
  update public.reviews set flagged_for_calibration = true, version = version + 1, updated_at = now()
  where assessment_id = p_assessment_id and leaf_id = any (p_leaf_ids);

  v_assessment := private.move_assessment(v_assessment, 'calibration', 'calibration_requested',
    p_details => jsonb_build_object('leafCodes', to_jsonb(v_leaf_codes), 'areaCodes', to_jsonb(v_area_codes), 'dueAt', v_due));
  perform private.notify_role('blgu', p_assessment_id, 'calibration_requested', 'Calibration requested',
    format('The validator asks you to look again at %s (see the comments). Answer by %s.',
           array_to_string(v_leaf_codes, ', '), private.manila_time(v_due)),
    jsonb_build_object('leafCodes', to_jsonb(v_leaf_codes), 'dueAt', v_due));
  return v_assessment;
end;
$$;
comment on function public.request_calibration(uuid, uuid[]) is
  'Validator: sends the named sub-indicators back to the barangay (once per area), each needing a public comment written during validation; the barangay answers within the cycle''s calibration window. Errors: 42501, VA001, VA002, VA003, VA007, VA008.';

create function public.submit_calibration(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{blgu}', 'submit a calibration');
  v_validator uuid;
begin
  perform private.require_unlocked(v_assessment);
  perform private.require_status(v_assessment, '{calibration}', 'submit a calibration');
  update public.reviews set flagged_for_calibration = false, version = version + 1, updated_at = now()
  where assessment_id = p_assessment_id and flagged_for_calibration;
  v_assessment := private.move_assessment(v_assessment, 'awaiting_validation', 'calibration_submitted');
  for v_validator in
    select distinct calibration_requested_by from public.assessment_areas
    where assessment_id = p_assessment_id and calibration_requested_by is not null
  loop
    perform private.notify(v_validator, p_assessment_id, 'calibration_submitted', 'Calibration answered',
      private.barangay_name(p_assessment_id) || ' answered the calibration; the assessment awaits your validation.');
  end loop;
  return v_assessment;
end;
$$;
comment on function public.submit_calibration(uuid) is
  'Barangay: returns an answered calibration to the validator who requested it (not to the assessor). Errors: 42501, VA001, VA005, VA007.';

-- 7. The validator finalizes -------------------------------------------------------------------------

create function public.finalize_validation(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{validator}', 'finalize a validation');
  v_undecided text;
begin
  perform private.require_status(v_assessment, '{awaiting_validation}', 'finalize the validation');
  select string_agg(leaf.code, ', ' order by leaf.sort_order) into v_undecided
  from public.indicators leaf
  left join public.reviews r on r.assessment_id = p_assessment_id and r.leaf_id = leaf.id
  where leaf.cycle_id = v_assessment.cycle_id and leaf.parent_id is not null and not leaf.is_profiling_only
    and r.decision is null;
  if v_undecided is not null then
    raise exception 'Sub-indicators without a decision: %', v_undecided
      using errcode = 'VA006', hint = 'Decide met, unmet or considered on every scored sub-indicator, then finalize.';
  end if;

  update public.assessments set validated_at = now(), validated_by = (select auth.uid()) where id = p_assessment_id;
  v_assessment := private.move_assessment(v_assessment, 'awaiting_approval', 'validation_finalized');
  perform private.enqueue_classification(p_assessment_id, 'official');
  perform private.notify_role('mlgoo', p_assessment_id, 'awaiting_approval', 'Assessment awaiting approval',
    private.barangay_name(p_assessment_id) || ' was validated and awaits your approval.');
  return v_assessment;
end;
$$;
comment on function public.finalize_validation(uuid) is
  'Validator: ends validation once every scored sub-indicator has a decision; the assessment awaits the MLGOO''s approval and the official classification is queued. Errors: 42501, VA001, VA006, VA007.';

-- 8 and 9. The MLGOO approves, or overrides a decision before approving ---------------------------

create function public.approve_assessment(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo}', 'approve an assessment');
begin
  perform private.require_status(v_assessment, '{awaiting_approval}', 'approve the assessment');
  update public.assessments set approved_at = now(), approved_by = (select auth.uid()) where id = p_assessment_id;
  v_assessment := private.move_assessment(v_assessment, 'completed', 'assessment_approved');
  perform private.enqueue_classification(p_assessment_id, 'official');
  perform private.notify_role('blgu', p_assessment_id, 'assessment_completed', 'Assessment completed',
    'The MLGOO approved your assessment. Your results and recommendations are now available.');
  perform private.notify(v_assessment.validated_by, p_assessment_id, 'assessment_completed', 'Assessment approved',
    private.barangay_name(p_assessment_id) || ' was approved by the MLGOO.');
  return v_assessment;
end;
$$;
comment on function public.approve_assessment(uuid) is
  'MLGOO: approves an assessment awaiting approval; it is completed, the official classification is queued and the barangay can see its results. Errors: 42501, VA001, VA007.';

create function public.override_decision(
  p_assessment_id uuid, p_indicator_id uuid, p_decision public.leaf_decision, p_reason text
)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo}', 'override a decision');
  v_indicator public.indicators;
  v_reason text;
  v_previous text;
begin
  perform private.require_status(v_assessment, '{awaiting_approval}', 'override a decision');
  select * into v_indicator from public.indicators where id = p_indicator_id and cycle_id = v_assessment.cycle_id;
  if not found then
    raise exception 'Indicator % is not part of this assessment''s cycle', p_indicator_id
      using errcode = 'VA008', hint = 'Use the id of an indicator (1.1) or sub-indicator (1.1.1) of the cycle.';
  end if;
  if p_decision is null
     or (p_decision = 'considered' and (v_indicator.parent_id is null or not v_indicator.has_consideration_rule)) then
    raise exception 'Indicator % cannot be decided %', v_indicator.code, coalesce(p_decision::text, 'without a decision')
      using errcode = 'VA008', hint = 'Decide met or unmet; considered only on a sub-indicator with a consideration rule.';
  end if;
  if not exists (
    select 1 from public.indicators leaf join public.indicators parent on parent.id = leaf.parent_id
    where (leaf.id = v_indicator.id or leaf.parent_id = v_indicator.id)
      and not leaf.is_profiling_only and not parent.is_profiling_only
  ) then
    raise exception 'Indicator % is profiling-only: it is collected but never scored, so it cannot be decided', v_indicator.code
      using errcode = 'VA008', hint = 'Override a scored indicator or sub-indicator; profiling-only ones (such as 4.9) never change the result.';
  end if;
  v_reason := private.require_text(p_reason, 'A reason for the override');

  if v_indicator.parent_id is not null then
    select coalesce(override_decision, decision)::text into v_previous from private.lock_review(p_assessment_id, v_indicator, null);
    update public.reviews
    set override_decision = p_decision, override_reason = v_reason, overridden_by = (select auth.uid()),
        overridden_at = now(), version = version + 1, updated_at = now()
    where assessment_id = p_assessment_id and leaf_id = p_indicator_id;
  else
    select decision::text into v_previous from public.indicator_overrides
    where assessment_id = p_assessment_id and indicator_id = p_indicator_id;
    insert into public.indicator_overrides (assessment_id, indicator_id, area_code, decision, reason, overridden_by)
    values (p_assessment_id, p_indicator_id, v_indicator.area_code, p_decision, v_reason, (select auth.uid()))
    on conflict (assessment_id, indicator_id) do update
      set decision = excluded.decision, reason = excluded.reason, overridden_by = excluded.overridden_by, overridden_at = now();
  end if;

  perform private.record_event(p_assessment_id, 'decision_overridden', v_previous, p_decision::text, v_reason,
                               v_indicator.area_code, v_indicator.id,
                               jsonb_build_object('indicatorCode', v_indicator.code), p_visible_to_barangay => false);
  perform private.enqueue_classification(p_assessment_id, 'official');
  perform private.notify(v_assessment.validated_by, p_assessment_id, 'decision_overridden', 'Decision overridden',
    format('The MLGOO decided %s %s on %s: %s', v_indicator.code, p_decision, private.barangay_name(p_assessment_id), v_reason),
    jsonb_build_object('indicatorCode', v_indicator.code));
  return private.bump_version(p_assessment_id);
end;
$$;
comment on function public.override_decision(uuid, uuid, public.leaf_decision, text) is
  'MLGOO, while awaiting approval: overrides the decision on a scored sub-indicator, or decides a parent indicator with scored sub-indicators met or unmet, with a required reason (profiling-only ones are refused with VA008); the official classification is queued again. Errors: 42501, VA001, VA003, VA007, VA008.';

-- 10. Recalibration: the MLGOO sends named leaves back, once per assessment -----------------------

create function public.request_recalibration(p_assessment_id uuid, p_leaf_ids uuid[])
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo}', 'request a recalibration');
  v_leaf_codes text[];
  v_leaf public.indicators;
begin
  perform private.require_status(v_assessment, '{awaiting_approval,completed}', 'request a recalibration');
  if v_assessment.recalibration_used then
    raise exception 'This assessment has already used its one recalibration'
      using errcode = 'VA002', hint = 'Reopen the assessment instead if more changes are needed.';
  end if;
  select array_agg(code order by sort_order), array_agg(id) into v_leaf_codes, p_leaf_ids
  from private.assessment_leaves(v_assessment, p_leaf_ids);
  perform private.require_leaf_comments(v_assessment, p_leaf_ids, v_assessment.status);

  for v_leaf in select * from public.indicators where id = any (p_leaf_ids) loop
    perform private.lock_review(p_assessment_id, v_leaf, null);
  end loop;
  update public.reviews set flagged_for_recalibration = true, version = version + 1, updated_at = now()
  where assessment_id = p_assessment_id and leaf_id = any (p_leaf_ids);
  update public.assessments set recalibration_used = true where id = p_assessment_id;
  v_assessment := private.move_assessment(v_assessment, 'recalibration', 'recalibration_requested',
    p_details => jsonb_build_object('leafCodes', to_jsonb(v_leaf_codes)));
  perform private.notify_role('blgu', p_assessment_id, 'recalibration_requested', 'Recalibration requested',
    format('The MLGOO asks you to look again at %s (see the comments).', array_to_string(v_leaf_codes, ', ')),
    jsonb_build_object('leafCodes', to_jsonb(v_leaf_codes)));
  return v_assessment;
end;
$$;
comment on function public.request_recalibration(uuid, uuid[]) is
  'MLGOO, awaiting approval or completed: sends the named sub-indicators (each with a public comment written in this stage) back to the barangay, once per assessment; the answer comes back to the MLGOO. Errors: 42501, VA001, VA002, VA003, VA007, VA008.';

create function public.submit_recalibration(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{blgu}', 'submit a recalibration');
begin
  perform private.require_unlocked(v_assessment);
  perform private.require_status(v_assessment, '{recalibration}', 'submit a recalibration');
  update public.reviews set flagged_for_recalibration = false, version = version + 1, updated_at = now()
  where assessment_id = p_assessment_id and flagged_for_recalibration;
  v_assessment := private.move_assessment(v_assessment, 'awaiting_approval', 'recalibration_submitted');
  perform private.notify_role('mlgoo', p_assessment_id, 'recalibration_submitted', 'Recalibration answered',
    private.barangay_name(p_assessment_id) || ' answered the recalibration; the assessment awaits your approval.');
  return v_assessment;
end;
$$;
comment on function public.submit_recalibration(uuid) is
  'Barangay: returns an answered recalibration to the MLGOO (the assessment awaits approval again). Errors: 42501, VA001, VA005, VA007.';

-- 11. The MLGOO reopens an assessment under review ---------------------------------------------------

create function public.reopen_assessment(p_assessment_id uuid, p_reason text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo}', 'reopen an assessment');
  v_reason text;
  v_resume public.assessment_status;
  v_grace timestamptz;
begin
  perform private.require_status(v_assessment,
    '{submitted,awaiting_validation,calibration,awaiting_approval,recalibration,completed}', 'reopen the assessment');
  v_reason := private.require_text(p_reason, 'A reason for reopening');
  -- An open calibration or recalibration ends with the reopening; a completed assessment returns for approval.
  v_resume := case v_assessment.status
    when 'calibration' then 'awaiting_validation'
    when 'recalibration' then 'awaiting_approval'
    when 'completed' then 'awaiting_approval'
    else v_assessment.status end;
  v_grace := now() + make_interval(days => (select unlock_grace_days from public.cycles where id = v_assessment.cycle_id));

  update public.assessment_areas set status = 'draft' where assessment_id = p_assessment_id;
  update public.reviews set flagged_for_calibration = false, flagged_for_recalibration = false,
                            version = version + 1, updated_at = now()
  where assessment_id = p_assessment_id and (flagged_for_calibration or flagged_for_recalibration);
  update public.assessments
  set resume_status = v_resume, reopened_at = now(), reopened_by = (select auth.uid()), reopen_reason = v_reason,
      is_locked = false, locked_at = null, lock_reason = null, grace_until = v_grace
  where id = p_assessment_id;
  v_assessment := private.move_assessment(v_assessment, 'reopened', 'assessment_reopened', v_reason,
    jsonb_build_object('resumeStatus', v_resume, 'graceUntil', v_grace));
  perform private.notify_role('blgu', p_assessment_id, 'assessment_reopened', 'Assessment reopened',
    v_reason || format(' Update your answers and resubmit every area by %s.', private.manila_time(v_grace)),
    jsonb_build_object('graceUntil', v_grace));
  return v_assessment;
end;
$$;
comment on function public.reopen_assessment(uuid, text) is
  'MLGOO: reopens an assessment in any review state with a required reason. Areas go back to draft (rework and calibration allowances stay used); the barangay gets the unlock grace period, and resubmitting all six areas returns the assessment to the stage it left. Errors: 42501, VA001, VA003, VA007.';

-- 12. Locks, unlocks and deadline extensions ---------------------------------------------------------

create function public.lock_assessment(p_assessment_id uuid, p_reason text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo}', 'lock an assessment');
  v_reason text;
begin
  if v_assessment.is_locked then
    raise exception 'The assessment is already locked'
      using errcode = 'VA001', hint = 'Reload the assessment.';
  end if;
  v_reason := private.require_text(p_reason, 'A reason for the lock');
  update public.assessments set is_locked = true, locked_at = now(), lock_reason = v_reason, grace_until = null
  where id = p_assessment_id;
  perform private.record_event(p_assessment_id, 'assessment_locked', 'unlocked', 'locked', v_reason);
  perform private.notify_role('blgu', p_assessment_id, 'assessment_locked', 'Assessment locked',
    v_reason || ' You cannot change answers or files until the MLGOO unlocks it.');
  return private.bump_version(p_assessment_id);
end;
$$;
comment on function public.lock_assessment(uuid, text) is
  'MLGOO: locks an assessment, blocking every barangay write (never submitting anything). Errors: 42501, VA001, VA003, VA007.';

create function public.unlock_assessment(p_assessment_id uuid, p_reason text default null)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo}', 'unlock an assessment');
  v_grace timestamptz;
begin
  if not v_assessment.is_locked then
    raise exception 'The assessment is not locked'
      using errcode = 'VA001', hint = 'Reload the assessment.';
  end if;
  v_grace := now() + make_interval(days => (select unlock_grace_days from public.cycles where id = v_assessment.cycle_id));
  update public.assessments set is_locked = false, locked_at = null, lock_reason = null, grace_until = v_grace
  where id = p_assessment_id;
  perform private.record_event(p_assessment_id, 'assessment_unlocked', 'locked', 'unlocked', nullif(trim(p_reason), ''),
                               p_details => jsonb_build_object('graceUntil', v_grace));
  perform private.notify_role('blgu', p_assessment_id, 'assessment_unlocked', 'Assessment unlocked',
    format('You can edit again until %s.', private.manila_time(v_grace)),
    jsonb_build_object('graceUntil', v_grace));
  return private.bump_version(p_assessment_id);
end;
$$;
comment on function public.unlock_assessment(uuid, text) is
  'MLGOO: unlocks an assessment for the cycle''s grace period (unlock_grace_days), after which the deadline lock applies again. Errors: 42501, VA001, VA007.';

create function public.extend_deadline(p_assessment_id uuid, p_until timestamptz, p_reason text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.lock_assessment(p_assessment_id, '{mlgoo}', 'extend a deadline');
  v_reason text;
begin
  perform private.require_status(v_assessment, '{draft,submitted,reopened,calibration,recalibration}', 'extend the deadline');
  v_reason := private.require_text(p_reason, 'A reason for the extension');
  if p_until is null or p_until <= now() then
    raise exception 'The extended deadline must be in the future'
      using errcode = 'VA008', hint = 'Pass the new deadline as a timestamp with time zone.';
  end if;
  update public.assessments
  set deadline_extended_until = p_until, extension_reason = v_reason,
      is_locked = false, locked_at = null, lock_reason = null
  where id = p_assessment_id;
  perform private.record_event(p_assessment_id, 'deadline_extended', v_assessment.deadline_extended_until::text, p_until::text,
                               v_reason, p_details => jsonb_build_object('wasLocked', v_assessment.is_locked));
  perform private.notify_role('blgu', p_assessment_id, 'deadline_extended', 'Deadline extended',
    format('Your submission deadline is now %s. %s', private.manila_time(p_until), v_reason),
    jsonb_build_object('deadline', p_until));
  return private.bump_version(p_assessment_id);
end;
$$;
comment on function public.extend_deadline(uuid, timestamptz, text) is
  'MLGOO: extends one assessment''s submission deadline with a required reason; a locked assessment is unlocked so the barangay can use the extension. Errors: 42501, VA001, VA003, VA007, VA008.';

-- Cycles: activation and publication ------------------------------------------------------------------

create function private.lock_cycle(p_cycle_id uuid, p_action text)
returns public.cycles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cycle public.cycles;
begin
  perform private.require_role('{mlgoo}', p_action);
  select * into v_cycle from public.cycles where id = p_cycle_id for update;
  if not found then
    raise exception 'Cycle % does not exist', p_cycle_id
      using errcode = 'VA007', hint = 'Reload the list of cycles.';
  end if;
  return v_cycle;
end;
$$;
comment on function private.lock_cycle(uuid, text) is 'Checks that the caller is the MLGOO and locks the cycle row.';

create function public.activate_cycle(p_cycle_id uuid)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cycle public.cycles := private.lock_cycle(p_cycle_id, 'activate a cycle');
  v_previous public.cycles;
  v_created integer;
begin
  for v_previous in
    update public.cycles set is_active = false where is_active and id <> p_cycle_id returning *
  loop
    perform private.record_event(null, 'cycle_deactivated', 'active', 'inactive',
                                 format('Cycle %s activated', v_cycle.year), p_cycle_id => v_previous.id);
  end loop;
  if not v_cycle.is_active then
    update public.cycles set is_active = true, activated_at = coalesce(activated_at, now()) where id = p_cycle_id;
    perform private.record_event(null, 'cycle_activated', 'inactive', 'active', p_cycle_id => p_cycle_id);
  end if;

  with created as (
    insert into public.assessments (cycle_id, barangay_id)
    select p_cycle_id, b.id from public.barangays b where b.is_active
    on conflict (cycle_id, barangay_id) do nothing
    returning id, barangay_id
  ),
  notified as (
    insert into public.notifications (recipient_id, assessment_id, kind, title, body, data)
    select p.id, created.id, 'cycle_opened', v_cycle.title || ' is open',
           coalesce('Submit every governance area by ' || private.manila_time(v_cycle.submission_deadline) || '.',
                    'You can now prepare your answers and files.'),
           jsonb_build_object('assessmentId', created.id, 'cycleId', p_cycle_id)
    from created join public.profiles p on p.barangay_id = created.barangay_id and p.role = 'blgu' and p.is_active
  )
  select count(*) into v_created from created;

  if v_created > 0 then
    perform private.record_event(null, 'assessments_created', p_details => jsonb_build_object('count', v_created),
                                 p_cycle_id => p_cycle_id);
  end if;
  return v_created;
end;
$$;
comment on function public.activate_cycle(uuid) is
  'MLGOO: makes the cycle the one active cycle (deactivating any other) and creates a draft assessment for every active barangay that has none yet; safe to repeat (returns how many were created). Errors: 42501, VA007.';

create function public.publish_cycle(p_cycle_id uuid)
returns public.cycles
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_cycle public.cycles := private.lock_cycle(p_cycle_id, 'publish a cycle');
begin
  if v_cycle.is_published then
    raise exception 'Cycle % is already published', v_cycle.year
      using errcode = 'VA001', hint = 'Nothing to do: katuparan already sees its aggregates.';
  end if;
  update public.cycles set is_published = true, published_at = now() where id = p_cycle_id returning * into v_cycle;
  perform private.record_event(null, 'cycle_published', 'unpublished', 'published', p_cycle_id => p_cycle_id);
  return v_cycle;
end;
$$;
comment on function public.publish_cycle(uuid) is
  'MLGOO: publishes a cycle, making its anonymized aggregates visible to katuparan. Errors: 42501, VA001, VA007.';

-- Grants: the workflow is callable by signed-in users only; each function checks the role itself ---

do $$
declare
  v_function regprocedure;
begin
  for v_function in
    select p.oid::regprocedure from pg_proc p
    where p.pronamespace = 'public'::regnamespace and p.proname in (
      'submit_area', 'approve_area', 'request_rework', 'flag_mov', 'add_comment', 'save_answers', 'save_checklist',
      'decide_leaf', 'request_calibration', 'submit_calibration', 'finalize_validation', 'approve_assessment',
      'override_decision', 'request_recalibration', 'submit_recalibration', 'reopen_assessment', 'lock_assessment',
      'unlock_assessment', 'extend_deadline', 'activate_cycle', 'publish_cycle')
  loop
    execute format('revoke all on function %s from public, anon', v_function);
    execute format('grant execute on function %s to authenticated', v_function);
  end loop;
end;
$$;
