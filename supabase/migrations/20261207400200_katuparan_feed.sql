-- Katuparan feed: anonymized aggregates of a published cycle for the research partner. Figures
-- come from the stored official classification results of completed assessments (never
-- re-derived), grouped by city or municipality of the PSGC hierarchy; a group of fewer than five
-- barangays is suppressed so that no single barangay can be singled out.

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
  v_role public.app_role := private.require_role('{katuparan,mlgoo,oversight}', 'read the published aggregates');
  v_cycle public.cycles;
begin
  select * into v_cycle from public.cycles where id = p_cycle_id;
  if not found then
    raise exception 'Cycle % does not exist', p_cycle_id
      using errcode = 'VA007', hint = 'Reload the list of cycles and use an id from it.';
  end if;
  if not v_cycle.is_published and v_role = 'katuparan' then
    raise exception 'Cycle % is not published yet', v_cycle.year
      using errcode = 'VA001', hint = 'Aggregates become available when the central administrator publishes the cycle.';
  end if;

  -- Grouped by the city or municipality's code and named from the PSGC hierarchy; each completed
  -- assessment's current official result (is_current: no sort to find the newest), its passes per area
  -- from the result's small areas_assessed and areas_passed columns, so no result document is read.
  return query
  with per_barangay as (
    select a.city_municipality_code as code, r.assessment_id is not null as completed, r.passed,
           r.areas_assessed, r.areas_passed
    from public.assessments a
    left join public.classification_results r
      on r.assessment_id = a.id and r.cycle_id = p_cycle_id and r.kind = 'official' and r.is_current
         and r.assessment_completed
    where a.cycle_id = p_cycle_id
      and (v_role = 'katuparan' or a.city_municipality_code in (select private.scope_city_municipality_codes()))
  ),
  grouped as (
    select g.code, count(*)::integer as barangays,
           count(*) filter (where g.completed)::integer as completed,
           count(*) filter (where g.passed)::integer as passed
    from per_barangay g
    group by g.code
  ),
  area_counts as (
    select area.code, jsonb_object_agg(area.area_code::text, area.passing) as area_passed
    from (
      select p.code, x.area_code, count(*) filter (where p.areas_passed @> x.area_code)::integer as passing
      from per_barangay p, jsonb_array_elements(p.areas_assessed) as x (area_code)
      group by 1, 2
    ) area
    group by area.code
  )
  select r.name, pr.name, m.name, g.barangays, g.completed, g.passed, coalesce(ac.area_passed, '{}'::jsonb)
  from grouped g
  join public.cities_municipalities m on m.psgc_code = g.code
  join public.provinces pr on pr.psgc_code = m.province_code
  join public.regions r on r.psgc_code = pr.region_code
  left join area_counts ac on ac.code = g.code
  where g.completed >= c_minimum_group
  order by r.name, pr.name, m.name;
end;
$$;
comment on function public.published_cycle_summary(uuid) is
  'Per city/municipality of a cycle, barangays, completed and passed assessments and passes per area (from stored official results); groups of fewer than 5 completed barangays are left out. Katuparan: the whole country, published cycles only; the MLGOO: its city or municipality; an oversight user: its region, province or city/municipality (the country for the central office). Errors: 42501, VA001, VA007.';

revoke all on function public.published_cycle_summary(uuid) from public, anon;
grant execute on function public.published_cycle_summary(uuid) to authenticated;
