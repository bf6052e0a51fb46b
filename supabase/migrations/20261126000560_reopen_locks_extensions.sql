-- Reopening, locks and extensions (sglgb.md section 4, steps 11 and 12): the MLGOO reopens an
-- assessment under review, locks or unlocks it, and extends one barangay's deadline.

-- 11. The MLGOO reopens an assessment under review ---------------------------------------------------

create function public.reopen_assessment(p_assessment_id uuid, p_reason text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo}', 'reopen an assessment');
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
revoke all on function public.reopen_assessment(uuid, text) from public, anon;
grant execute on function public.reopen_assessment(uuid, text) to authenticated;

-- 12. Locks, unlocks and deadline extensions ---------------------------------------------------------

create function public.lock_assessment(p_assessment_id uuid, p_reason text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo}', 'lock an assessment');
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
revoke all on function public.lock_assessment(uuid, text) from public, anon;
grant execute on function public.lock_assessment(uuid, text) to authenticated;

create function public.unlock_assessment(p_assessment_id uuid, p_reason text default null)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo}', 'unlock an assessment');
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
revoke all on function public.unlock_assessment(uuid, text) from public, anon;
grant execute on function public.unlock_assessment(uuid, text) to authenticated;

create function public.extend_deadline(p_assessment_id uuid, p_until timestamptz, p_reason text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{mlgoo}', 'extend a deadline');
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
revoke all on function public.extend_deadline(uuid, timestamptz, text) from public, anon;
grant execute on function public.extend_deadline(uuid, timestamptz, text) to authenticated;
