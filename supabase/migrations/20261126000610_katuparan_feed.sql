-- Katuparan feed: anonymized aggregates of a published cycle for the research partner. Figures
-- come from the stored official classification results of completed assessments (never
-- re-derived), grouped by city or municipality; a group of fewer than five barangays is suppressed
-- so that no single barangay can be singled out.

create function public.published_cycle_summary(p_cycle_id uuid)
returns table (
  region text,
  province text,
  city_municipality text,
  barangays integer,
  completed integer,
  passed integer,
  area_passed jsonb
)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  c_minimum_group constant integer := 5;
  v_role public.app_role := private.require_role('{katuparan,mlgoo}', 'read the published aggregates');
  v_cycle public.cycles;
begin
  select * into v_cycle from public.cycles where id = p_cycle_id;
  if not found then
    raise exception 'Cycle % does not exist', p_cycle_id
      using errcode = 'VA007', hint = 'Reload the list of cycles and use an id from it.';
  end if;
  if not v_cycle.is_published and v_role <> 'mlgoo' then
    raise exception 'Cycle % is not published yet', v_cycle.year
      using errcode = 'VA001', hint = 'Aggregates become available when the MLGOO publishes the cycle.';
  end if;

  return query
  with latest_official as (
    select distinct on (r.assessment_id) r.assessment_id, r.passed, r.result
    from public.classification_results r
    join public.assessments a on a.id = r.assessment_id
    where a.cycle_id = p_cycle_id and a.status = 'completed' and r.kind = 'official'
    order by r.assessment_id, r.created_at desc
  ),
  per_barangay as (
    select b.region, b.province, b.city_municipality, o.passed, o.result
    from public.assessments a
    join public.barangays b on b.id = a.barangay_id
    left join latest_official o on o.assessment_id = a.id
    where a.cycle_id = p_cycle_id
  ),
  grouped as (
    select g.region, g.province, g.city_municipality,
           count(*)::integer as barangays,
           count(g.result)::integer as completed,
           count(*) filter (where g.passed)::integer as passed
    from per_barangay g
    group by g.region, g.province, g.city_municipality
  ),
  area_counts as (
    select g.region, g.province, g.city_municipality,
           jsonb_object_agg(area.code::text, area.passing order by area.code) as area_passed
    from (
      select p.region, p.province, p.city_municipality, (x ->> 'code')::smallint as code,
             count(*) filter (where (x ->> 'passes')::boolean)::integer as passing
      from per_barangay p, jsonb_array_elements(p.result -> 'areas') as x
      group by 1, 2, 3, 4
    ) area
    join grouped g using (region, province, city_municipality)
    group by g.region, g.province, g.city_municipality
  )
  select g.region, g.province, g.city_municipality, g.barangays, g.completed, g.passed,
         coalesce(ac.area_passed, '{}'::jsonb)
  from grouped g
  left join area_counts ac using (region, province, city_municipality)
  where g.completed >= c_minimum_group
  order by g.region, g.province, g.city_municipality;
end;
$$;
comment on function public.published_cycle_summary(uuid) is
  'Katuparan and MLGOO: per city/municipality of a published cycle, barangays, completed and passed assessments and passes per area (from stored official results); groups of fewer than 5 completed barangays are left out. Errors: 42501, VA001, VA007.';

revoke all on function public.published_cycle_summary(uuid) from public, anon;
grant execute on function public.published_cycle_summary(uuid) to authenticated;
