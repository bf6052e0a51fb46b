-- What a barangay types in (save_answers) and what an assessor ticks (save_checklist) is checked
-- against the sub-indicator's checklist items: a value of the item's kind, text within its bound
-- and no unknown key. A refusal names the item and writes nothing.

begin;
select plan(39);

select tests.wf_fixture('vals') as a \gset
select tests.wf_leaf(:'a', '1.1.1') as counted \gset
select tests.wf_leaf(:'a', '1.3.1') as dated \gset
select tests.wf_leaf(:'a', '1.6.1') as noted \gset
select tests.wf_leaf(:'a', '2.1.4') as amounts \gset
select private.longest_item_text() as longest \gset

create function pg_temp.refuses_answers(p_assessment uuid, p_leaf uuid, p_answers jsonb, p_description text)
returns setof text
language sql
as $$
  select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 1)', p_assessment, p_leaf, p_answers),
                          'VA008', p_assessment, p_description);
$$;
grant execute on all functions in schema pg_temp to authenticated;

-- Accepted --------------------------------------------------------------------------------------------

select tests.act_as('vals-blgu@test.local');
select is(public.save_answers(:'a', :'counted',
  '{"1_1_1_bfdp_form": true, "1_1_1_bfdp_count": 3, "1_1_1_f_count": 2.0, "1_1_1_photo_docs": null}', 0), 1,
  'Yes/no boxes, whole counts and empty answers are saved');
select is(public.save_answers(:'a', :'amounts',
  '{"2_1_4_option_a": "yes", "2_1_4_option_b": false, "2_1_4_physical_accomplished": 12.5,
    "2_1_4_physical_reflected": -3e2, "2_1_4_or_separator": "see the accomplishment report"}', 0), 1,
  'YES/NO fields, amounts and notes are saved');
select is(public.save_answers(:'a', :'dated', '{"1_3_1_date_approval": "2024-02-29T23:59:59.5+08:00"}', 0), 1,
  'A real date, with a time of day and an offset, is saved');
select is(public.save_answers(:'a', :'noted', jsonb_build_object('1_6_1_or_1', repeat('😀', :longest), '1_6_1_opt1_header', 0), 0), 1,
  'A note of the longest length, counted in characters, is saved');

-- Refused, naming the item, with nothing written ----------------------------------------------------------

select pg_temp.refuses_answers(:'a', :'counted', '{"approved": "yes"}',
  'A key that is not an item of the sub-indicator is refused');
select throws_like(format('select public.save_answers(%L, %L, %L, 1)', :'a', :'counted', '{"1_1_1_a": true, "approved": "yes"}'),
  '%1.1.1%no checklist item approved%', 'The refusal names the unknown key');
select pg_temp.refuses_answers(:'a', :'counted', '{"1_1_1_bfdp_form": "yes"}',
  'A box answered with text is refused');
select pg_temp.refuses_answers(:'a', :'counted', '{"1_1_1_bfdp_count": 1.5}',
  'A document count that is not whole is refused');
select pg_temp.refuses_answers(:'a', :'counted', '{"1_1_1_bfdp_count": -1}',
  'A negative document count is refused');
select throws_like(format('select public.save_answers(%L, %L, %L, 1)', :'a', :'counted', '{"1_1_1_bfdp_form": true, "1_1_1_bfdp_count": "3"}'),
  '%1.1.1%(1\_1\_1\_bfdp\_count): expected a whole number, 0 or more%', 'The refusal names the item and what it expects');
select pg_temp.refuses_answers(:'a', :'amounts', '{"2_1_4_option_a": "maybe"}',
  'A YES/NO field answered otherwise is refused');
select pg_temp.refuses_answers(:'a', :'amounts', '{"2_1_4_financial_utilized": "1,000"}',
  'An amount written as text is refused');
select pg_temp.refuses_answers(:'a', :'amounts', '{"2_1_4_financial_utilized": 1e400}',
  'An amount too large for the classifier is refused');
select pg_temp.refuses_answers(:'a', :'dated', '{"1_3_1_date_approval": "31/03/2024"}',
  'A date not written as an ISO date is refused');
select pg_temp.refuses_answers(:'a', :'dated', '{"1_3_1_date_approval": "2023-02-29"}',
  'A day the month does not have is refused');
select pg_temp.refuses_answers(:'a', :'dated', '{"1_3_1_date_approval": "2024-03-31T25:61:99+99:99"}',
  'An impossible time of day or offset is refused');
select pg_temp.refuses_answers(:'a', :'noted', jsonb_build_object('1_6_1_or_1', repeat('a', :longest + 1)),
  'A note longer than the bound is refused');
select throws_like(format('select public.save_answers(%L, %L, %L, 1)', :'a', :'noted', jsonb_build_object('1_6_1_or_1', repeat('a', :longest + 1))),
  format('%%1.6.1%%(1\_6\_1\_or\_1): expected a text of at most %s characters%%', :longest), 'The refusal states the bound');
select pg_temp.refuses_answers(:'a', :'noted', '{"1_6_1_or_1": {"text": "OR"}}',
  'A nested object is refused');
select pg_temp.refuses_answers(:'a', :'noted', '{"1_6_1_opt1_header": ["a"]}',
  'A list is refused');
select tests.act_as_postgres();
select is((select answers from public.responses where assessment_id = :'a' and leaf_id = :'counted'),
  '{"1_1_1_bfdp_form": true, "1_1_1_bfdp_count": 3, "1_1_1_f_count": 2.0, "1_1_1_photo_docs": null}'::jsonb,
  'The stored answers are the last accepted ones');

-- The assessor's checklist values follow the same rule ------------------------------------------------------

select tests.act_as('vals-blgu@test.local');
select public.submit_area(:'a', 1::smallint);
select tests.act_as('vals-assessor-1@test.local');
select is(public.save_checklist(:'a', :'dated', '{"1_3_1_a": true, "1_3_1_date_approval": "2024-03-31"}', 0), 1,
  'The assessor saves checklist values of the items'' kinds');
select tests.wf_refuses(format('select public.save_checklist(%L, %L, %L, 1)', :'a', :'dated', '{"1_3_1_date_approval": "2024-13-01"}'), 'VA008', :'a',
  'A checklist date that names no day is refused');
select tests.wf_refuses(format('select public.save_checklist(%L, %L, %L, 1)', :'a', :'counted', '{"1_1_1_bfdp_count": true}'), 'VA008', :'a',
  'A checklist count given as true is refused');
select tests.act_as_postgres();

select * from finish();
rollback;
