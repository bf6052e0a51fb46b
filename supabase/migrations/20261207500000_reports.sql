-- Reports: the Barangay Governance Assessment Report (BGAR), the gap analysis between the frozen
-- first submission and the official result, the MLGOO's dashboard figures and the cycle roll-up.
--
-- Every report reads the stored official classification results (never re-deriving a verdict) and
-- runs as its caller (security invoker): the policies of the tables it reads decide what it
-- includes, so each role sees exactly the assessments it reads anywhere else, and a narrower
-- scope added to those policies narrows every report with them. The `reports` Edge Function
-- calls these functions as the caller for its PDF, CSV and XLSX exports.

-- The latest official result of each assessment -------------------------------------------------

create view public.official_results
with (security_invoker = true)
as
select
  r.assessment_id, r.cycle_id, r.assessment_completed as completed, r.id as result_id, r.passed,
  r.result, r.classifier_version, r.input_hash, r.created_at as classified_at, r.city_municipality_code,
  r.province_code, r.region_code
from public.classification_results r
where r.kind = 'official' and r.is_current;
comment on view public.official_results is
  'The current official result of each assessment the caller may read (the newest official classification).';
comment on column public.official_results.assessment_id is 'The assessment.';
comment on column public.official_results.cycle_id is 'The assessment''s cycle.';
comment on column public.official_results.completed is 'The assessment is completed (approved by the MLGOO): the result is final.';
comment on column public.official_results.result_id is 'The classification result (public.classification_results).';
comment on column public.official_results.passed is 'The 3+1 verdict.';
comment on column public.official_results.result is 'The classifier''s full output.';
comment on column public.official_results.classifier_version is 'Version of packages/classifier that computed it.';
comment on column public.official_results.input_hash is 'SHA-256 of the classifier input.';
comment on column public.official_results.classified_at is 'When it was computed.';
comment on column public.official_results.city_municipality_code is
  'The assessment''s city or municipality: an oversight office joins its results to the hierarchy through it (indexed by cycle and city or municipality).';
comment on column public.official_results.province_code is 'The assessment''s province (PSGC code).';
comment on column public.official_results.region_code is 'The assessment''s region (PSGC code).';
grant select on public.official_results to authenticated, service_role;

-- Reviewers' names on the documents they sign ---------------------------------------------------

