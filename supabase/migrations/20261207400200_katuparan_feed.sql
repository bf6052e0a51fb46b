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

  -- One pass over the cycle's assessments, grouped by their city or municipality's code and named from
  -- the PSGC hierarchy: each completed assessment's current official result (is_current: no sort to
  -- find the newest) and, per governance area (1 to 6), whether any result assesses it and how many
  -- pass it, from the results' small areas_assessed and areas_passed columns; no result document is
  -- read, and nothing is expanded or sorted per barangay.
  return query
  with grouped as (
    select a.city_municipality_code as code, count(*)::integer as barangays,
           count(r.assessment_id)::integer as completed,
           count(*) filter (where r.passed)::integer as passed,
           jsonb_strip_nulls(jsonb_build_object(
             '1', case when bool_or(r.areas_assessed @> '1') then count(*) filter (where r.areas_passed @> '1') end,
             '2', case when bool_or(r.areas_assessed @> '2') then count(*) filter (where r.areas_passed @> '2') end,
             '3', case when bool_or(r.areas_assessed @> '3') then count(*) filter (where r.areas_passed @> '3') end,
             '4', case when bool_or(r.areas_assessed @> '4') then count(*) filter (where r.areas_passed @> '4') end,
             '5', case when bool_or(r.areas_assessed @> '5') then count(*) filter (where r.areas_passed @> '5') end,
             '6', case when bool_or(r.areas_assessed @> '6') then count(*) filter (where r.areas_passed @> '6') end
           )) as area_passed
    from public.assessments a
    left join public.classification_results r
      on r.assessment_id = a.id and r.cycle_id = p_cycle_id and r.kind = 'official' and r.is_current
         and r.assessment_completed
    where a.cycle_id = p_cycle_id
      and (v_role = 'katuparan' or a.city_municipality_code in (select private.scope_city_municipality_codes()))
    group by a.city_municipality_code
  )
  select r.name, pr.name, m.name, g.barangays, g.completed, g.passed, g.area_passed
  from grouped g
  join public.cities_municipalities m on m.psgc_code = g.code
  join public.provinces pr on pr.psgc_code = m.province_code
  join public.regions r on r.psgc_code = pr.region_code
  where g.completed >= c_minimum_group
  order by r.name, pr.name, m.name;
end;
$$;
comment on function public.published_cycle_summary(uuid) is
  'Per city/municipality of a cycle, barangays, completed and passed assessments and passes per area (from stored official results); groups of fewer than 5 completed barangays are left out. Katuparan: the whole country, published cycles only; the MLGOO: its city or municipality; an oversight user: its region, province or city/municipality (the country for the central office). Errors: 42501, VA001, VA007.';

revoke all on function public.published_cycle_summary(uuid) from public, anon;
grant execute on function public.published_cycle_summary(uuid) to authenticated;
