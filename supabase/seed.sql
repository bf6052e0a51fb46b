-- Demo data for local development (applied by `supabase db reset` after the migrations):
-- the active cycle SGLGB 2025 reviewing CY 2024, the 26 barangays of Santa Cruz and the 16 of
-- Pagsanjan, Laguna, each with its own MLGOO, assessors, validators and barangay users, a katuparan
-- partner (logins with the password Vantage-demo-2025, listed in README.md) and assessments in
-- varied states.
-- Rows are written directly, as the workflow functions would have left them; the claims set before
-- each step make the history triggers record the right actor.

-- The seed writes the workflow state directly (roles, statuses, decisions), as a workflow write.
select private.declare_workflow_write();

-- Login users ---------------------------------------------------------------------------------------

create temporary table demo_users (id uuid, email text, full_name text, role public.app_role, barangay_psgc text, area_code smallint);
insert into demo_users values
  ('00000000-0000-4000-8000-000000000001', 'mlgoo@vantage.local', 'Maria Dela Cruz (MLGOO)', 'mlgoo', null, null),
  ('00000000-0000-4000-8000-000000000101', 'assessor1@vantage.local', 'Area 1 Assessor', 'assessor', null, 1),
  ('00000000-0000-4000-8000-000000000102', 'assessor2@vantage.local', 'Area 2 Assessor', 'assessor', null, 2),
  ('00000000-0000-4000-8000-000000000103', 'assessor3@vantage.local', 'Area 3 Assessor', 'assessor', null, 3),
  ('00000000-0000-4000-8000-000000000104', 'assessor4@vantage.local', 'Area 4 Assessor', 'assessor', null, 4),
  ('00000000-0000-4000-8000-000000000105', 'assessor5@vantage.local', 'Area 5 Assessor', 'assessor', null, 5),
  ('00000000-0000-4000-8000-000000000106', 'assessor6@vantage.local', 'Area 6 Assessor', 'assessor', null, 6),
  ('00000000-0000-4000-8000-000000000201', 'validator1@vantage.local', 'Validator One', 'validator', null, null),
  ('00000000-0000-4000-8000-000000000202', 'validator2@vantage.local', 'Validator Two', 'validator', null, null),
  ('00000000-0000-4000-8000-000000000301', 'blgu-alipit@vantage.local', 'Barangay Alipit Secretary', 'blgu', '043426001', null),
  ('00000000-0000-4000-8000-000000000302', 'blgu-bagumbayan@vantage.local', 'Barangay Bagumbayan Secretary', 'blgu', '043426002', null),
  ('00000000-0000-4000-8000-000000000303', 'blgu-bubukal@vantage.local', 'Barangay Bubukal Secretary', 'blgu', '043426003', null),
  ('00000000-0000-4000-8000-000000000304', 'blgu-calios@vantage.local', 'Barangay Calios Secretary', 'blgu', '043426004', null),
  ('00000000-0000-4000-8000-000000000401', 'katuparan@vantage.local', 'Katuparan Research Partner', 'katuparan', null, null),
  ('00000000-0000-4000-8000-000000000501', 'oversight-laguna@vantage.local', 'DILG Laguna Provincial Office', 'oversight', null, null),
  ('00000000-0000-4000-8000-000000000601', 'admin@vantage.local', 'DILG Central Office Administrator', 'administrator', null, null),
  -- Pagsanjan, Laguna: the second municipality, with its own people.
  ('00000000-0000-4000-8000-000000001001', 'mlgoo-pagsanjan@vantage.local', 'Jose Reyes (MLGOO Pagsanjan)', 'mlgoo', null, null),
  ('00000000-0000-4000-8000-000000001101', 'assessor1-pagsanjan@vantage.local', 'Pagsanjan Area 1 Assessor', 'assessor', null, 1),
  ('00000000-0000-4000-8000-000000001102', 'assessor2-pagsanjan@vantage.local', 'Pagsanjan Area 2 Assessor', 'assessor', null, 2),
  ('00000000-0000-4000-8000-000000001201', 'validator-pagsanjan@vantage.local', 'Pagsanjan Validator', 'validator', null, null),
  ('00000000-0000-4000-8000-000000001301', 'blgu-anibong@vantage.local', 'Barangay Anibong Secretary', 'blgu', '043422001', null),
  ('00000000-0000-4000-8000-000000001302', 'blgu-sabang@vantage.local', 'Barangay Sabang Secretary', 'blgu', '043422014', null);

insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
  raw_user_meta_data, confirmation_token, recovery_token, email_change_token_new, email_change,
  created_at, updated_at
)
select
  '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email,
  extensions.crypt('Vantage-demo-2025', extensions.gen_salt('bf')), now(),
  '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', full_name),
  '', '', '', '', now(), now()
from demo_users;

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select id::text, id, jsonb_build_object('sub', id::text, 'email', email, 'email_verified', true), 'email', now(), now()
from demo_users;

-- Places: Santa Cruz and Pagsanjan, Laguna -----------------------------------------------------------

insert into public.regions (psgc_code, name) values ('040000000', 'Region IV-A (CALABARZON)');
insert into public.provinces (psgc_code, region_code, name) values ('043400000', '040000000', 'Laguna');
insert into public.cities_municipalities (psgc_code, province_code, name) values
  ('043426000', '043400000', 'Santa Cruz'),
  ('043422000', '043400000', 'Pagsanjan');

-- Santa Cruz (PSGC 043426000): barangay ids end in the last digits of their PSGC code.
insert into public.barangays (id, psgc_code, name, city_municipality_code)
select
  ('b0000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
  '043426' || lpad(n::text, 3, '0'), name, '043426000'
from unnest(array[
  'Alipit', 'Bagumbayan', 'Bubukal', 'Calios', 'Duhat', 'Gatid', 'Jasaan', 'Labuin', 'Malinao',
  'Oogong', 'Pagsawitan', 'Palasan', 'Patimbao', 'Poblacion I', 'Poblacion II', 'Poblacion III',
  'Poblacion IV', 'Poblacion V', 'San Jose', 'San Juan', 'San Pablo Norte', 'San Pablo Sur',
  'Santisima Cruz', 'Santo Angel Central', 'Santo Angel Norte', 'Santo Angel Sur'
]) with ordinality as b (name, n);

-- Pagsanjan (PSGC 043422000): barangay ids end in 22 and the last digits of their PSGC code.
insert into public.barangays (id, psgc_code, name, city_municipality_code)
select
  ('b0000000-0000-4000-8000-' || lpad((2200 + n)::text, 12, '0'))::uuid,
  '043422' || lpad(n::text, 3, '0'), name, '043422000'
from unnest(array[
  'Anibong', 'Biñan', 'Buboy', 'Cabanbanan', 'Calusiche', 'Dingin', 'Lambac', 'Layugan',
  'Magdapio', 'Maulawin', 'Pinagsanjan', 'Barangay I (Poblacion)', 'Barangay II (Poblacion)',
  'Sabang', 'Sampaloc', 'San Isidro'
]) with ordinality as b (name, n);

update public.profiles p
set role = u.role,
    full_name = u.full_name,
    barangay_id = (select b.id from public.barangays b where b.psgc_code = u.barangay_psgc),
    area_code = u.area_code,
    city_municipality_code = case when u.role in ('mlgoo', 'assessor', 'validator')
                                  then case when u.email like '%-pagsanjan@%' then '043422000' else '043426000' end end,
    oversight_scope_code = case when u.role = 'oversight' then '043400000' end,
    must_change_password = false
from demo_users u
where p.id = u.id;

-- The active cycle, activated 20 days ago: a draft assessment for every barangay -------------------------

insert into public.cycles (
  id, year, title, reviewed_year, catalog_edition, submission_deadline, is_active, activated_at,
  created_at, created_by
)
values (
  'c0000000-0000-4000-8000-000000002025', 2025, 'SGLGB 2025 (reviews CY 2024)', 2024, '2024',
  now() + interval '25 days', true, now() - interval '20 days', now() - interval '21 days',
  '00000000-0000-4000-8000-000000000001'
);

insert into public.assessments (id, cycle_id, barangay_id, created_at, updated_at)
select
  ('a0000000-0000-4000-8000-' || right(b.id::text, 12))::uuid,
  'c0000000-0000-4000-8000-000000002025', b.id, now() - interval '20 days', now() - interval '20 days'
from public.barangays b;

insert into public.events (cycle_id, actor_id, action, from_status, to_status, details, created_at)
values (
  'c0000000-0000-4000-8000-000000002025', '00000000-0000-4000-8000-000000000001', 'cycle_activated',
  null, 'active', jsonb_build_object('assessments', (select count(*) from public.barangays)),
  now() - interval '20 days'
);

-- Demo states ----------------------------------------------------------------------------------------
--   Alipit       draft: areas 1 and 2 partly answered
--   Bagumbayan   draft: areas 1 and 2 submitted (first submission frozen), the rest being answered
--   Bubukal      submitted: all six areas submitted, areas 1-3 approved by their assessors
--   Calios       awaiting_validation: all areas approved, validator decisions on areas 1 and 2
--   Sabang       (Pagsanjan) draft: areas 1 and 2 submitted

create function pg_temp.act(p_user uuid)
returns void
language sql
as $$
  select set_config('request.jwt.claims',
    case when p_user is null then '' else jsonb_build_object('sub', p_user, 'role', 'authenticated')::text end,
    false);
$$;

-- What a barangay answers when it meets a leaf: each scored item filled in, a count with the
-- number its requirement asks for, a date with its deadline, amounts equal (every ratio 100 %).
create function pg_temp.met_answers(p_leaf_id uuid)
returns jsonb
language sql
stable
as $$
  select coalesce(jsonb_object_agg(ci.item_key, case ci.item_type
      when 'checkbox' then to_jsonb(true)
      when 'assessment_field' then to_jsonb('yes'::text)
      when 'document_count' then to_jsonb(coalesce(required.min, 1))
      when 'date_input' then to_jsonb(coalesce(required.deadline, '2024-06-30'))
      else to_jsonb(100)
    end), '{}'::jsonb)
  from public.checklist_items ci
  join public.indicators leaf on leaf.id = ci.indicator_id
  cross join lateral (
    select max((r ->> 'min')::integer) as min, min(r ->> 'onOrBefore') as deadline
    from jsonb_array_elements(leaf.requirements) as r
    where r ->> 'item' = ci.item_key) as required
  where ci.indicator_id = p_leaf_id and ci.item_type not in ('info_text', 'section_header');
$$;

create function pg_temp.answer_area(p_assessment uuid, p_area smallint, p_share numeric, p_at timestamptz)
returns void
language sql
as $$
  insert into public.responses (assessment_id, leaf_id, area_code, answers, updated_at, updated_by)
  select p_assessment, i.id, i.area_code, pg_temp.met_answers(i.id), p_at,
         (select pr.id from public.profiles pr
          join public.assessments a on a.barangay_id = pr.barangay_id where a.id = p_assessment)
  from public.indicators i
  where i.cycle_id = 'c0000000-0000-4000-8000-000000002025' and i.parent_id is not null
    and i.area_code = p_area
    and i.sort_order <= (
      select min(i2.sort_order) + ceil((max(i2.sort_order) - min(i2.sort_order) + 1) * p_share)
      from public.indicators i2
      where i2.cycle_id = i.cycle_id and i2.area_code = p_area and i2.parent_id is not null);
$$;

create function pg_temp.submit_area(p_assessment uuid, p_area smallint, p_at timestamptz)
returns void
language sql
as $$
  update public.assessment_areas
  set status = 'submitted', first_submitted_at = p_at, submitted_at = p_at
  where assessment_id = p_assessment and area_code = p_area;
  insert into public.events (assessment_id, actor_id, action, from_status, to_status, area_code, created_at)
  select p_assessment, pr.id, 'area_submitted', 'draft', 'submitted', p_area, p_at
  from public.profiles pr join public.assessments a on a.barangay_id = pr.barangay_id
  where a.id = p_assessment;
  update public.assessments set version = version + 1, updated_at = p_at where id = p_assessment;
$$;

-- The workflow's own freeze (the claims name the barangay user), dated to the seeded first submission.
create function pg_temp.freeze_first_submission(p_assessment uuid)
returns void
language sql
as $$
  select private.freeze_first_submission(p_assessment);
  update public.submission_snapshots
  set frozen_at = (select min(first_submitted_at) from public.assessment_areas where assessment_id = p_assessment)
  where assessment_id = p_assessment;
$$;

create function pg_temp.approve_area(p_assessment uuid, p_area smallint, p_at timestamptz)
returns void
language plpgsql
as $$
declare
  v_assessor uuid := ('00000000-0000-4000-8000-00000000010' || p_area)::uuid;  -- Santa Cruz's assessor
begin
  perform pg_temp.act(v_assessor);
  insert into public.reviews (assessment_id, leaf_id, area_code, checklist, checklist_by, checklist_at, updated_at)
  select r.assessment_id, r.leaf_id, r.area_code, r.answers, v_assessor, p_at, p_at
  from public.responses r where r.assessment_id = p_assessment and r.area_code = p_area;
  update public.assessment_areas
  set status = 'approved', approved_at = p_at, approved_by = v_assessor
  where assessment_id = p_assessment and area_code = p_area;
  insert into public.events (assessment_id, actor_id, action, from_status, to_status, area_code, created_at)
  values (p_assessment, v_assessor, 'area_approved', 'submitted', 'approved', p_area, p_at);
  update public.assessments set version = version + 1, updated_at = p_at where id = p_assessment;
end;
$$;

create function pg_temp.submit_all(p_assessment uuid, p_at timestamptz)
returns void
language plpgsql
as $$
declare
  v_blgu uuid := (select pr.id from public.profiles pr
                  join public.assessments a on a.barangay_id = pr.barangay_id where a.id = p_assessment);
begin
  perform pg_temp.act(v_blgu);
  for v_area in 1..6 loop
    perform pg_temp.answer_area(p_assessment, v_area::smallint, 1, p_at - interval '2 days');
    perform pg_temp.submit_area(p_assessment, v_area::smallint, p_at);
  end loop;
  perform pg_temp.freeze_first_submission(p_assessment);
  update public.assessments set status = 'submitted', submitted_at = p_at, version = version + 1
  where id = p_assessment;
  insert into public.events (assessment_id, actor_id, action, from_status, to_status, created_at)
  values (p_assessment, v_blgu, 'assessment_submitted', 'draft', 'submitted', p_at);
end;
$$;

-- Alipit: draft, partly answered.
select pg_temp.act('00000000-0000-4000-8000-000000000301');
select pg_temp.answer_area('a0000000-0000-4000-8000-000000000001', 1::smallint, 0.5, now() - interval '3 days');
select pg_temp.answer_area('a0000000-0000-4000-8000-000000000001', 2::smallint, 0.3, now() - interval '2 days');

-- Bagumbayan: areas 1 and 2 submitted, area 3 being answered.
select pg_temp.act('00000000-0000-4000-8000-000000000302');
select pg_temp.answer_area('a0000000-0000-4000-8000-000000000002', 1::smallint, 1, now() - interval '7 days');
select pg_temp.answer_area('a0000000-0000-4000-8000-000000000002', 2::smallint, 1, now() - interval '6 days');
select pg_temp.submit_area('a0000000-0000-4000-8000-000000000002', 1::smallint, now() - interval '5 days');
select pg_temp.submit_area('a0000000-0000-4000-8000-000000000002', 2::smallint, now() - interval '5 days');
select pg_temp.freeze_first_submission('a0000000-0000-4000-8000-000000000002');
select pg_temp.answer_area('a0000000-0000-4000-8000-000000000002', 3::smallint, 0.5, now() - interval '1 day');

-- Bubukal: submitted, areas 1-3 approved.
select pg_temp.submit_all('a0000000-0000-4000-8000-000000000003', now() - interval '10 days');
select pg_temp.approve_area('a0000000-0000-4000-8000-000000000003', area::smallint, now() - interval '6 days')
from generate_series(1, 3) as area;

-- Calios: every area approved, now with the validator; decisions on areas 1 and 2.
select pg_temp.submit_all('a0000000-0000-4000-8000-000000000004', now() - interval '15 days');
select pg_temp.approve_area('a0000000-0000-4000-8000-000000000004', area::smallint, now() - interval '9 days')
from generate_series(1, 6) as area;
update public.assessments
set status = 'awaiting_validation', validation_started_at = now() - interval '9 days', version = version + 1
where id = 'a0000000-0000-4000-8000-000000000004';
insert into public.events (assessment_id, action, from_status, to_status, created_at)
values ('a0000000-0000-4000-8000-000000000004', 'validation_started', 'submitted', 'awaiting_validation',
        now() - interval '9 days');

-- Calios fell short on 2.1.4: 38 of 100 planned activities and 41 % of the fund (the assessor
-- entered what the reports show), which the recommendation names.
update public.reviews r
set checklist = r.checklist || '{"2_1_4_physical_accomplished": 38, "2_1_4_physical_reflected": 100,
                                 "2_1_4_financial_utilized": 410000, "2_1_4_financial_allocated": 1000000}'::jsonb
