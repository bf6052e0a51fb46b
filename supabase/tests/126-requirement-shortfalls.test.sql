-- A value that falls short of a quantitative requirement is still a value of its item's kind: the
-- database checks only type and shape, and saves it; the classifier alone computes the shortfall.

begin;
select plan(5);

select tests.wf_fixture('short') as a \gset
select tests.wf_leaf(:'a', '3.1.8') as counted \gset
select tests.wf_leaf(:'a', '2.1.4') as reported \gset
select tests.wf_leaf(:'a', '2.1.3') as budgeted \gset
select tests.wf_leaf(:'a', '1.3.1') as dated \gset

select tests.act_as('short-blgu@test.local');
select is(public.save_answers(:'a', :'counted', '{"3_1_8_a": true, "3_1_8_count": 2}', 0), 1,
  'Two CIR transmittals where three are required are saved');
select is(public.save_answers(:'a', :'reported',
  '{"2_1_4_physical_accomplished": 38, "2_1_4_physical_reflected": 100,
    "2_1_4_financial_utilized": 410000, "2_1_4_financial_allocated": 0}', 0), 1,
  'Accomplishment below 50 % and a zero allocation are saved');
select is(public.save_answers(:'a', :'budgeted',
  '{"2_1_3_estimated_revenue": 1000000, "2_1_3_bdrrmf_amount": 49999.5}', 0), 1,
  'A BDRRMF below 5 % of the estimated revenue is saved, both amounts now amounts');
select is(public.save_answers(:'a', :'dated', '{"1_3_1_date_approval": "2099-12-31"}', 0), 1,
  'An appropriation ordinance approved after the consideration window is saved');
select is(
  (select answers from public.responses where assessment_id = :'a' and leaf_id = :'budgeted'),
  '{"2_1_3_estimated_revenue": 1000000, "2_1_3_bdrrmf_amount": 49999.5}'::jsonb,
  'The amounts are kept as entered');

select * from finish();
rollback;
