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

  -- Grouped by the city or municipality's code and named from the PSGC hierarchy; passes per area
  -- from the results' small areas_assessed and areas_passed columns, so no result document is read.
  return query
  with latest_official as (
    select distinct on (r.assessment_id) r.assessment_id, r.passed, r.areas_assessed, r.areas_passed
    from public.classification_results r
    join public.assessments a on a.id = r.assessment_id
    where a.cycle_id = p_cycle_id and a.status = 'completed' and r.kind = 'official'
    order by r.assessment_id, r.created_at desc
  ),
  per_barangay as (
    select b.city_municipality_code as code, o.assessment_id is not null as completed, o.passed,
           o.areas_assessed, o.areas_passed
    from public.assessments a
    join public.barangays b on b.id = a.barangay_id
    left join latest_official o on o.assessment_id = a.id
    where a.cycle_id = p_cycle_id
      and (v_role = 'katuparan' or b.id in (select private.scope_barangay_ids()))
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
