-- Answers, checklist values and comments: optimistic concurrency (a stale version is refused and
-- nothing is overwritten), the lock, who may write what and when.

begin;
select plan(45);

select tests.wf_fixture('ans') as a \gset
select tests.wf_leaf(:'a', '1.1.2') as leaf \gset
select tests.wf_leaf(:'a', '2.1.1') as leaf2 \gset
select item_key as item from public.checklist_items where indicator_id = :'leaf' order by sort_order limit 1 \gset

-- Answers ------------------------------------------------------------------------------------------

select tests.act_as('ans-blgu@test.local');
select is(public.save_answers(:'a', :'leaf', '{"1_1_2_a": true}', 0), 1, 'The first save of a leaf creates version 1');
select is(public.save_answers(:'a', :'leaf', '{"1_1_2_a": false}', 1), 2, 'A save based on the current version applies');
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 1)', :'a', :'leaf', '{"1_1_2_a": null}'), 'VA004', :'a',
  'A save based on a stale version is refused');
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 0)', :'a', :'leaf2', '["not", "an", "object"]'), 'VA008', :'a',
  'Answers that are not an object are refused');
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 0)', :'a', gen_random_uuid(), '{}'), 'VA008', :'a',
  'An unknown leaf is refused');
select tests.act_as_postgres();
select is((select answers from public.responses where assessment_id = :'a' and leaf_id = :'leaf'), '{"1_1_2_a": false}'::jsonb,
  'The stored answers are the last accepted ones');
select is((select count(*)::int from public.leaf_history where assessment_id = :'a' and leaf_id = :'leaf' and source = 'answers'), 2,
  'Each accepted change is in the history');

select tests.act_as('ans-neighbour@test.local');
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 2)', :'a', :'leaf', '{}'), '42501', :'a',
  'Another barangay cannot save answers here');
select tests.act_as('ans-assessor-1@test.local');
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 2)', :'a', :'leaf', '{}'), '42501', :'a',
  'An assessor cannot save the barangay''s answers');

select tests.act_as('ans-mlgoo@test.local');
select public.lock_assessment(:'a', 'Documents under investigation');
select tests.act_as('ans-blgu@test.local');
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 2)', :'a', :'leaf', '{}'), 'VA005', :'a',
  'A locked assessment refuses answers');
select tests.wf_refuses(format('select public.submit_area(%L, 1::smallint)', :'a'), 'VA005', :'a',
  'A locked assessment refuses submissions');
select tests.act_as('ans-mlgoo@test.local');
select public.unlock_assessment(:'a');

select tests.act_as('ans-blgu@test.local');
select public.submit_area(:'a', 1::smallint);
select tests.wf_refuses(format('select public.save_answers(%L, %L, %L, 2)', :'a', :'leaf', '{}'), 'VA001', :'a',
  'Answers of a submitted area cannot change');
select is(public.save_answers(:'a', :'leaf2', '{"2_1_1_eo": true}', 0), 1, 'Answers of an area still in draft can');

-- Checklist values -----------------------------------------------------------------------------------

select tests.act_as('ans-assessor-1@test.local');
select is(public.save_checklist(:'a', :'leaf', jsonb_build_object(:'item', true), 0), 1, 'The assessor of the area ticks an item');
select tests.wf_refuses(format('select public.save_checklist(%L, %L, %L, 0)', :'a', :'leaf', jsonb_build_object(:'item', false)), 'VA004', :'a',
  'A checklist save from a stale version is refused');
select tests.wf_refuses(format('select public.save_checklist(%L, %L, %L, 1)', :'a', :'leaf', '{"no_such_item": true}'), 'VA008', :'a',
  'Unknown checklist items are refused');
select tests.wf_refuses(format('select public.save_checklist(%L, %L, %L, 0)', :'a', :'leaf2', '{}'), '42501', :'a',
  'The assessor of area 1 cannot tick items of area 2');
select tests.act_as('ans-assessor-2@test.local');
select tests.wf_refuses(format('select public.save_checklist(%L, %L, %L, 0)', :'a', :'leaf2', '{}'), 'VA001', :'a',
  'Items of an area not yet submitted cannot be ticked');
select tests.act_as('ans-validator@test.local');
select tests.wf_refuses(format('select public.save_checklist(%L, %L, %L, 1)', :'a', :'leaf', '{}'), '42501', :'a',
  'A validator does not tick checklist items');

-- Comments --------------------------------------------------------------------------------------------

select tests.act_as('ans-assessor-1@test.local');
select isnt(public.add_comment(:'a', 'The budget lacks the signature page', 'public', :'leaf'), null,
  'The assessor of the area writes a public comment on a leaf');
select isnt(public.add_comment(:'a', 'Call the treasurer', 'internal', p_area_code => 1::smallint), null,
  'The assessor writes an internal note on the area');
select tests.wf_refuses(format('select public.add_comment(%L, %L)', :'a', 'Where?'), 'VA008', :'a',
  'A comment must say what it is about');
select tests.wf_refuses(format('select public.add_comment(%L, %L, %L, %L)', :'a', '  ', 'public', :'leaf'), 'VA003', :'a',
  'An empty comment is refused');
select tests.act_as('ans-assessor-2@test.local');
select tests.wf_refuses(format('select public.add_comment(%L, %L, %L, %L)', :'a', 'Hi', 'public', :'leaf2'), 'VA001', :'a',
  'An assessor cannot comment on an area not yet submitted');
select tests.act_as('ans-blgu@test.local');
select tests.wf_refuses(format('select public.add_comment(%L, %L, %L, %L)', :'a', 'Done', 'public', :'leaf'), '42501', :'a',
  'The barangay cannot write review comments');
select tests.act_as('ans-validator@test.local');
select tests.wf_refuses(format('select public.add_comment(%L, %L, %L, %L)', :'a', 'Early', 'public', :'leaf'), 'VA001', :'a',
  'A validator comments only once validation started');
select tests.act_as('ans-blgu@test.local');
select is((select array_agg(body) from public.comments where assessment_id = :'a'), array['The budget lacks the signature page'],
  'The barangay reads the public comment and not the internal note');

select * from finish();
rollback;
