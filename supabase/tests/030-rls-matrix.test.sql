-- Row-level security: who may select, insert, update and delete in every public table.
-- One fixture row per table belongs to the "own" barangay's assessment, whose area 1 was submitted
-- and which reached validation (area 2 never was). Every role tries every operation on that row;
-- "can" means the statement touched it, "cannot" that it was refused (42501) or saw nothing.
-- The MLGOO, an assessor of the same area and a validator of another city or municipality read and
-- write nothing of it but the public catalog and hierarchy. Every role is tried again deactivated,
-- with the token it was issued while still active: like anon, it may only read the catalog.

begin;

-- Fixtures -------------------------------------------------------------------------------------

create temporary table fx (key text primary key, id uuid);

insert into fx values
  ('cycle', tests.create_cycle(2090)),
  ('own', tests.create_barangay('990000001', 'Own Barangay')),
  ('other', tests.create_barangay('990000002', 'Other Barangay')),
  ('third', tests.create_barangay('990000003', 'Third Barangay'));
insert into fx
select 'a_own', tests.create_assessment((select id from fx where key = 'cycle'), (select id from fx where key = 'own'))
union all
select 'a_other', tests.create_assessment((select id from fx where key = 'cycle'), (select id from fx where key = 'other'));
insert into fx
select 'leaf', tests.leaf_id((select id from fx where key = 'cycle'), '1.1.1')
union all select 'leaf2', tests.leaf_id((select id from fx where key = 'cycle'), '1.2.1')
union all select 'parent', i.parent_id from public.indicators i where i.id = tests.leaf_id((select id from fx where key = 'cycle'), '1.1.1')
union all select 'parent2', i.parent_id from public.indicators i where i.id = tests.leaf_id((select id from fx where key = 'cycle'), '1.2.1')
union all select 'slot', (select s.id from public.upload_slots s
  where s.indicator_id = tests.leaf_id((select id from fx where key = 'cycle'), '1.1.1') order by s.sort_order limit 1)
union all select 'item', (select c.id from public.checklist_items c
  where c.indicator_id = tests.leaf_id((select id from fx where key = 'cycle'), '1.1.1') order by c.sort_order limit 1);

insert into fx values
  ('mlgoo', tests.create_user('m-mlgoo@t.local', 'mlgoo')),
  ('assessor_own', tests.create_user('m-assessor1@t.local', 'assessor', null, 1)),
  ('assessor_other', tests.create_user('m-assessor2@t.local', 'assessor', null, 2)),
  ('validator', tests.create_user('m-validator@t.local', 'validator')),
  ('blgu_own', tests.create_user('m-blgu-own@t.local', 'blgu', (select id from fx where key = 'own'))),
  ('blgu_other', tests.create_user('m-blgu-other@t.local', 'blgu', (select id from fx where key = 'other'))),
  ('katuparan', tests.create_user('m-katuparan@t.local', 'katuparan')),
  ('mlgoo_elsewhere', tests.create_user('m-mlgoo-x@t.local', 'mlgoo', null, null,
                                        tests.create_city_municipality('990105000', 'Elsewhere Town'))),
  ('assessor_elsewhere', tests.create_user('m-assessor1-x@t.local', 'assessor', null, 1, '990105000')),
  ('validator_elsewhere', tests.create_user('m-validator-x@t.local', 'validator', null, null, '990105000')),
  ('oversight', tests.create_user('m-oversight@t.local', 'oversight')),
  ('oversight_elsewhere', tests.create_user('m-oversight-x@t.local', 'oversight')),
  ('administrator', tests.create_user('m-admin@t.local', 'administrator'));
-- A provincial office over the fixture's barangays, and a municipal one elsewhere.
select private.declare_workflow_write();
update public.profiles set oversight_scope_code = '990100000' where email = 'm-oversight@t.local';
update public.profiles set oversight_scope_code = '990105000' where email = 'm-oversight-x@t.local';

