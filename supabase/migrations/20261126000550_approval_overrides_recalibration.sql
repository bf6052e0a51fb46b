-- Approval, overrides and recalibration (sglgb.md section 4, steps 8 to 10): the MLGOO approves,
-- overrides a decision before approving, or sends named leaves back once per assessment.

-- 8 and 9. The MLGOO approves, or overrides a decision before approving ---------------------------

create function public.approve_assessment(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo}', 'approve an assessment');
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
revoke all on function public.approve_assessment(uuid) from public, anon;
grant execute on function public.approve_assessment(uuid) to authenticated;

create function public.override_decision(
  p_assessment_id uuid, p_indicator_id uuid, p_decision public.leaf_decision, p_reason text
)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo}', 'override a decision');
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
    select coalesce(override_decision, decision)::text into v_previous from private.review_for_update(p_assessment_id, v_indicator, null);
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
revoke all on function public.override_decision(uuid, uuid, public.leaf_decision, text) from public, anon;
grant execute on function public.override_decision(uuid, uuid, public.leaf_decision, text) to authenticated;

-- 10. Recalibration: the MLGOO sends named leaves back, once per assessment -----------------------

create function public.request_recalibration(p_assessment_id uuid, p_leaf_ids uuid[])
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo}', 'request a recalibration');
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
    perform private.review_for_update(p_assessment_id, v_leaf, null);
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
revoke all on function public.request_recalibration(uuid, uuid[]) from public, anon;
grant execute on function public.request_recalibration(uuid, uuid[]) to authenticated;

create function public.submit_recalibration(p_assessment_id uuid)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{blgu}', 'submit a recalibration');
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
revoke all on function public.submit_recalibration(uuid) from public, anon;
grant execute on function public.submit_recalibration(uuid) to authenticated;
