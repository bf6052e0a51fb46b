-- The PSGC hierarchy: regions, provinces and cities/municipalities, keyed by their Philippine
-- Standard Geographic Code, and every barangay's city or municipality. The country is this tree
-- (region -> province -> city/municipality -> barangay); a scope in sglgb.md section 2 is a node of
-- it. PSGC names and codes are public, so anyone reads the hierarchy; it changes only through
-- migrations.

-- Regions -----------------------------------------------------------------------------------------

create table public.regions (
  psgc_code text primary key constraint region_psgc_code_has_9_or_10_digits check (psgc_code ~ '^[0-9]{9,10}$'),
  name text not null constraint region_name_is_not_blank check (length(trim(name)) > 0)
);
comment on table public.regions is 'The regions of the Philippines (PSGC), the top of the hierarchy.';
comment on column public.regions.psgc_code is 'Philippine Standard Geographic Code of the region.';
comment on column public.regions.name is 'Region name, e.g. Region IV-A (CALABARZON).';

alter table public.regions enable row level security;
grant select on public.regions to anon, authenticated, service_role;
create policy "Anyone reads the regions" on public.regions
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the regions" on public.regions is
  'Anyone, signed in or not, reads the regions: PSGC names and codes are public.';

-- Provinces ---------------------------------------------------------------------------------------

create table public.provinces (
  psgc_code text primary key constraint province_psgc_code_has_9_or_10_digits check (psgc_code ~ '^[0-9]{9,10}$'),
  region_code text not null references public.regions (psgc_code) on delete restrict,
  name text not null constraint province_name_is_not_blank check (length(trim(name)) > 0)
);
comment on table public.provinces is
  'The provinces of each region (PSGC); the districts of the National Capital Region count as its provinces.';
comment on column public.provinces.psgc_code is 'Philippine Standard Geographic Code of the province.';
comment on column public.provinces.region_code is 'The region the province belongs to.';
comment on column public.provinces.name is 'Province name, e.g. Laguna.';

create index provinces_region on public.provinces (region_code);

alter table public.provinces enable row level security;
grant select on public.provinces to anon, authenticated, service_role;
create policy "Anyone reads the provinces" on public.provinces
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the provinces" on public.provinces is
  'Anyone, signed in or not, reads the provinces: PSGC names and codes are public.';

-- Cities and municipalities -----------------------------------------------------------------------

create table public.cities_municipalities (
  psgc_code text primary key constraint city_municipality_psgc_code_has_9_or_10_digits check (psgc_code ~ '^[0-9]{9,10}$'),
  province_code text not null references public.provinces (psgc_code) on delete restrict,
  name text not null constraint city_municipality_name_is_not_blank check (length(trim(name)) > 0)
);
comment on table public.cities_municipalities is
  'The cities and municipalities of each province (PSGC): the unit an MLGOO serves; every barangay belongs to one.';
comment on column public.cities_municipalities.psgc_code is 'Philippine Standard Geographic Code of the city or municipality.';
comment on column public.cities_municipalities.province_code is 'The province the city or municipality belongs to.';
comment on column public.cities_municipalities.name is 'City or municipality name, e.g. Santa Cruz.';

create index cities_municipalities_province on public.cities_municipalities (province_code);

alter table public.cities_municipalities enable row level security;
grant select on public.cities_municipalities to anon, authenticated, service_role;
create policy "Anyone reads the cities and municipalities" on public.cities_municipalities
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the cities and municipalities" on public.cities_municipalities is
  'Anyone, signed in or not, reads the cities and municipalities: PSGC names and codes are public.';

-- Barangays: their city or municipality -----------------------------------------------------------
-- Barangays registered before the hierarchy existed get theirs from their own PSGC code, whose
-- leading digits are those of its city or municipality (all but the last three), province (four of
-- a 9-digit code, five of a 10-digit one) and region (two), named as the barangay's columns name
-- them.

create temporary table registered_places as
select
  rpad(left(b.psgc_code, 2), length(b.psgc_code), '0') as region_code, b.region,
  rpad(left(b.psgc_code, length(b.psgc_code) - 5), length(b.psgc_code), '0') as province_code, b.province,
  left(b.psgc_code, -3) || '000' as city_municipality_code, b.city_municipality,
  b.id as barangay_id
from public.barangays b;

insert into public.regions (psgc_code, name)
select distinct on (region_code) region_code, region from registered_places order by region_code, region;
insert into public.provinces (psgc_code, region_code, name)
select distinct on (province_code) province_code, region_code, province from registered_places
order by province_code, province;
insert into public.cities_municipalities (psgc_code, province_code, name)
select distinct on (city_municipality_code) city_municipality_code, province_code, city_municipality
from registered_places order by city_municipality_code, city_municipality;

alter table public.barangays
  add column city_municipality_code text references public.cities_municipalities (psgc_code) on delete restrict;
update public.barangays b set city_municipality_code = p.city_municipality_code
from registered_places p where p.barangay_id = b.id;
alter table public.barangays alter column city_municipality_code set not null;
drop table registered_places;
comment on column public.barangays.city_municipality_code is
  'PSGC code of the city or municipality the barangay belongs to (public.cities_municipalities).';

create index barangays_city_municipality on public.barangays (city_municipality_code);

grant insert (city_municipality_code), update (city_municipality_code) on public.barangays to authenticated;
