-- Editing rights: when the barangay may change a leaf (answers, MOVs) and when a validator may upload
-- on its behalf, for every assessment state (sglgb.md section 4).

begin;
-- The fixture puts the assessment in each state directly.
select private.declare_workflow_write();

create temporary table fx (key text primary key, id uuid);
insert into fx values
  ('cycle', tests.create_cycle(2090)),
  ('other_cycle', tests.create_cycle(2092)),
  ('brgy', tests.create_barangay('990000501', 'Rights Barangay'));
insert into fx values
  ('a', tests.create_assessment((select id from fx where key = 'cycle'), (select id from fx where key = 'brgy'))),
  ('leaf', tests.leaf_id((select id from fx where key = 'cycle'), '1.1.1')),
  ('other_leaf', tests.leaf_id((select id from fx where key = 'other_cycle'), '1.1.1'));
insert into fx select 'parent', parent_id from public.indicators where id = (select id from fx where key = 'leaf');
insert into public.reviews (assessment_id, leaf_id, area_code)
select (select id from fx where key = 'a'), (select id from fx where key = 'leaf'), 1;

-- Puts the assessment, area 1 and the leaf's review in the given state, then asks both rules.
create function pg_temp.rights_in(
  p_status public.assessment_status, p_area_status public.area_status, p_flags text[], p_locked boolean,
  out barangay_may_edit boolean, out validator_may_upload boolean
)
language plpgsql
as $$
declare
  v_a uuid := (select id from fx where key = 'a');
begin
  update public.assessments
  set status = p_status, is_locked = p_locked,
      resume_status = case when p_status = 'reopened' then 'awaiting_validation'::public.assessment_status end
  where id = v_a;
  update public.assessment_areas set status = p_area_status where assessment_id = v_a and area_code = 1;
  update public.reviews
  set flagged_for_calibration = 'calibration' = any (p_flags),
      flagged_for_recalibration = 'recalibration' = any (p_flags)
  where assessment_id = v_a;
  barangay_may_edit := private.barangay_can_edit_leaf(v_a, (select id from fx where key = 'leaf'));
  validator_may_upload := private.validator_can_upload(v_a);
end;
$$;

create temporary table cases (n serial, status public.assessment_status, area_status public.area_status,
  flags text[], locked boolean, expected boolean, description text);
insert into cases (status, area_status, flags, locked, expected, description) values
  ('draft', 'draft', '{}', false, true, 'in a draft area of a draft assessment'),
  ('draft', 'submitted', '{}', false, false, 'in an area submitted for review'),
  ('submitted', 'rework', '{}', false, true, 'in an area sent back for rework'),
  ('submitted', 'approved', '{}', false, false, 'in an approved area'),
  ('reopened', 'draft', '{}', false, true, 'in an area of a reopened assessment'),
  ('awaiting_validation', 'approved', '{}', false, false, 'during validation'),
  ('calibration', 'approved', '{calibration}', false, true, 'named in the calibration'),
  ('calibration', 'approved', '{}', false, false, 'the calibration does not name'),
  ('calibration', 'approved', '{recalibration}', false, false, 'named only for recalibration, in calibration'),
  ('awaiting_approval', 'approved', '{calibration,recalibration}', false, false, 'while awaiting approval'),
  ('recalibration', 'approved', '{recalibration}', false, true, 'named in the recalibration'),
  ('recalibration', 'approved', '{calibration}', false, false, 'named only for calibration, in recalibration'),
  ('completed', 'approved', '{calibration,recalibration}', false, false, 'once completed'),
  ('draft', 'draft', '{}', true, false, 'in a draft area while locked'),
  ('calibration', 'approved', '{calibration}', true, false, 'named in the calibration while locked');

select plan((select count(*)::integer + 4 from cases));

select is((pg_temp.rights_in(status, area_status, flags, locked)).barangay_may_edit, expected,
  format('The barangay %s edit a leaf %s', case when expected then 'may' else 'may not' end, description))
from cases order by n;

select pg_temp.rights_in('draft', 'draft', '{}', false);
select ok(not private.barangay_can_edit_leaf((select id from fx where key = 'a'), (select id from fx where key = 'parent')),
  'A parent indicator is never edited as a leaf');
select ok(not private.barangay_can_edit_leaf((select id from fx where key = 'a'), (select id from fx where key = 'other_leaf')),
  'A leaf of another cycle is never editable in this assessment');
select ok(not private.barangay_can_edit_leaf(gen_random_uuid(), (select id from fx where key = 'leaf')),
  'Nothing is editable in an assessment that does not exist');

select is(
  array(select s from unnest(enum_range(null::public.assessment_status)) as s
        where (pg_temp.rights_in(s, 'approved', '{}', false)).validator_may_upload),
  array['awaiting_validation', 'calibration']::public.assessment_status[],
  'A validator uploads on the barangay''s behalf only during validation and calibration');

select * from finish();
rollback;