from public.indicators i
where i.id = r.leaf_id and i.code = '2.1.4' and r.assessment_id = 'a0000000-0000-4000-8000-000000000004';

select pg_temp.act('00000000-0000-4000-8000-000000000201');
update public.reviews r
set decision = case when i.code = '2.1.4' then 'unmet'::public.leaf_decision else 'met' end,
    decision_remarks = case when i.code = '2.1.4' then 'Accomplishment report covers less than half of the BDRRM plan.' end,
    decided_by = '00000000-0000-4000-8000-000000000201',
    decided_at = now() - interval '2 days',
    version = r.version + 1,
    updated_at = now() - interval '2 days'
from public.indicators i
where i.id = r.leaf_id and r.assessment_id = 'a0000000-0000-4000-8000-000000000004' and r.area_code in (1, 2)
  and not i.is_profiling_only;
insert into public.events (assessment_id, actor_id, action, area_code, leaf_id, to_status, visible_to_barangay, created_at)
select r.assessment_id, r.decided_by, 'leaf_decided', r.area_code, r.leaf_id, r.decision::text, false, r.decided_at
from public.reviews r
where r.assessment_id = 'a0000000-0000-4000-8000-000000000004' and r.decision is not null;

-- Pagsanjan's Sabang: areas 1 and 2 submitted.
select pg_temp.act('00000000-0000-4000-8000-000000001302');
select pg_temp.answer_area('a0000000-0000-4000-8000-000000002214', area::smallint, 1, now() - interval '4 days')
from generate_series(1, 2) as area;
select pg_temp.submit_area('a0000000-0000-4000-8000-000000002214', area::smallint, now() - interval '3 days')
from generate_series(1, 2) as area;
select pg_temp.freeze_first_submission('a0000000-0000-4000-8000-000000002214');

