-- Validation and calibration (sglgb.md section 4, steps 5 to 7): the validator sends named leaves back
-- to the barangay once per area, and finalizes once every scored leaf is decided.

-- 5 and 6. Calibration: the validator sends named leaves back, once per area ----------------------

create function public.request_calibration(p_assessment_id uuid, p_leaf_ids uuid[])
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{validator}', 'request a calibration');
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
    perform private.review_for_update(p_assessment_id, v_leaf, null);
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
revoke all on function public.request_calibration(uuid, uuid[]) from public, anon;
grant execute on function public.request_calibration(uuid, uuid[]) to authenticated;

create function public.submit_calibration(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{blgu}', 'submit a calibration');
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
revoke all on function public.submit_calibration(uuid) from public, anon;
grant execute on function public.submit_calibration(uuid) to authenticated;

-- 7. The validator finalizes -------------------------------------------------------------------------

create function public.finalize_validation(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{validator}', 'finalize a validation');
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
revoke all on function public.finalize_validation(uuid) from public, anon;
grant execute on function public.finalize_validation(uuid) to authenticated;
