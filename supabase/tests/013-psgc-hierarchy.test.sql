-- The PSGC hierarchy: regions, provinces, cities/municipalities, and every barangay in one city or
-- municipality; the demo data's two municipalities, each with its own people.
begin;
select plan(23);

select fk_ok('public', 'provinces', 'region_code', 'public', 'regions', 'psgc_code', 'a province belongs to a region');
select fk_ok('public', 'cities_municipalities', 'province_code', 'public', 'provinces', 'psgc_code',
  'a city or municipality belongs to a province');
select fk_ok('public', 'barangays', 'city_municipality_code', 'public', 'cities_municipalities', 'psgc_code',
  'a barangay belongs to a city or municipality');
select col_not_null('public', 'barangays', 'city_municipality_code', 'every barangay has its city or municipality');
select has_index('public', 'barangays', 'barangays_city_municipality', array['city_municipality_code'],
  'barangays are found by their city or municipality');
select has_index('public', 'cities_municipalities', 'cities_municipalities_province', array['province_code'],
  'cities and municipalities are found by their province');
select has_index('public', 'provinces', 'provinces_region', array['region_code'], 'provinces are found by their region');

select throws_ok(
  $$insert into public.barangays (psgc_code, name, city_municipality_code)
    values ('990199001', 'Nowhere', '990199000')$$,
  '23503', null, 'a barangay of an unknown city or municipality is refused');
select throws_ok(
  $$insert into public.cities_municipalities (psgc_code, province_code, name) values ('990199000', '990199900', 'Nowhere')$$,
  '23503', null, 'a city or municipality of an unknown province is refused');

-- The demo data ----------------------------------------------------------------------------------

select results_eq(
  $$select m.name, p.name, r.name, count(*)::integer
    from public.barangays b
    join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
    join public.provinces p on p.psgc_code = m.province_code
    join public.regions r on r.psgc_code = p.region_code
    group by 1, 2, 3 order by 1 desc$$,
  $$values ('Santa Cruz', 'Laguna', 'Region IV-A (CALABARZON)', 26), ('Pagsanjan', 'Laguna', 'Region IV-A (CALABARZON)', 16)$$,
  'the seed has the 26 barangays of Santa Cruz and the 16 of Pagsanjan, Laguna');
select is(
  (select count(*)::integer from public.barangays b join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
   where left(b.psgc_code, 6) <> left(m.psgc_code, 6)),
  0, 'each seeded barangay''s PSGC code begins with its municipality''s');
select results_eq(
  $$select p.role::text, count(*)::integer from public.profiles p
    where p.email like '%-pagsanjan@vantage.local' or p.email in ('blgu-anibong@vantage.local', 'blgu-sabang@vantage.local')
    group by 1 order by 1$$,
  $$values ('assessor', 2), ('blgu', 2), ('mlgoo', 1), ('validator', 1)$$,
  'Pagsanjan has its own MLGOO, assessors, validator and barangay users');
select is(
  (select count(*)::integer from public.profiles where email like '%@vantage.local' and must_change_password),
  0, 'no demo user must change the password');
select is(
  (select count(*)::integer from public.profiles p join public.barangays b on b.id = p.barangay_id
   where p.email in ('blgu-anibong@vantage.local', 'blgu-sabang@vantage.local') and b.city_municipality_code = '043422000'),
  2, 'Pagsanjan''s barangay users belong to barangays of Pagsanjan');
select is(
  (select array_agg(aa.area_code order by aa.area_code) from public.assessment_areas aa
   where aa.assessment_id = 'a0000000-0000-4000-8000-000000002214' and aa.status = 'submitted'),
  array[1, 2]::smallint[], 'Pagsanjan''s Sabang has areas 1 and 2 submitted');

-- A row carries its place's province and region ------------------------------------------------------

select is_empty(
  $$select 1 from public.barangays b
    join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
    join public.provinces p on p.psgc_code = m.province_code
    where (b.province_code, b.region_code) is distinct from (p.psgc_code, p.region_code)$$,
  'every seeded barangay carries the province and region of its city or municipality');
select tests.create_barangay('990101901', 'Placed') as placed \gset
select results_eq(
  format($$select province_code, region_code from public.barangays where id = %L$$, :'placed'),
  $$values ('990100000', '990000000')$$,
  'a barangay registered takes its city or municipality''s province and region');
select tests.create_assessment(tests.create_cycle(2093, true), :'placed') as placed_assessment \gset
select results_eq(
  format($$select city_municipality_code, province_code, region_code from public.assessments where id = %L$$, :'placed_assessment'),
  $$values ('990101000', '990100000', '990000000')$$,
  'an assessment takes its barangay''s city or municipality, province and region');
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
values (:'placed_assessment', 'projection', 'test', repeat('a', 64), '{"areas": []}', false, 0);
select results_eq(
  format($$select city_municipality_code, province_code, region_code from public.classification_results where assessment_id = %L$$,
         :'placed_assessment'),
  $$values ('990101000', '990100000', '990000000')$$,
  'a classification result takes its assessment''s place');
select throws_ok(
  $$update public.cities_municipalities set province_code = '043400000' where psgc_code = '990101000'$$,
  '42501', 'A city or municipality keeps its province (PSGC code 990101000)',
  'a city or municipality never moves to another province');
select throws_ok(
  $$update public.provinces set region_code = '040000000' where psgc_code = '990100000'$$,
  '42501', 'A province keeps its region (PSGC code 990100000)',
  'a province never moves to another region');

-- Anyone reads the hierarchy -----------------------------------------------------------------------

select tests.act_as_anon();
select is((select count(*)::integer from public.cities_municipalities where province_code = '043400000'), 2,
  'anon reads the cities and municipalities');
select tests.act_as('blgu-sabang@vantage.local');
select is((select name from public.regions where psgc_code = '040000000'), 'Region IV-A (CALABARZON)',
  'a barangay user reads the regions');

select * from finish();
rollback;
