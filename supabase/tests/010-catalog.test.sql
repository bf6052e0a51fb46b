-- Catalog: a cycle gets the whole 2024 edition, structure, flags and quantitative requirements as
-- in the edition, with every year placeholder resolved (the requirements' deadlines included); an unknown placeholder is refused, and the installed catalog stays
-- fixed. At most one cycle is active.

begin;
select plan(20);

select tests.create_cycle(2090);

create temporary view fresh_cycle as
  select i.* from public.indicators i join public.cycles c on c.id = i.cycle_id where c.year = 2090;

select is((select count(*)::integer from public.governance_areas), 6, 'there are 6 governance areas');
select is((select count(*)::integer from fresh_cycle where parent_id is null), 31,
  'a new cycle gets the 31 indicators of the 2024 edition');
select is((select count(*)::integer from fresh_cycle where parent_id is not null), 84,
  'a new cycle gets the 84 leaves of the 2024 edition');
select is((select count(*)::integer from public.checklist_items where indicator_id in (select id from fresh_cycle)), 305,
  'a new cycle gets the 305 checklist items of the 2024 edition');
select is((select count(distinct area_code)::integer from fresh_cycle), 6, 'the catalog spans the 6 areas');

select is_empty($$
  select c.year, t.text
  from public.cycles c
  cross join lateral (
    select c.title
    union all select concat_ws(' ', i.name, i.description, i.consideration_text, i.requirements)
      from public.indicators i where i.cycle_id = c.id
    union all select concat_ws(' ', ci.label, ci.group_label, ci.mov_hint)
      from public.checklist_items ci join public.indicators i on i.id = ci.indicator_id where i.cycle_id = c.id
    union all select s.label
      from public.upload_slots s join public.indicators i on i.id = s.indicator_id where i.cycle_id = c.id
  ) as t (text)
  where t.text ~ '\{[A-Z0-9_]+\}'
$$, 'no catalog text of any cycle keeps a {placeholder}');

select ok(
  (select count(*) > 0 and bool_and(f.name like '%CY 2089%')
   from private.catalog_editions e
   cross join lateral jsonb_path_query(e.document, '$.indicators[*].leaves[*]') as leaf
   join fresh_cycle f on f.code = leaf ->> 'code'
   where e.edition = '2024' and leaf ->> 'name' like '%{CY_CURRENT_YEAR}%'),
  'a {CY_CURRENT_YEAR} placeholder becomes the calendar year the cycle reviews');

select is_empty($$
  with installed as (
    select leaf.code, jsonb_build_object(
      'parent', jsonb_build_array(parent.code, parent.is_bbi, parent.is_profiling_only),
      'rule', leaf.validation_rule, 'consideration', leaf.has_consideration_rule,
      'notes', jsonb_build_array(leaf.notes_page, leaf.requirements),
      'items', (select jsonb_agg(jsonb_build_array(ci.item_key, ci.item_type, ci.is_required, ci.option_group, ci.is_profiling,
                                                   ci.entered_by)
                                 order by ci.sort_order)
                from public.checklist_items ci where ci.indicator_id = leaf.id),
      'slots', (select jsonb_agg(jsonb_build_array(s.slot_key, s.option_group) order by s.sort_order)
                from public.upload_slots s where s.indicator_id = leaf.id)) as facts
    from fresh_cycle leaf join public.indicators parent on parent.id = leaf.parent_id
  ),
  edition as (
    select leaf ->> 'code' as code, jsonb_build_object(
      'parent', jsonb_build_array(parent ->> 'code', (parent ->> 'isBbi')::boolean, (parent ->> 'isProfilingOnly')::boolean),
      'rule', leaf ->> 'validationRule', 'consideration', (leaf ->> 'hasConsiderationRule')::boolean,
      'notes', jsonb_build_array((leaf ->> 'notesPage')::smallint,
                                 private.resolve_placeholders(leaf ->> 'requirements', 2089)::jsonb),
      'items', (select jsonb_agg(jsonb_build_array(item ->> 'key', item ->> 'type', (item ->> 'required')::boolean,
                                                   item ->> 'optionGroup', (item ->> 'isProfiling')::boolean,
                                                   item ->> 'enteredBy')
                                 order by position)
                from jsonb_array_elements(leaf -> 'items') with ordinality as items (item, position)),
      'slots', (select jsonb_agg(jsonb_build_array(slot ->> 'key', slot ->> 'optionGroup') order by position)
                from jsonb_array_elements(leaf -> 'slots') with ordinality as slots (slot, position))) as facts
    from private.catalog_editions e
    cross join jsonb_array_elements(e.document -> 'indicators') as parent
    cross join jsonb_array_elements(parent -> 'leaves') as leaf
    where e.edition = '2024'
  )
  (select * from installed except select * from edition)
  union all
  (select * from edition except select * from installed)
$$, 'every leaf of a new cycle keeps its edition''s parent, rule, consideration, notes page and requirements, checklist items (with who enters them) and upload slots, in order');

select is((select requirements -> 0 from fresh_cycle where code = '1.3.1'),
  jsonb_build_object('kind', 'deadline', 'item', '1_3_1_date_approval', 'onOrBefore', '2088-12-31',
    'considerationUntil', '2089-03-31', 'dated', jsonb_build_object('en', 'approval of the Barangay Appropriation Ordinance',
                                                                 'fil', 'pag-apruba ng Barangay Appropriation Ordinance'), 'page', 3),
  'a deadline is resolved for the cycle: a cycle reviewing 2089 needs approval by December 31, 2088 and may consider it until March 31, 2089');

-- What a leaf takes from its parent, against the 2024 edition's own figures.
select is(array(select count(*)::integer from fresh_cycle where parent_id is not null
                group by area_code order by area_code),
  array[9, 9, 22, 34, 4, 6], 'each leaf is in its parent''s area: 9, 9, 22, 34, 4 and 6 leaves in areas 1 to 6');
select is(array(select distinct parent.code from fresh_cycle leaf join public.indicators parent on parent.id = leaf.parent_id
                where leaf.is_bbi order by parent.code),
  array['2.1', '3.1', '3.2', '4.1', '4.3', '4.5', '6.1'], 'the leaves of the 7 BBIs are BBI leaves, and no other');
select is(array(select code from fresh_cycle where parent_id is not null and is_profiling_only order by sort_order),
  array['4.1.7', '4.2.2', '4.9.1', '4.9.2', '4.9.3', '4.9.4', '4.9.5'],
  'the profiling-only leaves: their own flag, or their indicator''s (4.9)');

insert into private.catalog_editions (edition, document, source_sha256)
values ('unknown-placeholder', $${"indicators": [{"code": "1.1", "area": 1, "name": "Posted by {NEXT_YEAR}",
  "isBbi": false, "isProfilingOnly": false, "leaves": []}]}$$, repeat('0', 64));
select throws_ok(
  $$insert into public.cycles (year, title, reviewed_year, catalog_edition)
    values (2092, 'SGLGB 2092', 2091, 'unknown-placeholder')$$,
  'VA008', 'Unknown catalog placeholder {NEXT_YEAR}',
  'a cycle whose edition holds a placeholder the catalog does not know is refused');

select throws_ok($$update public.cycles set reviewed_year = 2070 where year = 2090$$,
  'VA001', 'The catalog edition and reviewed year of cycle 2090 cannot change once it exists',
  'the reviewed year of a cycle cannot change once its catalog is installed');
select throws_ok($$update public.cycles set catalog_edition = 'unknown-placeholder' where year = 2090$$,
  'VA001', 'The catalog edition and reviewed year of cycle 2090 cannot change once it exists',
  'the catalog edition of a cycle cannot change once it is installed');

select tests.create_cycle(2093, true);
select throws_ok($$update public.cycles set is_active = true where year = 2090$$, '23505', null,
  'a second cycle cannot be active');

select tests.create_user('catalog-admin@t.local', 'administrator');
select tests.act_as('catalog-admin@t.local');
insert into public.cycles (year, title, reviewed_year, catalog_edition) values (2094, 'SGLGB 2094', 2093, '2024');
select throws_ok(
  $$insert into public.cycles (year, title, reviewed_year, catalog_edition) values (2095, 'SGLGB 2095', 2094, '2025')$$,
  'VA007', 'Catalog edition 2025 is not loaded',
  'a cycle naming an edition that is not loaded is refused by name');
select is(
  tests.hint_of($$insert into public.cycles (year, title, reviewed_year, catalog_edition)
    values (2095, 'SGLGB 2095', 2094, '2025')$$),
  'Name one of the loaded editions: 2024, unknown-placeholder.',
  'the refusal lists the editions the central administrator can name, which they cannot read themselves');
select tests.act_as_postgres();
select is((select created_by from public.cycles where year = 2094), tests.user_id('catalog-admin@t.local'),
  'a cycle records the central administrator who created it');

select tests.act_as_anon();
select is((select count(*)::integer from public.indicators where cycle_id = (select id from public.cycles where year = 2090)),
  115, 'anyone, even anonymous, reads the public catalog');

select * from finish();
rollback;
