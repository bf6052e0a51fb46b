-- Catalog: a cycle gets the whole 2024 edition, with every year placeholder resolved.

begin;
select plan(8);

select tests.create_cycle(2090);

create temporary view fresh_cycle as
  select i.* from public.indicators i join public.cycles c on c.id = i.cycle_id where c.year = 2090;

select is((select count(*)::integer from public.governance_areas), 6, 'there are 6 governance areas');
select is((select count(*)::integer from fresh_cycle where parent_id is null), 31,
  'a new cycle gets the 31 indicators of the 2024 edition');
select is((select count(*)::integer from fresh_cycle where parent_id is not null), 84,
  'a new cycle gets the 84 leaves of the 2024 edition');
select is((select count(*)::integer from public.checklist_items where indicator_id in (select id from fresh_cycle)), 251,
  'a new cycle gets the 251 checklist items of the 2024 edition');
select is((select count(distinct area_code)::integer from fresh_cycle), 6, 'the catalog spans the 6 areas');

select is_empty($$
  select c.year, t.text
  from public.cycles c
  cross join lateral (
    select c.title
    union all select concat_ws(' ', i.name, i.description, i.consideration_text)
      from public.indicators i where i.cycle_id = c.id
    union all select concat_ws(' ', ci.label, ci.group_label, ci.mov_hint)
      from public.checklist_items ci join public.indicators i on i.id = ci.indicator_id where i.cycle_id = c.id
    union all select s.label
      from public.upload_slots s join public.indicators i on i.id = s.indicator_id where i.cycle_id = c.id
  ) as t (text)
  where t.text ~ '\{[^}]*\}'
$$, 'no catalog text of any cycle keeps a {placeholder}');

select ok(
  (select count(*) > 0 and bool_and(f.name like '%CY 2089%')
   from private.catalog_editions e
   cross join lateral jsonb_path_query(e.document, '$.indicators[*].leaves[*]') as leaf
   join fresh_cycle f on f.code = leaf ->> 'code'
   where e.edition = '2024' and leaf ->> 'name' like '%{CY_CURRENT_YEAR}%'),
  'a {CY_CURRENT_YEAR} placeholder becomes the calendar year the cycle reviews');

select tests.act_as_anon();
select is((select count(*)::integer from public.indicators where cycle_id = (select id from public.cycles where year = 2090)),
  115, 'anyone, even anonymous, reads the public catalog');

select * from finish();
rollback;