select pg_temp.act(null);

-- Completed assessments for the reports ---------------------------------------------------------------
-- Ten barangays went through the whole workflow (submitted, approved per area, validated, approved by
-- the MLGOO) with the decisions below; each has its official classification queued, which the
-- classify Edge Function (packages/classifier) computes and stores as soon as the local stack's
-- functions run (`npm start`, `npm test`), so every report shows the classifier's real verdicts.
--   Duhat, Gatid, Poblacion I   every scored sub-indicator met: passed
--   Jasaan        1.3.1 considered (budget approved within the consideration window), area 4 unmet: passed
--   Labuin        area 1 unmet (1.4.1 statutory allocations): failed
--   Malinao       areas 3 and 6 unmet: failed
--   Oogong        every essential area unmet: failed
--   Pagsawitan    2.1.4 unmet, overridden to met by the MLGOO: passed
--   Palasan       every leaf met, but the MLGOO declared indicator 3.3 unmet: failed
--   Patimbao      area 2 reworked and 2.1.4 calibrated; 2.1.4 still unmet: failed

select private.declare_workflow_write();

create function pg_temp.complete_assessment(
  p_assessment uuid, p_at timestamptz, p_decisions jsonb, p_sent_back boolean default false
)
returns void
language plpgsql
as $$
declare
  c_validator constant uuid := '00000000-0000-4000-8000-000000000201';
  c_mlgoo constant uuid := '00000000-0000-4000-8000-000000000001';
  v_blgu uuid := (select pr.id from public.profiles pr
                  join public.assessments a on a.barangay_id = pr.barangay_id where a.id = p_assessment);