update public.assessment_areas set status = 'submitted', first_submitted_at = now(), submitted_at = now()
where assessment_id = (select id from fx where key = 'a_own') and area_code = 1;
update public.assessments
set status = 'awaiting_validation', validation_started_at = now()
where id = (select id from fx where key = 'a_own');

insert into public.responses (assessment_id, leaf_id, area_code, answers)
select (select id from fx where key = 'a_own'), (select id from fx where key = 'leaf'), 1, '{"x": "yes"}';
insert into public.reviews (assessment_id, leaf_id, area_code, checklist)
select (select id from fx where key = 'a_own'), (select id from fx where key = 'leaf'), 1, '{"x": true}';
insert into public.indicator_overrides (assessment_id, indicator_id, area_code, decision, reason)
select (select id from fx where key = 'a_own'), (select id from fx where key = 'parent'), 1, 'met', 'Seen on site';
insert into public.comments (assessment_id, leaf_id, area_code, visibility, body, author_role, stage)
select (select id from fx where key = 'a_own'), (select id from fx where key = 'leaf'), 1, 'internal',
       'Internal note', 'assessor', 'submitted';
insert into public.mov_files (assessment_id, leaf_id, slot_id, area_code, storage_path, original_name, mime_type, size_bytes, origin)
select (select id from fx where key = 'a_own'), (select id from fx where key = 'leaf'), (select id from fx where key = 'slot'), 1,
       'matrix/file.pdf', 'file.pdf', 'application/pdf', 10, 'blgu';
insert into fx select 'mov', id from public.mov_files where storage_path = 'matrix/file.pdf';
insert into public.submission_snapshots (assessment_id, answers, movs)
select (select id from fx where key = 'a_own'), '{}', '[]';
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
select (select id from fx where key = 'a_own'), 'projection', 'test', repeat('a', 64), '{}', false, 10;
insert into public.events (assessment_id, action, area_code, visible_to_barangay)
select (select id from fx where key = 'a_own'), 'leaf_decided', 1, false;
insert into public.mov_flags (mov_id, assessment_id, area_code, leaf_id, is_flagged, reviewer_note, event_id)
select (select id from fx where key = 'mov'), (select id from fx where key = 'a_own'), 1, (select id from fx where key = 'leaf'),
       true, 'Not signed', (select max(id) from public.events where assessment_id = (select id from fx where key = 'a_own'));
