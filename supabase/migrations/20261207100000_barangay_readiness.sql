-- Readiness for the barangay: what is still missing, computed only from the barangay's own answers
-- and files. The classify function classifies them as a result of their own (kind readiness, queued
-- by uploads, deletions and save_answers), whose input holds no checklist value, decision or
-- override; this function passes on its completeness (which upload slots have a live MOV, sglgb.md
-- 5.1) and the quantitative requirements the answers fall short of (sglgb.md 5.2, as data with their
-- text in the reader's preferred language), read through private.leaf_readiness, and counts the
-- barangay's answered items.
-- It never returns a checklist value, a decision or a verdict.

create function private.percent(p_part numeric, p_whole numeric)
returns numeric
language sql
immutable
set search_path = ''
as $$
  select coalesce(round(100 * p_part / nullif(p_whole, 0), 1), 0);
$$;
comment on function private.percent(numeric, numeric) is 'A share in percent with one decimal, 0 of nothing.';

create function private.shortfalls_in(p_shortfalls jsonb, p_language public.ui_language)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  -- A stored readiness gives each shortfall its sentence per language (texts); the reader gets the
  -- one in its language, English where none is written in it.
  select case when p_shortfalls is not null then coalesce(
    (select jsonb_agg((s - 'texts') || jsonb_build_object('text', coalesce(s -> 'texts' ->> p_language::text, s -> 'texts' ->> 'en'))
                      order by n)
     from jsonb_array_elements(p_shortfalls) with ordinality as t(s, n)),
    '[]') end;
$$;
comment on function private.shortfalls_in(jsonb, public.ui_language) is
  'Shortfalls as a readiness stores them (texts: one sentence per language), each with the text in p_language, or in English where none is written in it; null stays null.';

create function public.barangay_readiness(p_assessment_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.require_role('{blgu,mlgoo,validator}', 'see a barangay''s readiness');
  v_assessment public.assessments;
  v_readiness jsonb;
  v_language public.ui_language := (select preferred_language from public.profiles where id = (select auth.uid()));
begin
  -- Validators see an assessment from validation on, as under RLS.
  select * into v_assessment from public.assessments
  where id = p_assessment_id and (v_role <> 'validator' or validation_started_at is not null);
  perform private.require_found_assessment(v_assessment, p_assessment_id, v_role);

  with leaves as (
    select leaf.id, leaf.code, leaf.area_code, leaf.sort_order,
           not (leaf.is_profiling_only or parent.is_profiling_only) as scored,
           projected.leaf_id is not null as known,
           coalesce(projected.complete, false) as complete,
           projected.satisfied_option,
           projected.shortfalls,
           (select coalesce(jsonb_agg(jsonb_build_object('slotKey', s.slot_key, 'label', s.label) order by s.sort_order), '[]')
            from public.upload_slots s
            where s.indicator_id = leaf.id and s.slot_key = any (projected.missing_slots)) as missing_slots,
           (select count(*) from public.checklist_items i
            where i.indicator_id = leaf.id and i.item_type not in ('info_text', 'section_header'))::integer as answerable_items,
           (select count(*) from public.checklist_items i
            where i.indicator_id = leaf.id and i.item_type not in ('info_text', 'section_header')
              and jsonb_typeof(r.answers -> i.item_key) <> 'null')::integer as answered_items
    from public.indicators leaf
    join public.indicators parent on parent.id = leaf.parent_id
    left join private.leaf_readiness(p_assessment_id) as projected on projected.leaf_id = leaf.id
    left join public.responses r on r.assessment_id = p_assessment_id and r.leaf_id = leaf.id
    where leaf.cycle_id = v_assessment.cycle_id
  ),
  areas as (
    select area_code,
           count(*) filter (where scored)::integer as scored_leaves,
           count(*) filter (where scored and complete)::integer as complete_leaves
    from leaves
    group by area_code
  )
  select jsonb_build_object(
    'assessmentId', p_assessment_id,
    'asOf', (select created_at from private.latest_readiness(p_assessment_id)),
    'pending', private.readiness_pending(p_assessment_id),
    'scoredLeaves', (select sum(scored_leaves) from areas),
    'completeLeaves', (select sum(complete_leaves) from areas),
    'readinessPercent', (select private.percent(sum(complete_leaves), sum(scored_leaves)) from areas),
    'areas', (select jsonb_agg(jsonb_build_object(
                'areaCode', area_code, 'scoredLeaves', scored_leaves, 'completeLeaves', complete_leaves,
                'readinessPercent', private.percent(complete_leaves, scored_leaves)) order by area_code)
              from areas),
    'leaves', (select jsonb_agg(jsonb_build_object(
                 'leafId', id, 'code', code, 'areaCode', area_code, 'scored', scored, 'complete', complete,
                 'missingSlots', case when known then missing_slots end, 'satisfiedOption', satisfied_option,
                 'shortfalls', private.shortfalls_in(shortfalls, v_language),
                 'answeredItems', answered_items, 'answerableItems', answerable_items) order by sort_order)
               from leaves))
  into v_readiness;
  return v_readiness;
end;
$$;
comment on function public.barangay_readiness(uuid) is
  'Barangay (its own assessment), MLGOO, validators (from validation on): what the barangay still has to do, from its own files and answers only, at any stage. Per sub-indicator: complete (every required upload slot, or one whole option group, has a live MOV), missingSlots ({slotKey, label}), satisfiedOption, shortfalls (each quantitative requirement its answers fall short of, as the classifier found it: rule count, ratio or deadline, actual and required values or ratios, deadline, considerationUntil and mayBeConsidered, page, and text, in the caller''s preferred language where shortfalls are written in it, else English), answeredItems of answerableItems; missingSlots and shortfalls are null before the first classification. Per area and overall: scoredLeaves, completeLeaves and readinessPercent (complete scored sub-indicators, %). asOf is when the files and answers were last classified and pending says a newer upload, deletion or saved answer is still being classified. Never a checklist value, decision or verdict. Errors: 42501, VA007.';

revoke all on function public.barangay_readiness(uuid) from public, anon;
grant execute on function public.barangay_readiness(uuid) to authenticated;
