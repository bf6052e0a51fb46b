-- The capacity-development agenda: the national interventions cover every scored sub-indicator;
-- the agenda stored with an official result (as the classify function stores it) is read through
-- capdev_agenda in rank order, in the reader's language, with the MLGOO's overrides for its city
-- or municipality; the barangay reads nothing before completion; only the MLGOO edits its
-- municipality's overrides and only the central administrator the national defaults.
begin;
select plan(33);

-- Every scored sub-indicator of the 2024 edition has one intervention per failure reason.
select tests.wf_fixture('cdv') as a \gset
select is(
  (select count(*)::integer from public.indicators l
   join public.indicators p on p.id = l.parent_id
   join public.assessments a on a.cycle_id = l.cycle_id and a.id = :'a'
   cross join unnest(enum_range(null::public.capdev_reason)) as reason
   where not l.is_profiling_only and not p.is_profiling_only
     and exists (select 1 from public.capdev_interventions i
                 where i.catalog_edition = '2024' and i.leaf_code = l.code and i.reason = reason)),
  77 * 3, 'each of the 77 scored sub-indicators has a missing-MOV, an Unmet and a parent-Unmet intervention');
select is((select count(*)::integer from public.capdev_interventions), 77 * 3, 'and no other code has one');

-- An official result awaiting approval with its agenda, written as the classify function writes them.
select tests.wf_advance(:'a', 'cdv', 'awaiting_approval');
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
values (:'a', 'official', 'test', repeat('e', 64), '{"areas": []}', false, 60)
returning id as result \gset
insert into public.capdev_agendas (result_id, assessment_id, passed, passable, fewest_fixes, fewest_fix_areas, classifier_version)
values (:'result', :'a', false, true, 2, '{2,4}', 'test');
insert into public.capdev_agenda_items (result_id, rank, priority, leaf_code, indicator_code, area_code, reasons,
                                        answers, missing_slots, shortfalls, in_fewest_fixes)
values
  (:'result', 2, 'flip', '4.1.1', '4.1', 4, '{unmet}', 'unmet', '{}', '[]', true),
  (:'result', 1, 'core', '2.1.4', '2.1', 2, '{missing_mov:accomplishment_report,unmet}', 'unmet', '{accomplishment_report}',
   '[{"rule": "ratio", "page": 16, "texts": {"en": "35 % of the physical targets accomplished; at least 50 % is needed"}}]', true),
  (:'result', 3, 'other', '5.3.1', '5.3', 5, '{unmet}', 'unmet', '{}', '[]', false);

select tests.act_as('cdv-blgu@test.local');
select is_empty(format($$ select 1 from public.capdev_agenda(%L) $$, :'a'),
  'the barangay reads no agenda before its assessment is completed');
select is_empty('select 1 from public.capdev_agendas', 'nor the stored agenda');
select is_empty('select 1 from public.capdev_agenda_items', 'nor its items');

select tests.act_as('cdv-mlgoo@test.local');
select results_eq(
  format($$ select rank::integer, priority::text, leaf_code, office_code, in_fewest_fixes from public.capdev_agenda(%L) $$, :'a'),
  $$ values (1, 'core', '2.1.4', 'MDRRMO', true), (2, 'flip', '4.1.1', 'MSWDO', true), (3, 'other', '5.3.1', 'BLGU', false) $$,
  'the MLGOO reads the agenda in rank order, each sub-indicator once with its office');
