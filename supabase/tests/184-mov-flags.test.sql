-- MOV flags follow the visibility rule: a reviewer's flag and note on a file reach the barangay
-- when the file's area comes back to it (rework, calibration) or the assessment is completed, never
-- before; the flag itself and its mov_flagged event always agree.

begin;
select plan(14);

select tests.wf_fixture('flg') as a \gset
select tests.wf_leaf(:'a', '1.1.1') as leaf1 \gset

-- Two files uploaded by the barangay: one in area 1, one in area 2.
select tests.act_as('flg-blgu@test.local');
select tests.storage_upload(format('%s/%s/%s/%s-%s.pdf', :'a', code, tests.slot_key(a.cycle_id, code), gen_random_uuid(), replace(code, '.', '_')))
from public.assessments a, unnest(array['1.1.1', '2.1.1']) as code
where a.id = :'a';
select tests.act_as_postgres();
select id as mov1 from public.mov_files where assessment_id = :'a' and area_code = 1 \gset
select id as mov2 from public.mov_files where assessment_id = :'a' and area_code = 2 \gset

-- What the barangay sees of a file's flag: the flag row and the flag events, side by side.
create function pg_temp.barangay_sees(p_mov uuid)
returns text
language plpgsql
as $$
declare
  v_seen text;
begin
  perform tests.act_as('flg-blgu@test.local');
  select format('flag %s, events %s',
    (select count(*) from public.mov_flags where mov_id = p_mov),
    (select count(*) from public.events where action like 'mov_%flagged' and details ->> 'movId' = p_mov::text))
  into v_seen;
  perform tests.act_as_postgres();
  return v_seen;
end;
$$;

select tests.wf_submit_all(:'a', 'flg');
select tests.act_as('flg-assessor-1@test.local');
select public.flag_mov(:'mov1', true, 'The budget is not signed');
select tests.act_as_postgres();
select is(pg_temp.barangay_sees(:'mov1'), 'flag 0, events 0', 'an assessor''s flag is hidden while the area is under review');

select tests.act_as('flg-assessor-1@test.local');
select public.request_rework(:'a', 1::smallint, 'Sign the budget and upload it again.');
select tests.act_as_postgres();
select is(pg_temp.barangay_sees(:'mov1'), 'flag 1, events 1', 'the flag and its event reach the barangay with the rework');
select tests.act_as('flg-blgu@test.local');
select is((select reviewer_note from public.mov_flags where mov_id = :'mov1'), 'The budget is not signed',
  'the barangay reads the note during the rework');
select tests.act_as_postgres();

select tests.wf_submit_all(:'a', 'flg');
select tests.wf_approve_all(:'a', 'flg');
select is(tests.wf_status(:'a'), 'awaiting_validation', 'the assessment reached validation');
select is(pg_temp.barangay_sees(:'mov1'), 'flag 1, events 1', 'a flag the barangay has seen stays visible');

-- The validator's flags during validation.
select tests.act_as('flg-validator@test.local');
select public.flag_mov(:'mov2', true, 'Photo is unreadable');
select public.flag_mov(:'mov1', true, 'Still not signed by the treasurer');
select public.add_comment(:'a', 'Upload the budget signed by the treasurer.', 'public', :'leaf1');
select tests.act_as_postgres();
select is(pg_temp.barangay_sees(:'mov2'), 'flag 0, events 0', 'a validator''s flag is hidden while the assessment awaits validation');
select tests.act_as('flg-blgu@test.local');
select is((select count(*)::integer from public.mov_flags where mov_id = :'mov1'), 0,
  'a newer flag on a file the barangay saw flagged before is hidden until it comes back');
select is((select count(*)::integer from public.events where action = 'mov_flagged' and details ->> 'movId' = :'mov1'), 1,
  'of that file''s flag events the barangay still sees only the one it was sent back with');
select tests.act_as_postgres();

select tests.act_as('flg-validator@test.local');
select public.request_calibration(:'a', array[:'leaf1'::uuid]);
select tests.act_as_postgres();
select is(pg_temp.barangay_sees(:'mov1'), 'flag 1, events 2', 'the calibration of area 1 shows the barangay the validator''s flag on its file');
select is(pg_temp.barangay_sees(:'mov2'), 'flag 0, events 0', 'a flag in an area not sent back stays hidden');
select tests.act_as('flg-blgu@test.local');
select is((select reviewer_note from public.mov_flags where mov_id = :'mov1'), 'Still not signed by the treasurer',
  'the barangay reads the validator''s note during the calibration');
select public.submit_calibration(:'a');
select tests.act_as_postgres();

select tests.wf_decide_all(:'a', 'flg');
select tests.act_as('flg-validator@test.local');
select public.finalize_validation(:'a');
select tests.act_as('flg-mlgoo@test.local');
select public.approve_assessment(:'a');
select tests.act_as_postgres();
select is(tests.wf_status(:'a'), 'completed', 'the assessment is completed');
select is(pg_temp.barangay_sees(:'mov2'), 'flag 1, events 1', 'once completed the barangay sees every flag and its event');

select tests.act_as('flg-assessor-3@test.local');
select is((select count(*)::integer from public.mov_flags where mov_id = :'mov2'), 0,
  'an assessor of another area does not read the flag');
select tests.act_as_postgres();

select * from finish();
rollback;
