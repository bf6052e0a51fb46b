-- A national dataset over the seeded database, set-based, in the caller's transaction: the PSGC
-- hierarchy (17 regions, 82 provinces, one city or municipality per 26.25 barangays), the barangays
-- (bench.barangays), their people (per city or municipality an MLGOO, an assessor per area and two
-- validators; a user per barangay), an assessment each in the active cycle in a realistic mix of
-- states with answers for every leaf, MOV rows, reviews, decisions, frozen first submissions,
-- events, notifications and stored results, and a published previous cycle whose assessments are
-- all completed with their official results.
--
-- Rows are written as the workflow would have left them, with triggers and foreign-key checks off
-- (session_replication_role = replica, superuser only): the generated columns still fill, the
-- audit chain's hashes stay empty. User ids are md5-derived from the person's place and role, so a
-- caller finds them again: md5('mlgoo:' || city/municipality code), md5('assessor:' || code || ':'
-- || area), md5('validator:' || code || ':' || 1 or 2), md5('blgu:' || barangay code).

select set_config('session_replication_role', 'replica', true);

create temporary table bench_size on commit drop as
select n as barangays, m as municipalities, least(82, m) as provinces, least(17, least(82, m)) as regions
from (select current_setting('bench.barangays')::integer as n) as size
cross join lateral (select greatest(1, round(n / 26.25))::integer as m) as municipalities;

-- The published previous cycle (its catalog installs with the triggers still on).
select set_config('session_replication_role', 'origin', true);
insert into public.cycles (id, year, title, reviewed_year, catalog_edition, is_published, activated_at, published_at, created_at)
values ('c0000000-0000-4000-8000-000000002024', 2024, 'SGLGB 2024 (reviews CY 2023)', 2023, '2024', true,
        now() - interval '400 days', now() - interval '120 days', now() - interval '401 days');
select set_config('session_replication_role', 'replica', true);

-- The hierarchy: codes 21-37 for regions, then the province, the city or municipality and the
-- barangay numbered within their parent.
insert into public.regions (psgc_code, name)
select (20 + r)::text || '0000000', 'Bench Region ' || r
from bench_size, generate_series(1, regions) as r;

insert into public.provinces (psgc_code, region_code, name)
select (20 + region)::text || lpad(((p - 1) / regions + 1)::text, 2, '0') || '00000',
       (20 + region)::text || '0000000', 'Bench Province ' || p
from bench_size, generate_series(1, provinces) as p
cross join lateral (select (p - 1) % regions + 1 as region) as parent;

create temporary table bench_places on commit drop as
select m, left(pr.psgc_code, 4) || lpad(((m - 1) / s.provinces + 1)::text, 2, '0') || '000' as code,
       pr.psgc_code as province_code, pr.region_code
from bench_size s
cross join generate_series(1, s.municipalities) as m
join public.provinces pr on pr.name = 'Bench Province ' || ((m - 1) % s.provinces + 1);

insert into public.cities_municipalities (psgc_code, province_code, name)
select code, province_code, 'Bench Town ' || m from bench_places;

insert into public.barangays (psgc_code, name, city_municipality_code, province_code, region_code)
select left(p.code, 6) || lpad(((b - 1) / s.municipalities + 1)::text, 3, '0'), 'Bench Barangay ' || b,
       p.code, p.province_code, p.region_code
from bench_size s
cross join generate_series(1, s.barangays) as b
join bench_places p on p.m = (b - 1) % s.municipalities + 1;

-- People ---------------------------------------------------------------------------------------------

create temporary table bench_people on commit drop as
select md5('mlgoo:' || code)::uuid as id, 'mlgoo'::public.app_role as role, null::smallint as area_code,
       null::uuid as barangay_id, code as city_municipality_code
from bench_places
union all
select md5('assessor:' || code || ':' || area)::uuid, 'assessor', area::smallint, null, code
from bench_places, generate_series(1, 6) as area
union all
select md5('validator:' || code || ':' || v)::uuid, 'validator', null, null, code
from bench_places, generate_series(1, 2) as v
union all
select md5('blgu:' || b.psgc_code)::uuid, 'blgu', null, b.id, b.city_municipality_code
from public.barangays b where b.name like 'Bench Barangay %';

insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        confirmation_token, recovery_token, email_change_token_new, email_change, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', id || '@bench.local',
       '{"provider": "email"}', '{}', '', '', '', '', now(), now()
from bench_people;

insert into public.profiles (id, email, full_name, role, barangay_id, area_code, city_municipality_code,
                             must_change_password)
select id, id || '@bench.local', initcap(role::text) || ' ' || city_municipality_code, role, barangay_id, area_code,
       case when role <> 'blgu' then city_municipality_code end, false