select matches(
  (select intervention from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  '^Carry out the BDRRM Plan''s activities', 'an Unmet sub-indicator gets its Unmet intervention');
select matches(
  (select evidence_intervention from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  '^Gather and upload the accomplishment report', 'and, with a MOV missing, its missing-MOV intervention');
select is(
  (select missing_movs from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  array['Accomplishment Report'], 'the missing MOV by its slot''s name');
select is(
  (select shortfalls from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  array['35 % of the physical targets accomplished; at least 50 % is needed'], 'the shortfall''s text');
select is(
  (select evidence_intervention from public.capdev_agenda(:'a') where leaf_code = '4.1.1'), null,
  'no missing-MOV intervention where no MOV is missing');
select is(
  (select due_on from public.capdev_agenda(:'a') where leaf_code = '2.1.4'), null,
  'nothing falls due before the approval');
select is((select fewest_fixes from public.capdev_agenda(:'a') limit 1), 2, 'the fewest fixes to pass come with it');

select tests.act_as('cdv-validator@test.local');
select is((select count(*)::integer from public.capdev_agenda(:'a')), 3, 'a validator of the municipality reads it');

-- Completed: the barangay reads its agenda in its own language.
select tests.act_as('cdv-mlgoo@test.local');
select public.approve_assessment(:'a');
select tests.act_as_postgres();
update public.classification_results set created_at = now() + interval '1 minute' where id = :'result';
update public.profiles set preferred_language = 'fil' where email = 'cdv-blgu@test.local';
select tests.act_as('cdv-blgu@test.local');
select is((select count(*)::integer from public.capdev_agenda(:'a')), 3, 'the barangay reads its agenda once completed');
select matches(
  (select intervention from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  '^Isagawa ang mga gawain ng BDRRM Plan', 'in Filipino, its preferred language');
select is(
  (select office_name from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  'Tanggapan ng Pagbabawas ng Panganib sa Sakuna ng lungsod o bayan', 'the office''s name too');
select is(
  (select shortfalls from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  array['35 % of the physical targets accomplished; at least 50 % is needed'],
  'a shortfall without a Filipino text reads in English');
select is(
  (select due_on from public.capdev_agenda(:'a') where leaf_code = '2.1.4'),
  ((select approved_at from public.assessments where id = :'a') at time zone 'Asia/Manila')::date + 90,
  'it falls due the time frame after the approval');
select matches((select intervention from public.capdev_agenda(:'a', 'en') where leaf_code = '2.1.4'),
  '^Carry out', 'a language asked for wins over the preferred one');
select tests.act_as('cdv-neighbour@test.local');
select is_empty(format($$ select 1 from public.capdev_agenda(%L) $$, :'a'), 'another barangay reads nothing of it');
select tests.act_as_postgres();
select tests.create_user('cdv-province@test.local', 'oversight');
select private.declare_workflow_write();
update public.profiles set oversight_scope_code = '990100000' where email = 'cdv-province@test.local';
select tests.act_as('cdv-province@test.local');
select is((select count(*)::integer from public.capdev_agenda(:'a')), 3,
  'the provincial office (oversight) reads the completed assessment''s agenda');

-- Overrides: the MLGOO's for its own municipality, nobody else's.
select tests.act_as('cdv-mlgoo@test.local');
insert into public.capdev_intervention_overrides (city_municipality_code, catalog_edition, leaf_code, reason, office_code, text_en)
values ('990101000', '2024', '2.1.4', 'unmet', 'MBO', 'Ask the MBO to release the BDRRM Fund in the first quarter.');
select results_eq(
  format($$ select office_code, intervention from public.capdev_agenda(%L, 'en') where leaf_code = '2.1.4' $$, :'a'),
  $$ values ('MBO', 'Ask the MBO to release the BDRRM Fund in the first quarter.') $$,
  'the municipality''s override replaces the national office and text');
-- Set again as supabase-js upserts: every column sent is updated.
insert into public.capdev_intervention_overrides (city_municipality_code, catalog_edition, leaf_code, reason, office_code, text_en)
values ('990101000', '2024', '2.1.4', 'unmet', 'MBO', 'Ask the MBO to release the BDRRM Fund by March.')
on conflict (city_municipality_code, catalog_edition, leaf_code, reason) do update
set city_municipality_code = excluded.city_municipality_code, catalog_edition = excluded.catalog_edition,
    leaf_code = excluded.leaf_code, reason = excluded.reason, office_code = excluded.office_code,
    text_en = excluded.text_en;
select is(
  (select intervention from public.capdev_agenda(:'a', 'en') where leaf_code = '2.1.4'),
  'Ask the MBO to release the BDRRM Fund by March.', 'the MLGOO upserts its override');
select throws_ok(
  $$ update public.capdev_intervention_overrides set city_municipality_code = '990107000' $$,
  '42501', null, 'and cannot move it to another municipality');
select throws_ok(
  $$ insert into public.capdev_intervention_overrides (city_municipality_code, catalog_edition, leaf_code, reason, office_code)
     values ('990101000', '2024', '4.9.1', 'unmet', 'MBO') $$,
  '23503', null, 'an override answers a national intervention (a profiling sub-indicator has none)');
select throws_ok(
  $$ insert into public.capdev_intervention_overrides (city_municipality_code, catalog_edition, leaf_code, reason)
     values ('990101000', '2024', '4.1.1', 'unmet') $$,
  '23514', null, 'an override changes something');
select tests.act_as('cdv-blgu@test.local');
select results_eq(
  format($$ select office_code, left(intervention, 26) from public.capdev_agenda(%L) where leaf_code = '2.1.4' $$, :'a'),
  $$ values ('MBO', 'Isagawa ang mga gawain ng ') $$,
  'in Filipino the national text stays where the override has none, with the overridden office');
select throws_ok(
  $$ insert into public.capdev_intervention_overrides (city_municipality_code, catalog_edition, leaf_code, reason, office_code)
     values ('990101000', '2024', '4.1.1', 'unmet', 'BLGU') $$,
  '42501', null, 'the barangay cannot override an intervention');

select tests.act_as_postgres();
select tests.create_city_municipality('990107000', 'Far Town');
select tests.create_user('cdv-far-mlgoo@test.local', 'mlgoo', null, null, '990107000');
select tests.act_as('cdv-far-mlgoo@test.local');
select throws_ok(
  $$ insert into public.capdev_intervention_overrides (city_municipality_code, catalog_edition, leaf_code, reason, office_code)
     values ('990101000', '2024', '4.1.1', 'unmet', 'BLGU') $$,
  '42501', null, 'another municipality''s MLGOO cannot override for this one');
select is_empty(format($$ select 1 from public.capdev_agenda(%L) $$, :'a'), 'nor read its barangays'' agendas');

-- National defaults: the central administrator's.
select tests.act_as('cdv-mlgoo@test.local');
select is_empty(
  $$ update public.capdev_interventions set time_frame_days = 10
     where catalog_edition = '2024' and leaf_code = '2.1.4' and reason = 'unmet' returning 1 $$,
  'the MLGOO does not change the national interventions');
select tests.act_as_postgres();
select tests.create_user('cdv-admin@test.local', 'administrator');
select tests.act_as('cdv-admin@test.local');
update public.capdev_interventions set time_frame_days = 60
where catalog_edition = '2024' and leaf_code = '2.1.4' and reason = 'unmet';
select tests.act_as_postgres();
select is(
  (select time_frame_days from public.capdev_interventions
   where catalog_edition = '2024' and leaf_code = '2.1.4' and reason = 'unmet' and updated_by = tests.user_id('cdv-admin@test.local')),
  60::smallint, 'the central administrator does, and the change is signed');

select * from finish();
rollback;