insert into public.notifications (recipient_id, assessment_id, kind, title)
select (select id from fx where key = 'blgu_own'), (select id from fx where key = 'a_own'), 'rework_requested', 'Rework';
insert into public.jobs (assessment_id)
select (select id from fx where key = 'a_own');
insert into public.audit_verifications (cycle_id)
select (select id from fx where key = 'cycle');
insert into public.cycle_activations (cycle_id)
select (select id from fx where key = 'cycle');
insert into public.deadline_runs (acting_for) values (now());
insert into public.classification_results (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
select (select id from fx where key = 'a_own'), 'official', 'test', repeat('c', 64), '{}', false, 10;
insert into fx select 'official', id from public.classification_results where input_hash = repeat('c', 64);
insert into public.capdev_agendas (result_id, assessment_id, passed, passable, fewest_fixes, fewest_fix_areas, classifier_version)
select (select id from fx where key = 'official'), (select id from fx where key = 'a_own'), false, true, 1, '{1}', 'test';
insert into public.capdev_agenda_items (result_id, rank, priority, leaf_code, indicator_code, area_code, reasons,
                                        answers, missing_slots, shortfalls, in_fewest_fixes)
select (select id from fx where key = 'official'), 1, 'core', '1.1.1', '1.1', 1, '{unmet}', 'unmet', '{}', '[]', true;
insert into public.capdev_intervention_overrides (city_municipality_code, catalog_edition, leaf_code, reason, office_code)
values ('990101000', '2024', '1.1.1', 'unmet', 'MTO');

-- The statements: one per table and operation, aimed at the fixture row ----------------------------

create temporary table statements (tbl text, op text, sql text, primary key (tbl, op));

create function pg_temp.fx(p_key text) returns text language sql stable
as $$ select quote_literal(id) from fx where key = p_key $$;

insert into statements
select t.tbl, o.op, case o.op
  when 'select' then format('select 1 from public.%I where %s', t.tbl, t.target)
  when 'insert' then format('insert into public.%I %s', t.tbl, t.new_row)
  when 'update' then format('update public.%I set %I = %I where %s', t.tbl, t.col, t.col, t.target)
  when 'delete' then format('delete from public.%I where %s', t.tbl, t.target)
end
from (values
  ('governance_areas', 'code = 1', 'name', $$(code, name, kind) values (6, 'Sixth', 'essential')$$),
  ('error_codes', $$code = 'VA001'$$, 'meaning', $$(code, name, meaning) values ('VA999', 'x', 'x')$$),
  ('regions', $$psgc_code = '990000000'$$, 'name', $$(psgc_code, name) values ('980000000', 'New Region')$$),
  ('provinces', $$psgc_code = '990100000'$$, 'name',
    $$(psgc_code, region_code, name) values ('990200000', '990000000', 'New Province')$$),
  ('cities_municipalities', $$psgc_code = '990101000'$$, 'name',
    $$(psgc_code, province_code, name) values ('990104000', '990100000', 'New Town')$$),
  ('barangays', 'id = ' || pg_temp.fx('own'), 'name',
    $$(psgc_code, name, city_municipality_code) values ('990000009', 'New', '990101000')$$),
  ('profiles', 'id = ' || pg_temp.fx('blgu_own'), 'full_name', '(id) values (gen_random_uuid())'),
  ('cycles', 'id = ' || pg_temp.fx('cycle'), 'title',
    $$(year, title, reviewed_year, catalog_edition) values (2093, 'SGLGB 2093', 2092, '2024')$$),
  ('indicators', 'id = ' || pg_temp.fx('leaf'), 'name',
    format('(cycle_id, code, area_code, name, sort_order) values (%s, %L, 1, %L, 999)', pg_temp.fx('cycle'), '1.99', 'New')),
  ('checklist_items', 'id = ' || pg_temp.fx('item'), 'label',
    format('(indicator_id, item_key, label, item_type, sort_order) values (%s, %L, %L, %L, 999)', pg_temp.fx('leaf'), 'new_item', 'New', 'checkbox')),
  ('upload_slots', 'id = ' || pg_temp.fx('slot'), 'label',
    format('(indicator_id, slot_key, label, sort_order) values (%s, %L, %L, 999)', pg_temp.fx('leaf'), 'new_slot', 'New')),
  ('assessments', 'id = ' || pg_temp.fx('a_own'), 'status',
    format('(cycle_id, barangay_id) values (%s, %s)', pg_temp.fx('cycle'), pg_temp.fx('third'))),
  ('assessment_areas', 'assessment_id = ' || pg_temp.fx('a_own') || ' and area_code = 1', 'status',
    format('(assessment_id, area_code) values (%s, 1)', pg_temp.fx('a_own'))),
  ('responses', 'assessment_id = ' || pg_temp.fx('a_own') || ' and area_code = 1', 'answers',
    format('(assessment_id, leaf_id, area_code) values (%s, %s, 1)', pg_temp.fx('a_own'), pg_temp.fx('leaf2'))),
  ('reviews', 'assessment_id = ' || pg_temp.fx('a_own') || ' and area_code = 1', 'decision',
    format('(assessment_id, leaf_id, area_code) values (%s, %s, 1)', pg_temp.fx('a_own'), pg_temp.fx('leaf2'))),
  ('indicator_overrides', 'assessment_id = ' || pg_temp.fx('a_own'), 'decision',
    format('(assessment_id, indicator_id, area_code, decision, reason) values (%s, %s, 1, %L, %L)', pg_temp.fx('a_own'), pg_temp.fx('parent2'), 'met', 'r')),
  ('leaf_history', 'assessment_id = ' || pg_temp.fx('a_own') || $$ and source = 'checklist'$$, 'current',
    format('(assessment_id, leaf_id, area_code, source) values (%s, %s, 1, %L)', pg_temp.fx('a_own'), pg_temp.fx('leaf'), 'answers')),
  ('comments', 'assessment_id = ' || pg_temp.fx('a_own') || $$ and visibility = 'internal'$$, 'body',
    format('(assessment_id, area_code, visibility, body, author_role, stage) values (%s, 1, %L, %L, %L, %L)', pg_temp.fx('a_own'), 'public', 'x', 'blgu', 'draft')),
  ('mov_files', 'assessment_id = ' || pg_temp.fx('a_own'), 'original_name',
    format('(assessment_id, leaf_id, slot_id, area_code, storage_path, original_name, mime_type, size_bytes, origin) values (%s, %s, %s, 1, %L, %L, %L, 1, %L)',
           pg_temp.fx('a_own'), pg_temp.fx('leaf'), pg_temp.fx('slot'), 'matrix/new.pdf', 'new.pdf', 'application/pdf', 'blgu')),
  ('mov_flags', 'mov_id = ' || pg_temp.fx('mov'), 'reviewer_note',
    format('(mov_id, assessment_id, area_code, leaf_id, is_flagged, event_id) values (%s, %s, 1, %s, true, 1)',
           pg_temp.fx('mov'), pg_temp.fx('a_own'), pg_temp.fx('leaf'))),
  ('submission_snapshots', 'assessment_id = ' || pg_temp.fx('a_own'), 'answers',
    format('(assessment_id, answers, movs) values (%s, %L, %L)', pg_temp.fx('a_other'), '{}', '[]')),
  ('classification_results', 'assessment_id = ' || pg_temp.fx('a_own'), 'passed',
    format('(assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent) values (%s, %L, %L, %L, %L, true, 100)',
           pg_temp.fx('a_own'), 'official', 'test', repeat('b', 64), '{}')),
  ('events', 'assessment_id = ' || pg_temp.fx('a_own') || ' and not visible_to_barangay', 'reason',
    format('(assessment_id, action) values (%s, %L)', pg_temp.fx('a_own'), 'forged')),
  ('notifications', 'recipient_id = ' || pg_temp.fx('blgu_own'), 'read_at',
    format('(recipient_id, kind, title) values (%s, %L, %L)', pg_temp.fx('blgu_own'), 'forged', 'Forged')),
  ('jobs', 'assessment_id = ' || pg_temp.fx('a_own'), 'run_after',
    format('(assessment_id) values (%s)', pg_temp.fx('a_own'))),
  ('audit_verifications', 'cycle_id = ' || pg_temp.fx('cycle'), 'holds',
    format('(cycle_id) values (%s)', pg_temp.fx('cycle'))),
  ('cycle_activations', 'cycle_id = ' || pg_temp.fx('cycle'), 'batches',
    format('(cycle_id) values (%s)', pg_temp.fx('cycle'))),
  ('deadline_runs', 'true', 'batches', '(acting_for) values (now())'),
  ('capdev_offices', $$code = 'MBO'$$, 'name', $$(code, name, name_fil, sort_order) values ('XYZ', 'x', 'x', 99)$$),
  ('capdev_interventions', $$catalog_edition = '2024' and leaf_code = '1.1.1' and reason = 'unmet'$$, 'text_en',
    $$(catalog_edition, leaf_code, reason, office_code, time_frame_days, text_en, text_fil) values ('2024', '9.9.9', 'unmet', 'MBO', 30, 'x', 'x')$$),
  ('capdev_intervention_overrides', $$city_municipality_code = '990101000' and leaf_code = '1.1.1'$$, 'office_code',
    $$(city_municipality_code, catalog_edition, leaf_code, reason, office_code) values ('990101000', '2024', '1.2.1', 'unmet', 'MBO')$$),
  ('capdev_agendas', 'assessment_id = ' || pg_temp.fx('a_own'), 'passed',
    format('(result_id, assessment_id, passed, passable, fewest_fix_areas, classifier_version) values (%s, %s, true, false, %L, %L)',
           pg_temp.fx('official'), pg_temp.fx('a_other'), '{}', 'forged')),
  ('capdev_agenda_items', 'result_id = ' || pg_temp.fx('official'), 'rank',
    format('(result_id, rank, priority, leaf_code, indicator_code, area_code, reasons, answers, missing_slots, shortfalls, in_fewest_fixes) values (%s, 2, %L, %L, %L, 1, %L, %L, %L, %L, false)',
           pg_temp.fx('official'), 'core', '1.2.1', '1.2', '{unmet}', 'unmet', '{}', '[]'))
) as t (tbl, target, col, new_row)
cross join (values ('select'), ('insert'), ('update'), ('delete')) as o (op);

-- Who may do what: everything not listed here is refused --------------------------------------------

create temporary table roles (role text primary key, label text, email text, position integer,
                              claims jsonb, deactivated boolean not null default false);
insert into roles (role, label, email, position) values
  ('mlgoo', 'mlgoo', 'm-mlgoo@t.local', 1),
  ('assessor_own', 'assessor (own area)', 'm-assessor1@t.local', 2),
  ('assessor_other', 'assessor (other area)', 'm-assessor2@t.local', 3),
  ('validator', 'validator', 'm-validator@t.local', 4),
  ('blgu_own', 'blgu (own barangay)', 'm-blgu-own@t.local', 5),
  ('blgu_other', 'blgu (other barangay)', 'm-blgu-other@t.local', 6),
  ('katuparan', 'katuparan', 'm-katuparan@t.local', 7),
  ('mlgoo_elsewhere', 'mlgoo (another municipality)', 'm-mlgoo-x@t.local', 8),
  ('assessor_elsewhere', 'assessor (own area, another municipality)', 'm-assessor1-x@t.local', 9),
  ('validator_elsewhere', 'validator (another municipality)', 'm-validator-x@t.local', 10),
  ('oversight', 'oversight (its province)', 'm-oversight@t.local', 11),
  ('oversight_elsewhere', 'oversight (another municipality)', 'm-oversight-x@t.local', 12),
  ('administrator', 'central administrator', 'm-admin@t.local', 13),
  ('anon', 'anon', null, 14);
update roles set claims = case when email is null then '{"role": "anon"}' else tests.claims_for(email) end;
insert into roles (role, label, email, position, claims, deactivated)
select role || '_deactivated', label || ' deactivated', email, position + 14, claims, true
from roles where email is not null;

create temporary table allowed (tbl text, op text, role text);
insert into allowed
select tbl, 'select', role
from unnest(array['governance_areas', 'error_codes', 'regions', 'provinces', 'cities_municipalities', 'cycles', 'indicators',
                  'checklist_items', 'upload_slots', 'capdev_offices', 'capdev_interventions']) as tbl,
     (select role from roles) as r
-- Cycles, the catalog's wording, the job queue and the audit verifications are national: the central
-- administrator's.
union all select 'cycles', op, 'administrator' from unnest(array['insert', 'update']) as op
union all select tbl, 'update', 'administrator' from unnest(array['indicators', 'checklist_items', 'upload_slots']) as tbl
union all select 'barangays', 'select', role
  from unnest(array['mlgoo', 'assessor_own', 'assessor_other', 'validator', 'blgu_own', 'oversight']) as role
union all select 'barangays', op, 'mlgoo' from unnest(array['insert', 'update']) as op
union all select 'profiles', 'select', role from unnest(array['mlgoo', 'blgu_own']) as role
union all select 'profiles', 'update', 'blgu_own'
union all select tbl, 'select', role
  from unnest(array['assessments', 'assessment_areas', 'responses', 'mov_files']) as tbl,
       unnest(array['mlgoo', 'assessor_own', 'validator', 'blgu_own']) as role
union all select tbl, 'select', role
  from unnest(array['reviews', 'leaf_history', 'comments', 'events', 'mov_flags']) as tbl,
       unnest(array['mlgoo', 'assessor_own', 'validator']) as role
union all select tbl, 'select', role
  from unnest(array['indicator_overrides', 'submission_snapshots', 'classification_results']) as tbl,
       unnest(array['mlgoo', 'validator']) as role
union all select 'submission_snapshots', 'select', 'blgu_own'
union all select 'notifications', op, 'blgu_own' from unnest(array['select', 'update']) as op
union all select tbl, 'select', 'administrator' from unnest(array['jobs', 'audit_verifications', 'deadline_runs']) as tbl
-- How far a cycle's activation has come: the central administrator's and every MLGOO's to see.
union all select 'cycle_activations', 'select', role from unnest(array['administrator', 'mlgoo', 'mlgoo_elsewhere']) as role
-- CapDev: the national interventions are the central administrator's; a municipality's overrides
-- are read by whoever reads its barangays and written by its MLGOO; an agenda is read as its
-- official result is (the barangay only once completed).
union all select 'capdev_interventions', 'update', 'administrator'
union all select 'capdev_intervention_overrides', 'select', role
  from unnest(array['mlgoo', 'assessor_own', 'assessor_other', 'validator', 'blgu_own', 'blgu_other', 'oversight',
                    'administrator']) as role
union all select 'capdev_intervention_overrides', op, 'mlgoo' from unnest(array['insert', 'update', 'delete']) as op
union all select tbl, 'select', role
  from unnest(array['capdev_agendas', 'capdev_agenda_items']) as tbl, unnest(array['mlgoo', 'validator']) as role;

-- Runs a statement with a role's claims (its user deactivated first when asked) and undoes it:
-- 'allowed' when it touched a row, 'filtered' when it touched none, else the SQLSTATE it raised.
create function pg_temp.attempt(p_role roles, p_sql text)
returns text
language plpgsql
as $$
declare
  v_rows bigint;
begin
  begin
    if p_role.deactivated then
      update public.profiles set is_active = false where id = tests.user_id(p_role.email);
    end if;
    perform tests.act_with_claims(p_role.claims);
    execute p_sql;
    get diagnostics v_rows = row_count;
    raise exception using errcode = 'TU001', message = v_rows::text;
  exception
    when sqlstate 'TU001' then
      return case when sqlerrm::bigint > 0 then 'allowed' else 'filtered' end;
    when others then
      return sqlstate;
  end;
end;
$$;

select plan((select count(*)::integer + 1 from statements, roles));

select is(
  (select array_agg(tablename::text order by tablename) from pg_tables where schemaname = 'public'),
  (select array_agg(distinct tbl order by tbl) from statements),
  'the matrix covers every public table');

select ok(
  case when a.role is not null then outcome = 'allowed' else outcome in ('filtered', '42501') end,
  format('%s %s %s %s', r.label, case when a.role is not null then 'can' else 'cannot' end, s.op, s.tbl))
  || case when outcome not in ('allowed', 'filtered', '42501') then E'\n# unexpected SQLSTATE ' || outcome else '' end
from statements s
cross join roles r
left join allowed a on a.tbl = s.tbl and a.op = s.op and a.role = r.role
cross join lateral (select pg_temp.attempt(r, s.sql) as outcome) as attempt
order by s.tbl, array_position(array['select', 'insert', 'update', 'delete'], s.op), r.position;

select * from finish();
rollback;