from bench_people;

-- DILG offices: a central office (the whole country) and a regional office of every region.
create temporary table bench_offices on commit drop as
select md5('oversight:national')::uuid as id, null::text as scope
union all
select md5('oversight:' || r.psgc_code)::uuid, r.psgc_code from public.regions r where r.psgc_code like '2%';

insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                        confirmation_token, recovery_token, email_change_token_new, email_change, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', id || '@bench.local',
       '{"provider": "email"}', '{}', '', '', '', '', now(), now()
from bench_offices;

insert into public.profiles (id, email, full_name, role, oversight_scope_code, must_change_password)
select id, id || '@bench.local', 'DILG office ' || coalesce(scope, 'central'), 'oversight', scope, false
from bench_offices;

-- The active cycle's assessments: a mix of states ----------------------------------------------------

create temporary table bench_assessments on commit drop as
select gen_random_uuid() as id, b.id as barangay_id, b.city_municipality_code, b.province_code, b.region_code,
       md5('blgu:' || b.psgc_code)::uuid as blgu_id,
       case
         when k < 30 then 'draft'
         when k < 55 then 'submitted'
         when k < 70 then 'awaiting_validation'
         when k < 75 then 'calibration'
         when k < 85 then 'awaiting_approval'
         when k < 87 then 'recalibration'
         when k < 88 then 'reopened'
         else 'completed'
       end::public.assessment_status as status,
       k
from public.barangays b
cross join lateral (select mod(abs(hashtext(b.psgc_code)), 100) as k) as draw
where b.name like 'Bench Barangay %';
-- Rows hanging off an assessment are written in its order, so each index on assessment_id grows at
-- its end instead of at random places.
create index on bench_assessments (id);
analyze bench_assessments;

insert into public.assessments (id, cycle_id, barangay_id, city_municipality_code, province_code, region_code, status,
                                resume_status, version, submitted_area_codes, submitted_at, validation_started_at,
                                validated_at, approved_at, approved_by, created_at, updated_at)
select a.id, 'c0000000-0000-4000-8000-000000002025', a.barangay_id, a.city_municipality_code, a.province_code,
       a.region_code, a.status,
       case when a.status = 'reopened' then 'awaiting_validation'::public.assessment_status end,
       10 + a.k,
       case when a.status <> 'draft' then '{1,2,3,4,5,6}'::smallint[] when a.k < 10 then '{1,2}' else '{}' end,
       case when a.status <> 'draft' then now() - interval '12 days' end,
       case when a.status not in ('draft', 'submitted') then now() - interval '8 days' end,
       case when a.status in ('awaiting_approval', 'recalibration', 'completed') then now() - interval '4 days' end,
       case when a.status = 'completed' then now() - interval '2 days' end,
       case when a.status = 'completed' then md5('mlgoo:' || a.city_municipality_code)::uuid end,
       now() - interval '20 days', now() - interval '1 day'
from bench_assessments a;

-- Draft: areas 1-2 submitted for a third of them; submitted: each area approved or still submitted
-- (one in five of the sixth areas sent back for rework); later states: every area approved.
insert into public.assessment_areas (assessment_id, area_code, status, rework_used, first_submitted_at, submitted_at,
                                     approved_at, approved_by)
select a.id, area, s.status, s.status = 'rework',
       case when s.status <> 'draft' then now() - interval '14 days' end,
       case when s.status <> 'draft' then now() - interval '12 days' end,
       case when s.status = 'approved' then now() - interval '9 days' end,
       case when s.status = 'approved' then md5('assessor:' || a.city_municipality_code || ':' || area)::uuid end
from bench_assessments a
cross join generate_series(1, 6) as area
cross join lateral (select case
  when a.status = 'draft' then case when a.k < 10 and area <= 2 then 'submitted' else 'draft' end
  when a.status = 'submitted' then case when area <= a.k % 7 then 'approved' when area = 6 and a.k % 5 = 0 then 'rework' else 'submitted' end
  else 'approved'
end::public.area_status as status) as s;

-- When the scheduled deadline work must next look at each assessment, as the workflow keeps it.
update public.assessments a
set due_at = private.barangay_due_at(a), next_reminder_at = private.next_reminder_at(a)
from bench_assessments b
where b.id = a.id;

-- Answers for every leaf; reviews of every submitted area; decisions from validation on -------------

create temporary table bench_leaves on commit drop as
select i.id, i.code, i.area_code, coalesce((
  select jsonb_object_agg(c.item_key, case c.item_type
           when 'checkbox' then to_jsonb(true)
           when 'assessment_field' then to_jsonb('yes'::text)
           when 'document_count' then to_jsonb(1)
           when 'date_input' then to_jsonb('2024-06-30'::text)
           else to_jsonb(100)
         end)
  from public.checklist_items c
  where c.indicator_id = i.id and c.item_type not in ('info_text', 'section_header')), '{}'::jsonb) as answers