create function private.reviewer_name(p_user_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select nullif(full_name, '') from public.profiles
  where id = p_user_id and role in ('mlgoo', 'validator', 'assessor');
$$;
comment on function private.reviewer_name(uuid) is
  'The name of an MLGOO, validator or assessor, which the reports a barangay signs show as who validated and approved; null for anyone else.';
grant execute on function private.reviewer_name(uuid) to authenticated, service_role;

-- BGAR: header, one row per leaf --------------------------------------------------------------------

create function public.report_bgar(p_assessment_id uuid)
returns table (
  assessment_id uuid,
  barangay text,
  psgc_code text,
  city_municipality text,
  province text,
  region text,
  cycle_id uuid,
  cycle_title text,
  cycle_year smallint,
  reviewed_year smallint,
  status public.assessment_status,
  passed boolean,
  core_areas_passed integer,
  essential_areas_passed integer,
  submitted_at timestamptz,
  validated_at timestamptz,
  validated_by text,
  approved_at timestamptz,
  approved_by text,
  classified_at timestamptz,
  classifier_version text
)
language sql
stable
security invoker
set search_path = ''
as $$
  select a.id, b.name, b.psgc_code, m.name, p.name, r.name,
         c.id, c.title, c.year, c.reviewed_year, a.status, o.passed,
         (o.result #>> '{overall,coreAreasPassed}')::integer,
         (o.result #>> '{overall,essentialAreasPassed}')::integer,
         a.submitted_at, a.validated_at, private.reviewer_name(a.validated_by),
         a.approved_at, private.reviewer_name(a.approved_by), o.classified_at, o.classifier_version
  from public.assessments a
  join public.official_results o on o.assessment_id = a.id
  join public.cycles c on c.id = a.cycle_id
  join public.barangays b on b.id = a.barangay_id
  join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
  join public.provinces p on p.psgc_code = m.province_code
  join public.regions r on r.psgc_code = p.region_code
  where a.id = p_assessment_id;
$$;
comment on function public.report_bgar(uuid) is
  'BGAR header of an assessment with an official result the caller may read: barangay, municipality, cycle, state, the 3+1 verdict with core and essential areas passed, who validated and approved and when. No row: not readable by the caller, or no official result yet.';
revoke all on function public.report_bgar(uuid) from public, anon;
grant execute on function public.report_bgar(uuid) to authenticated, service_role;

create function public.report_bgar_leaves(p_assessment_id uuid)
returns table (
  area_code smallint,
  area_name text,
  area_kind public.area_kind,
  area_passes boolean,
  indicator_code text,
  indicator_name text,
  indicator_passes boolean,
  is_bbi boolean,
  leaf_code text,
  leaf_name text,
  scored boolean,
  result text,
  reason text,
  shortfalls jsonb,
  remarks text
)
language sql
stable
security invoker
set search_path = ''
as $$
  with official as (
    select o.result, o.cycle_id from public.official_results o
    where o.assessment_id = p_assessment_id
  ),
  leaf as (
    select (l ->> 'code') as code, (l ->> 'status') as status, (l ->> 'scored')::boolean as scored,
           coalesce(l -> 'shortfalls', '[]') as shortfalls
    from official, jsonb_array_elements(official.result -> 'leaves') as l
  ),
  failure as (
    select f ->> 'leafCode' as leaf_code, f ->> 'reason' as reason
    from official, jsonb_array_elements(official.result -> 'areas') as area,
         jsonb_array_elements(area -> 'failures') as f
  ),
  reason as (
    select f.leaf_code,
           string_agg(case
             when f.reason = 'unmet' then 'Unmet'
             when f.reason = 'no_decision' then 'No decision'
             when f.reason = 'parent_unmet' then 'Indicator declared unmet'
             when f.reason like 'missing\_mov:%' then 'Missing MOV: ' || coalesce(s.label, substr(f.reason, 13))
             else f.reason
           end, '; ' order by f.reason) as text
    from failure f
    cross join official
    left join public.indicators l on l.cycle_id = official.cycle_id and l.code = f.leaf_code
    left join public.upload_slots s on s.indicator_id = l.id and f.reason = 'missing_mov:' || s.slot_key
    group by f.leaf_code
  )
  select ga.code, ga.name, ga.kind, (area_result ->> 'passes')::boolean,
         parent.code, parent.name, (indicator_result ->> 'passes')::boolean, parent.is_bbi,
         l.code, l.name, leaf.scored,
         case when not leaf.scored then 'profiling' else leaf.status end,
         reason.text,
         leaf.shortfalls,
         coalesce(rv.override_reason, rv.decision_remarks)
  from official
  join public.indicators l on l.cycle_id = official.cycle_id and l.parent_id is not null
  join public.indicators parent on parent.id = l.parent_id
  join public.governance_areas ga on ga.code = l.area_code
  join leaf on leaf.code = l.code
  left join reason on reason.leaf_code = l.code
  left join public.reviews rv on rv.assessment_id = p_assessment_id and rv.leaf_id = l.id
  cross join lateral (select x from jsonb_array_elements(official.result -> 'areas') x
                      where (x ->> 'code')::smallint = ga.code) as a (area_result)
  cross join lateral (select x from jsonb_array_elements(official.result -> 'indicators') x
                      where x ->> 'code' = parent.code) as i (indicator_result)
  order by ga.code, parent.sort_order, l.sort_order;
$$;
comment on function public.report_bgar_leaves(uuid) is
  'BGAR body of an assessment, one row per sub-indicator in catalog order, from its official result: the area and indicator with their verdicts, the leaf''s result (met, considered, unmet, no_decision; profiling for leaves never scored), the reason for each failing one (missing MOV by name, unmet, no decision, indicator declared unmet), the quantitative requirements its values fall short of (the classifier''s shortfalls, with their numbers) and the reviewer''s remarks or override reason. Empty when the caller may not read the official result.';
revoke all on function public.report_bgar_leaves(uuid) from public, anon;
grant execute on function public.report_bgar_leaves(uuid) to authenticated, service_role;

create function public.report_bgar_bbis(p_assessment_id uuid)
returns table (
  indicator_code text,
  indicator_name text,
  scored_leaves integer,
  passed_leaves integer,
  share numeric,
  rating text
)
language sql
stable
security invoker
set search_path = ''
as $$
  select bbi ->> 'indicatorCode', i.name, (bbi ->> 'scoredLeaves')::integer,
         (bbi ->> 'passedLeaves')::integer, (bbi ->> 'share')::numeric, bbi ->> 'rating'
  from public.official_results o
  cross join jsonb_array_elements(o.result -> 'bbis') as bbi
  join public.indicators i on i.cycle_id = o.cycle_id and i.code = bbi ->> 'indicatorCode'
  where o.assessment_id = p_assessment_id
  order by i.sort_order;
$$;
comment on function public.report_bgar_bbis(uuid) is
  'BBI functionality of an assessment from its official result: each barangay-based institution with its scored and passed leaves, the share passed and the rating (highly, moderately, low or non-functional).';
revoke all on function public.report_bgar_bbis(uuid) from public, anon;
grant execute on function public.report_bgar_bbis(uuid) to authenticated, service_role;

-- Gap analysis: the frozen first submission against the official result ----------------------------

create function public.report_gap_analysis(p_assessment_id uuid)
returns table (
  area_code smallint,
  leaf_code text,
  leaf_name text,
  first_files integer,
  final_files integer,
  added_slots text[],
  answers_changed boolean,
  sent_back text[],
  final_result text,
  change text
)
language sql
stable
security invoker
set search_path = ''
as $$
  with snapshot as (
    select s.answers, s.movs, a.cycle_id
    from public.submission_snapshots s join public.assessments a on a.id = s.assessment_id
    where s.assessment_id = p_assessment_id
  ),
  sent_back as (
    select code.value as leaf_code,
           array_agg(distinct case e.action when 'calibration_requested' then 'calibration'
                                            else 'recalibration' end) as rounds
    from public.events e, jsonb_array_elements_text(e.details -> 'leafCodes') as code
    where e.assessment_id = p_assessment_id
      and e.action in ('calibration_requested', 'recalibration_requested')
    group by code.value
  ),
  gap as (
    select l.area_code, l.code, l.name, l.sort_order,
           (select count(*)::integer from jsonb_array_elements(snapshot.movs) m
            where m ->> 'leafCode' = l.code) as first_files,
           (select count(*)::integer from public.mov_files f
            where f.assessment_id = p_assessment_id and f.leaf_id = l.id and f.deleted_at is null) as final_files,
           array(select distinct s.slot_key from public.mov_files f
                 join public.upload_slots s on s.id = f.slot_id
                 where f.assessment_id = p_assessment_id and f.leaf_id = l.id and f.deleted_at is null
                   and not exists (select from jsonb_array_elements(snapshot.movs) m
                                   where m ->> 'leafCode' = l.code and m ->> 'slotKey' = s.slot_key)
                 order by 1) as added_slots,
           coalesce(snapshot.answers -> l.code, '{}') is distinct from coalesce(r.answers, '{}') as answers_changed,
           array_cat(case when ar.rework_used then array['rework'] else array[]::text[] end,
                     coalesce(sb.rounds, array[]::text[])) as sent_back,
           bl.result as final_result
    from snapshot
    join public.indicators l on l.cycle_id = snapshot.cycle_id and l.parent_id is not null
                            and not l.is_profiling_only
    left join public.responses r on r.assessment_id = p_assessment_id and r.leaf_id = l.id
    left join public.assessment_areas ar on ar.assessment_id = p_assessment_id and ar.area_code = l.area_code
    left join sent_back sb on sb.leaf_code = l.code
    left join public.report_bgar_leaves(p_assessment_id) bl on bl.leaf_code = l.code
  )
  select g.area_code, g.code, g.name, g.first_files, g.final_files, g.added_slots,
         g.answers_changed, g.sent_back, g.final_result,
         case
           when g.final_result is null then 'pending'
           when g.final_result in ('met', 'considered')
             then case when cardinality(g.added_slots) > 0 or g.answers_changed then 'fixed' else 'kept' end
           else case when cardinality(g.added_slots) > 0 or g.answers_changed then 'still_unmet' else 'unmet' end
         end
  from gap g
  order by g.area_code, g.sort_order;
$$;
comment on function public.report_gap_analysis(uuid) is
  'Gap analysis of an assessment, one row per scored sub-indicator: MOV files at the frozen first submission and now, the upload slots filled since, whether the answers changed, the rounds that sent it back (rework of its area, calibration, recalibration) and the official result; change is fixed (passes after new evidence or answers), kept (passed as first submitted), still_unmet (changed but fails), unmet (fails unchanged) or pending (no official result the caller may read). Empty before the first submission.';
revoke all on function public.report_gap_analysis(uuid) from public, anon;
grant execute on function public.report_gap_analysis(uuid) to authenticated, service_role;

create function public.report_cycle_gap_analysis(p_cycle_id uuid)
returns table (
  area_code smallint,
  leaf_code text,
  leaf_name text,
  assessments integer,
  sent_back integer,
  fixed integer,
  kept integer,
  still_unmet integer,
  unmet integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  select g.area_code, g.leaf_code, g.leaf_name, count(*)::integer,
         count(*) filter (where cardinality(g.sent_back) > 0)::integer,
         count(*) filter (where g.change = 'fixed')::integer,
         count(*) filter (where g.change = 'kept')::integer,
         count(*) filter (where g.change = 'still_unmet')::integer,
         count(*) filter (where g.change = 'unmet')::integer
  from public.official_results o
  cross join lateral public.report_gap_analysis(o.assessment_id) g
  where o.cycle_id = p_cycle_id
  group by g.area_code, g.leaf_code, g.leaf_name
  order by g.area_code, min(g.leaf_code collate "C"), g.leaf_code;
$$;
comment on function public.report_cycle_gap_analysis(uuid) is
  'Gap analysis of a cycle over the assessments with an official result the caller may read, one row per scored sub-indicator: how many were sent back, fixed after the first submission, kept, still unmet after changes, or unmet unchanged.';
revoke all on function public.report_cycle_gap_analysis(uuid) from public, anon;
grant execute on function public.report_cycle_gap_analysis(uuid) to authenticated, service_role;

-- Dashboard ------------------------------------------------------------------------------------

create function public.report_status_distribution(p_cycle_id uuid)
returns table (status public.assessment_status, assessments integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select a.status, count(*)::integer
  from public.assessments a
  where a.cycle_id = p_cycle_id
  group by a.status
  order by a.status;
$$;
comment on function public.report_status_distribution(uuid) is
  'Dashboard: the caller''s assessments of a cycle counted by workflow state.';
revoke all on function public.report_status_distribution(uuid) from public, anon;
grant execute on function public.report_status_distribution(uuid) to authenticated, service_role;

create function public.report_area_pass_rates(p_cycle_id uuid)
returns table (
  area_code smallint,
  area_name text,
  assessed integer,
  passed integer,
  pass_rate numeric
)
language sql
stable
security invoker
set search_path = ''
as $$
  with official as (
    select o.passed, o.result from public.official_results o
    where o.cycle_id = p_cycle_id and o.completed
  ),
  per_area as (
    select (x ->> 'code')::smallint as code, (x ->> 'passes')::boolean as passes
    from official, jsonb_array_elements(official.result -> 'areas') x
    union all
    select null, passed from official
  )
  select p.code, coalesce(ga.name, 'Overall (3+1)'), count(*)::integer,
         count(*) filter (where p.passes)::integer,
         round(100.0 * count(*) filter (where p.passes) / count(*), 1)
  from per_area p
  left join public.governance_areas ga on ga.code = p.code
  group by p.code, ga.name
  order by p.code nulls last;
$$;
comment on function public.report_area_pass_rates(uuid) is
  'Dashboard: over the caller''s completed assessments of a cycle, assessed and passed per governance area and overall (area_code null: the 3+1 result), with the pass rate in percent.';
revoke all on function public.report_area_pass_rates(uuid) from public, anon;
grant execute on function public.report_area_pass_rates(uuid) to authenticated, service_role;

create function public.report_most_failed_leaves(p_cycle_id uuid, p_limit integer default 10)
returns table (
  leaf_code text,
  leaf_name text,
  area_code smallint,
  failed integer,
  assessed integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  with official as (
    select o.result from public.official_results o
    where o.cycle_id = p_cycle_id and o.completed
  ),
  leaf as (
    select l ->> 'code' as code, (l ->> 'passes')::boolean as passes
    from official, jsonb_array_elements(official.result -> 'leaves') l
    where (l ->> 'scored')::boolean
  )
  select leaf.code, i.name, i.area_code, count(*) filter (where not leaf.passes)::integer,
         count(*)::integer
  from leaf
  join public.indicators i on i.cycle_id = p_cycle_id and i.code = leaf.code
  group by leaf.code, i.name, i.area_code, i.sort_order
  having count(*) filter (where not leaf.passes) > 0
  order by 4 desc, i.sort_order
  limit greatest(p_limit, 0);
$$;
comment on function public.report_most_failed_leaves(uuid, integer) is
  'Dashboard: the sub-indicators failed most often in the caller''s completed assessments of a cycle (official results), with how many failed it out of how many assessed; p_limit rows (10 by default).';
revoke all on function public.report_most_failed_leaves(uuid, integer) from public, anon;
grant execute on function public.report_most_failed_leaves(uuid, integer) to authenticated, service_role;

create function public.report_bbi_distribution(p_cycle_id uuid)
returns table (
  indicator_code text,
  indicator_name text,
  highly_functional integer,
  moderately_functional integer,
  low_functional integer,
  non_functional integer
)
language sql
stable
security invoker
set search_path = ''
as $$
  with bbi as (
    select x ->> 'indicatorCode' as code, x ->> 'rating' as rating
    from public.official_results o
    cross join jsonb_array_elements(o.result -> 'bbis') x
    where o.cycle_id = p_cycle_id and o.completed
  )
  select bbi.code, i.name,
         count(*) filter (where bbi.rating = 'highly_functional')::integer,
         count(*) filter (where bbi.rating = 'moderately_functional')::integer,
         count(*) filter (where bbi.rating = 'low_functional')::integer,
         count(*) filter (where bbi.rating = 'non_functional')::integer
  from bbi
  join public.indicators i on i.cycle_id = p_cycle_id and i.code = bbi.code
  group by bbi.code, i.name, i.sort_order
  order by i.sort_order;
$$;
comment on function public.report_bbi_distribution(uuid) is
  'Dashboard: for each barangay-based institution, how many of the caller''s completed assessments of a cycle rate it highly, moderately, low or non-functional (official results).';
revoke all on function public.report_bbi_distribution(uuid) from public, anon;
grant execute on function public.report_bbi_distribution(uuid) to authenticated, service_role;

create function public.report_submissions_per_week(p_cycle_id uuid)
returns table (week_start date, first_submissions integer, cumulative integer)
language sql
stable
security invoker
set search_path = ''
as $$
  select w.week_start, w.n, (sum(w.n) over (order by w.week_start))::integer
  from (
    select date_trunc('week', s.frozen_at)::date as week_start, count(*)::integer as n
    from public.submission_snapshots s
    join public.assessments a on a.id = s.assessment_id
    where a.cycle_id = p_cycle_id
    group by 1
  ) w
  order by w.week_start;
$$;
comment on function public.report_submissions_per_week(uuid) is
  'Dashboard progress: first submissions (the frozen snapshot) of the caller''s assessments of a cycle per week (weeks start on Monday), with the running total.';
revoke all on function public.report_submissions_per_week(uuid) from public, anon;
grant execute on function public.report_submissions_per_week(uuid) to authenticated, service_role;

-- Cycle roll-up: one row per barangay, ranked ---------------------------------------------------

create function public.report_cycle_rollup(p_cycle_id uuid)
returns table (
  rank integer,
  psgc_code text,
  barangay text,
  city_municipality text,
  status public.assessment_status,
  passed boolean,
  area_1 boolean,
  area_2 boolean,
  area_3 boolean,
  area_4 boolean,
  area_5 boolean,
  area_6 boolean,
  passed_leaves integer,
  scored_leaves integer,
  readiness_percent numeric,
  approved_at timestamptz
)
language sql
stable
security invoker
set search_path = ''
as $$
  with row_of as (
    select b.psgc_code, b.name, m.name as city_municipality, a.status, o.passed, o.result, a.approved_at,
           projection.readiness_percent,
           (select sum((x ->> 'passedLeaves')::integer) from jsonb_array_elements(o.result -> 'areas') x)::integer as passed_leaves,
           (select sum((x ->> 'scoredLeaves')::integer) from jsonb_array_elements(o.result -> 'areas') x)::integer as scored_leaves
    from public.assessments a
    join public.barangays b on b.id = a.barangay_id
    join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
    left join public.official_results o on o.assessment_id = a.id and o.completed
    left join lateral (
      select p.readiness_percent from public.classification_results p
      where p.assessment_id = a.id and p.kind = 'projection'
      order by p.created_at desc limit 1
    ) projection on true
    where a.cycle_id = p_cycle_id
  )
  select (rank() over (order by r.passed desc nulls last,
                               r.passed_leaves::numeric / nullif(r.scored_leaves, 0) desc nulls last,
                               r.readiness_percent desc nulls last))::integer,
         r.psgc_code, r.name, r.city_municipality, r.status, r.passed,
         jsonb_path_query_first(r.result, '$.areas[*] ? (@.code == 1).passes')::boolean,
         jsonb_path_query_first(r.result, '$.areas[*] ? (@.code == 2).passes')::boolean,
         jsonb_path_query_first(r.result, '$.areas[*] ? (@.code == 3).passes')::boolean,
         jsonb_path_query_first(r.result, '$.areas[*] ? (@.code == 4).passes')::boolean,
         jsonb_path_query_first(r.result, '$.areas[*] ? (@.code == 5).passes')::boolean,
         jsonb_path_query_first(r.result, '$.areas[*] ? (@.code == 6).passes')::boolean,
         r.passed_leaves, r.scored_leaves, r.readiness_percent, r.approved_at
  from row_of r
  order by 1, r.psgc_code;
$$;
comment on function public.report_cycle_rollup(uuid) is
  'The cycle roll-up (the official form) and barangay ranking: one row per assessment of a cycle the caller reads, with its state and, once completed, the 3+1 verdict, pass or fail per area and leaves passed out of scored, and the readiness of the newest projection (for those who read projections: the MLGOO and validators); ranked passers first, then by share of scored leaves passed, then by readiness. Not yet completed: result columns null.';
revoke all on function public.report_cycle_rollup(uuid) from public, anon;
grant execute on function public.report_cycle_rollup(uuid) to authenticated, service_role;

-- Katuparan: the dashboard of a published cycle, anonymized ----------------------------------------

create function public.report_published_dashboard(p_cycle_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  c_minimum_group constant integer := 5;
  v_cycle public.cycles;
  v_completed integer;
begin
  perform private.require_role('{katuparan}', 'read the dashboard of a published cycle');
  select * into v_cycle from public.cycles where id = p_cycle_id;
  if not found then
    raise exception 'Cycle % does not exist', p_cycle_id
      using errcode = 'VA007', hint = 'Reload the list of cycles and use an id from it.';
  end if;
  if not v_cycle.is_published then
    raise exception 'Cycle % is not published yet', v_cycle.year
      using errcode = 'VA001', hint = 'Aggregates become available when the central administrator publishes the cycle.';
  end if;
  select count(*) into v_completed from public.official_results
  where cycle_id = p_cycle_id and completed;
  if v_completed < c_minimum_group then
    return jsonb_build_object('completed', v_completed, 'suppressed', true);
  end if;
  -- The MLGOO's dashboard functions, over every completed assessment of the cycle: counts only.
  return jsonb_build_object(
    'completed', v_completed,
    'suppressed', false,
    'passRates', (select coalesce(jsonb_agg(to_jsonb(r)), '[]') from public.report_area_pass_rates(p_cycle_id) r),
    'mostFailedLeaves', (select coalesce(jsonb_agg(to_jsonb(r)), '[]') from public.report_most_failed_leaves(p_cycle_id) r),
    'bbiDistribution', (select coalesce(jsonb_agg(to_jsonb(r)), '[]') from public.report_bbi_distribution(p_cycle_id) r)
  );
end;
$$;
comment on function public.report_published_dashboard(uuid) is
  'Katuparan: the dashboard of a published cycle over all its completed assessments, anonymized: counts only (passRates, mostFailedLeaves, bbiDistribution as report_area_pass_rates, report_most_failed_leaves and report_bbi_distribution return them), never a barangay; with fewer than 5 completed assessments only {completed, suppressed: true}. Errors: 42501, VA001, VA007.';
revoke all on function public.report_published_dashboard(uuid) from public, anon;
grant execute on function public.report_published_dashboard(uuid) to authenticated;