begin
  perform pg_temp.submit_all(p_assessment, p_at - interval '30 days');
  if p_sent_back then
    -- Area 2 reworked: 2.1.2 and 2.1.4 were unanswered at the first submission, answered in the rework.
    update public.assessment_areas
    set rework_used = true, rework_requested_at = p_at - interval '27 days', rework_requested_by = '00000000-0000-4000-8000-000000000102'
    where assessment_id = p_assessment and area_code = 2;
    insert into public.events (assessment_id, actor_id, action, from_status, to_status, area_code, reason, created_at)
    values (p_assessment, '00000000-0000-4000-8000-000000000102', 'rework_requested', 'submitted', 'rework', 2,
            'The BDRRM plan and the accomplishment report are not signed.', p_at - interval '27 days');
    update public.submission_snapshots
    set answers = answers || '{"2.1.2": {}, "2.1.4": {}}'
    where assessment_id = p_assessment;
  end if;
  for v_area in 1..6 loop
    perform pg_temp.approve_area(p_assessment, v_area::smallint, p_at - interval '25 days');
  end loop;
  update public.assessments
  set status = 'awaiting_validation', validation_started_at = p_at - interval '25 days', version = version + 1
  where id = p_assessment;
  insert into public.events (assessment_id, action, from_status, to_status, created_at)
  values (p_assessment, 'validation_started', 'submitted', 'awaiting_validation', p_at - interval '25 days');
  if p_sent_back then
    update public.assessment_areas
    set calibration_used = true, calibration_requested_at = p_at - interval '20 days', calibration_requested_by = c_validator
    where assessment_id = p_assessment and area_code = 2;
    insert into public.events (assessment_id, actor_id, action, from_status, to_status, details, created_at)
    values (p_assessment, c_validator, 'calibration_requested', 'awaiting_validation', 'calibration',
            '{"leafCodes": ["2.1.4"], "areaCodes": [2]}', p_at - interval '20 days'),
           (p_assessment, v_blgu, 'calibration_submitted', 'calibration', 'awaiting_validation',
            '{"areaCodes": [2]}', p_at - interval '18 days');
  end if;

  perform pg_temp.act(c_validator);
  update public.reviews r
  set decision = coalesce(p_decisions #>> array[i.code, 'decision'], 'met')::public.leaf_decision,
      decision_remarks = p_decisions #>> array[i.code, 'remarks'],
      decided_by = c_validator, decided_at = p_at - interval '10 days',
      version = r.version + 1, updated_at = p_at - interval '10 days'
  from public.indicators i join public.indicators parent on parent.id = i.parent_id
  where i.id = r.leaf_id and r.assessment_id = p_assessment
    and not i.is_profiling_only and not parent.is_profiling_only;
  insert into public.events (assessment_id, actor_id, action, area_code, leaf_id, to_status, visible_to_barangay, created_at)
  select r.assessment_id, r.decided_by, 'leaf_decided', r.area_code, r.leaf_id, r.decision::text, false, r.decided_at
  from public.reviews r where r.assessment_id = p_assessment and r.decision is not null;
  update public.assessments
  set status = 'awaiting_approval', validated_at = p_at - interval '8 days', validated_by = c_validator,
      version = version + 1
  where id = p_assessment;
  insert into public.events (assessment_id, actor_id, action, from_status, to_status, created_at)
  values (p_assessment, c_validator, 'validation_finalized', 'awaiting_validation', 'awaiting_approval', p_at - interval '8 days');

  perform pg_temp.act(c_mlgoo);
  update public.assessments
  set status = 'completed', approved_at = p_at, approved_by = c_mlgoo, version = version + 1
  where id = p_assessment;
  insert into public.events (assessment_id, actor_id, action, from_status, to_status, created_at)
  values (p_assessment, c_mlgoo, 'assessment_approved', 'awaiting_approval', 'completed', p_at);
  perform private.enqueue_classification(p_assessment, 'official');
end;
$$;

select pg_temp.complete_assessment(('a0000000-0000-4000-8000-0000000000' || n)::uuid, now() - interval '2 days', '{}')
from unnest(array['05', '06', '14']) as n;

select pg_temp.complete_assessment('a0000000-0000-4000-8000-000000000007', now() - interval '3 days', '{
  "1.3.1": {"decision": "considered", "remarks": "Appropriation ordinance approved on 15 March, within the consideration window."},
  "4.1.1": {"decision": "unmet", "remarks": "No executive order organizing the VAW Desk was submitted."},
  "4.3.1": {"decision": "unmet", "remarks": "The BDC composition lacks the CSO representatives."}}');

select pg_temp.complete_assessment('a0000000-0000-4000-8000-000000000008', now() - interval '3 days', '{
  "1.4.1": {"decision": "unmet", "remarks": "No allocation for senior citizens and persons with disabilities in the 2024 budget."}}');

select pg_temp.complete_assessment('a0000000-0000-4000-8000-000000000009', now() - interval '4 days', '{
  "3.1.8": {"decision": "unmet", "remarks": "Only two transmittals of the CIR to the MADAC and the PNP."},
  "6.2.1": {"decision": "unmet", "remarks": "The MRF photo shows no segregation bins."}}');

select pg_temp.complete_assessment('a0000000-0000-4000-8000-000000000010', now() - interval '4 days', '{
  "4.1.1": {"decision": "unmet", "remarks": "No executive order organizing the VAW Desk was submitted."},
  "5.1.1": {"decision": "unmet", "remarks": "The business permit ordinance was not submitted."},
  "6.1.1": {"decision": "unmet", "remarks": "The BESWMC executive order is not signed."}}');

select pg_temp.complete_assessment('a0000000-0000-4000-8000-000000000011', now() - interval '5 days', '{
  "2.1.4": {"decision": "unmet", "remarks": "The physical accomplishment report is not certified."}}');
select pg_temp.act('00000000-0000-4000-8000-000000000001');
update public.reviews r
set override_decision = 'met',
    override_reason = 'The certified accomplishment report was presented at the MLGOO''s review: 62 % of targets.',
    overridden_by = '00000000-0000-4000-8000-000000000001', overridden_at = now() - interval '6 days',
    version = r.version + 1
from public.indicators i
where i.id = r.leaf_id and r.assessment_id = 'a0000000-0000-4000-8000-000000000011' and i.code = '2.1.4';
insert into public.events (assessment_id, actor_id, action, from_status, to_status, area_code, leaf_id, reason, details, visible_to_barangay, created_at)
select r.assessment_id, r.overridden_by, 'decision_overridden', 'unmet', 'met', r.area_code, r.leaf_id, r.override_reason,
       '{"indicatorCode": "2.1.4"}', false, r.overridden_at
from public.reviews r join public.indicators i on i.id = r.leaf_id
where r.assessment_id = 'a0000000-0000-4000-8000-000000000011' and i.code = '2.1.4';

select pg_temp.complete_assessment('a0000000-0000-4000-8000-000000000012', now() - interval '5 days', '{}');
select pg_temp.act('00000000-0000-4000-8000-000000000001');
insert into public.indicator_overrides (assessment_id, indicator_id, area_code, decision, reason, overridden_by, overridden_at)
select 'a0000000-0000-4000-8000-000000000012', i.id, i.area_code, 'unmet',
       'The Lupon has not met since June: the KP records submitted are not of CY 2024.',
       '00000000-0000-4000-8000-000000000001', now() - interval '6 days'
from public.indicators i where i.cycle_id = 'c0000000-0000-4000-8000-000000002025' and i.code = '3.3';
insert into public.events (assessment_id, actor_id, action, to_status, area_code, leaf_id, reason, details, visible_to_barangay, created_at)
select 'a0000000-0000-4000-8000-000000000012', '00000000-0000-4000-8000-000000000001', 'decision_overridden', 'unmet',
       i.area_code, i.id, 'The Lupon has not met since June: the KP records submitted are not of CY 2024.',
       '{"indicatorCode": "3.3"}', false, now() - interval '6 days'
from public.indicators i where i.cycle_id = 'c0000000-0000-4000-8000-000000002025' and i.code = '3.3';

select pg_temp.complete_assessment('a0000000-0000-4000-8000-000000000013', now() - interval '1 day', '{
  "2.1.4": {"decision": "unmet", "remarks": "After calibration the accomplishment is still 35 % of the physical targets."}}', true);
-- What the assessor entered from Patimbao's accomplishment reports: 35 of 100 activities, 30 % of the fund.
update public.reviews r
set checklist = r.checklist || '{"2_1_4_physical_accomplished": 35, "2_1_4_physical_reflected": 100,
                                 "2_1_4_financial_utilized": 300000, "2_1_4_financial_allocated": 1000000}'::jsonb
from public.indicators i
where i.id = r.leaf_id and i.code = '2.1.4' and r.assessment_id = 'a0000000-0000-4000-8000-000000000013';

-- The readiness of the assessments still under way, projected by the classify function as well.
select private.enqueue_classification(id, 'projection')
from public.assessments
where status <> 'completed' and id in (select assessment_id from public.responses);

select pg_temp.act(null);