from public.indicators i
where i.cycle_id = 'c0000000-0000-4000-8000-000000002025' and i.validation_rule is not null;

insert into public.responses (assessment_id, leaf_id, area_code, answers, version, updated_at, updated_by)
select a.id, l.id, l.area_code, l.answers, 2, now() - interval '13 days', a.blgu_id
from bench_assessments a cross join bench_leaves l
order by a.id, l.code;

insert into public.reviews (assessment_id, leaf_id, area_code, checklist, checklist_by, checklist_at, decision,
                            decided_by, decided_at, version, updated_at)
select a.id, l.id, l.area_code, l.answers, md5('assessor:' || a.city_municipality_code || ':' || l.area_code)::uuid,
       now() - interval '10 days', d.decision,
       case when d.decision is not null then md5('validator:' || a.city_municipality_code || ':1')::uuid end,
       case when d.decision is not null then now() - interval '5 days' end,
       case when d.decision is not null then 3 else 2 end, now() - interval '5 days'
from bench_assessments a
join public.assessment_areas aa on aa.assessment_id = a.id and aa.status <> 'draft'
join bench_leaves l on l.area_code = aa.area_code
cross join lateral (select case
  when a.status in ('draft', 'submitted') or (a.status = 'awaiting_validation' and a.k % 2 = 0) then null
  when mod(abs(hashtext(a.id::text || l.code)), 10) = 0 then 'unmet'
  else 'met'
end::public.leaf_decision as decision) as d
order by a.id, l.code;

-- MOV files: seven in ten upload slots of every assessment hold a live file.
insert into public.mov_files (assessment_id, leaf_id, slot_id, area_code, storage_path, original_name, mime_type,
                              size_bytes, origin, uploaded_by, content_check, created_at)
select a.id, l.id, s.id, l.area_code,
       a.id || '/' || l.code || '/' || s.slot_key || '/' || gen_random_uuid() || '-evidence.pdf', 'evidence.pdf',
       'application/pdf', 48213, 'blgu', a.blgu_id, 'valid', now() - interval '15 days'
from bench_assessments a
cross join bench_leaves l
join public.upload_slots s on s.indicator_id = l.id
where mod(abs(hashtext(a.id::text || s.id::text)), 10) < 7
order by a.id, l.code, s.slot_key;

-- The frozen first submission of every assessment with a submitted area (the same shape for all).
insert into public.submission_snapshots (assessment_id, frozen_at, frozen_by, answers, movs)
select a.id, now() - interval '14 days', a.blgu_id, snapshot.answers, snapshot.movs
from bench_assessments a
cross join (
  select jsonb_object_agg(l.code, l.answers) as answers,
         jsonb_agg(jsonb_build_object('leafCode', l.code, 'slotKey', s.slot_key,
                                      'path', l.code || '/' || s.slot_key || '/evidence.pdf', 'sha256', md5(s.id::text)))
           as movs
  from bench_leaves l join public.upload_slots s on s.indicator_id = l.id
) as snapshot
where a.status <> 'draft' or a.k < 10;

-- Results: the official one of every completed assessment, a projection of a third of the others.
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed,
                                           readiness_percent, created_at, is_current, cycle_id, city_municipality_code,
                                           province_code, region_code, assessment_completed)
select a.id, kind, '1.1.0', encode(sha256(convert_to(a.id::text || kind, 'UTF8')), 'hex'),
       jsonb_build_object('areas', (
         select jsonb_agg(jsonb_build_object('code', area, 'passes', mod(abs(hashtext(a.id::text || area)), 10) < 8))
         from generate_series(1, 6) as area)),
       mod(abs(hashtext(a.id::text)), 10) < 6, 60 + a.k % 40, now() - interval '2 days', true,
       'c0000000-0000-4000-8000-000000002025', a.city_municipality_code, a.province_code, a.region_code,
       a.status = 'completed'
from bench_assessments a
cross join lateral (select case when a.status = 'completed' then 'official' else 'projection' end::public.result_kind as kind) as r
where a.status = 'completed' or a.k % 3 = 0;

-- Events and notifications ---------------------------------------------------------------------------

insert into public.events (assessment_id, actor_id, action, from_status, to_status, area_code, created_at)
select aa.assessment_id, a.blgu_id, 'area_submitted', 'draft', 'submitted', aa.area_code, aa.first_submitted_at
from public.assessment_areas aa join bench_assessments a on a.id = aa.assessment_id
where aa.first_submitted_at is not null
union all
select aa.assessment_id, aa.approved_by, 'area_approved', 'submitted', 'approved', aa.area_code, aa.approved_at
from public.assessment_areas aa join bench_assessments a on a.id = aa.assessment_id
where aa.status = 'approved'
union all
select a.id, a.blgu_id, 'assessment_submitted', 'draft', 'submitted', null, now() - interval '12 days'
from bench_assessments a where a.status <> 'draft'
union all
select a.id, null, 'validation_started', 'submitted', 'awaiting_validation', null, now() - interval '8 days'
from bench_assessments a where a.status not in ('draft', 'submitted')
union all
select a.id, md5('mlgoo:' || a.city_municipality_code)::uuid, 'assessment_approved', 'awaiting_approval', 'completed', null,
       now() - interval '2 days'
from bench_assessments a where a.status = 'completed';

insert into public.events (assessment_id, actor_id, action, area_code, leaf_id, to_status, visible_to_barangay, created_at)
select r.assessment_id, r.decided_by, 'leaf_decided', r.area_code, r.leaf_id, r.decision::text, false, r.decided_at
from public.reviews r join bench_assessments a on a.id = r.assessment_id
where r.decision is not null;

-- The area's assessor hears of each submission, the barangay of each approval, the MLGOO of each
-- assessment submitted.
insert into public.notifications (recipient_id, assessment_id, kind, title, data, read_at, created_at)
select md5('assessor:' || a.city_municipality_code || ':' || e.area_code)::uuid, e.assessment_id, e.action,
       'Area ' || e.area_code || ' submitted', jsonb_build_object('areaCode', e.area_code), null, e.created_at
from public.events e join bench_assessments a on a.id = e.assessment_id
where e.action = 'area_submitted'
union all
select a.blgu_id, e.assessment_id, e.action, 'Area ' || e.area_code || ' approved',
       jsonb_build_object('areaCode', e.area_code), e.created_at + interval '1 day', e.created_at
from public.events e join bench_assessments a on a.id = e.assessment_id
where e.action = 'area_approved'
union all
select md5('mlgoo:' || a.city_municipality_code)::uuid, e.assessment_id, e.action, 'Assessment submitted', '{}', null,
       e.created_at
from public.events e join bench_assessments a on a.id = e.assessment_id
where e.action = 'assessment_submitted';

-- The published previous cycle: every barangay's assessment completed, with its official result ----

create temporary table bench_published on commit drop as
select gen_random_uuid() as id, b.id as barangay_id, b.city_municipality_code, b.province_code, b.region_code
from public.barangays b where b.name like 'Bench Barangay %';

insert into public.assessments (id, cycle_id, barangay_id, city_municipality_code, province_code, region_code, status,
                                version, submitted_area_codes, submitted_at, validation_started_at, validated_at,
                                approved_at, approved_by, created_at, updated_at)
select id, 'c0000000-0000-4000-8000-000000002024', barangay_id, city_municipality_code, province_code, region_code,
       'completed', 40, '{1,2,3,4,5,6}',
       now() - interval '380 days', now() - interval '370 days', now() - interval '360 days', now() - interval '350 days',
       md5('mlgoo:' || city_municipality_code)::uuid, now() - interval '400 days', now() - interval '350 days'
from bench_published;

insert into public.assessment_areas (assessment_id, area_code, status, first_submitted_at, submitted_at, approved_at, approved_by)
select p.id, area, 'approved', now() - interval '385 days', now() - interval '380 days', now() - interval '375 days',
       md5('assessor:' || p.city_municipality_code || ':' || area)::uuid
from bench_published p cross join generate_series(1, 6) as area;

insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed,
                                           readiness_percent, created_at, is_current, cycle_id, city_municipality_code,
                                           province_code, region_code, assessment_completed)
select p.id, 'official', '1.1.0', encode(sha256(convert_to(p.id::text, 'UTF8')), 'hex'),
       jsonb_build_object('areas', (
         select jsonb_agg(jsonb_build_object('code', area, 'passes', mod(abs(hashtext(p.id::text || area)), 10) < 8))
         from generate_series(1, 6) as area)),
       mod(abs(hashtext(p.id::text)), 10) < 6, 100, now() - interval '350 days', true,
       'c0000000-0000-4000-8000-000000002024', p.city_municipality_code, p.province_code, p.region_code, true
from bench_published p;

insert into public.events (assessment_id, actor_id, action, from_status, to_status, created_at)
select p.id, md5('mlgoo:' || p.city_municipality_code)::uuid, 'assessment_approved', 'awaiting_approval', 'completed',
       now() - interval '350 days'
from bench_published p;

select set_config('session_replication_role', 'origin', true);
