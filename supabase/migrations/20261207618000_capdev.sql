-- Capacity development (CapDev, sglgb.md section 8): what each barangay should do about every
-- sub-indicator its official result fails, who in the city or municipality helps, and by when.
--
-- Interventions are data: national defaults per catalog edition, sub-indicator and failure reason
-- (generated from tools/capdev, edited by the central administrator), which an MLGOO overrides for
-- its own city or municipality (office, time frame, text per language). The agenda of an
-- assessment is stored by the classify function with every official result: its items, reasons
-- and priorities come from packages/classifier (capdevPlan: the explanations, the areas and the
-- fewest fixes that make the barangay pass under the 3+1 rule), never from rules written here.
-- public.capdev_agenda joins the two in the reader's language.

-- Offices ------------------------------------------------------------------------------------------

create table public.capdev_offices (
  code text primary key constraint code_is_upper_case check (code ~ '^[A-Z]{2,10}$'),
  name text not null constraint name_is_not_blank check (length(trim(name)) > 0),
  name_fil text not null constraint name_fil_is_not_blank check (length(trim(name_fil)) > 0),
  sort_order smallint not null
);
comment on table public.capdev_offices is
  'The offices a capacity-development intervention names as the one that helps: the barangay itself, DILG and the city or municipal offices (generated from tools/capdev/offices.ts).';
comment on column public.capdev_offices.code is 'Short code, e.g. MBO, MTO, MPDO, MSWDO, MDRRMO, MLGOO, BLGU.';
comment on column public.capdev_offices.name is 'The office''s name in English.';
comment on column public.capdev_offices.name_fil is 'The office''s name in Filipino.';
comment on column public.capdev_offices.sort_order is 'Display order.';

alter table public.capdev_offices enable row level security;
grant select on public.capdev_offices to anon, authenticated, service_role;
create policy "Everyone reads the offices" on public.capdev_offices
  for select to anon, authenticated using (true);
comment on policy "Everyone reads the offices" on public.capdev_offices is
  'The list of offices is public reference data, like the catalog.';

-- National interventions ------------------------------------------------------------------------------

create type public.capdev_reason as enum ('missing_mov', 'unmet', 'parent_unmet');
comment on type public.capdev_reason is
  'Why a sub-indicator is on the agenda, as the classifier explains it: missing_mov (a means of verification is missing: missing_mov:<slot>), unmet (decided Unmet, or without a decision: no_decision), parent_unmet (it passes but its indicator was declared Unmet).';

create table public.capdev_interventions (
  catalog_edition text not null references private.catalog_editions (edition) on delete cascade,
  leaf_code text not null,
  reason public.capdev_reason not null,
  office_code text not null constraint office_is_known references public.capdev_offices (code),
  time_frame_days smallint not null constraint time_frame_is_a_day_to_a_year check (time_frame_days between 1 and 366),
  text_en text not null constraint text_en_is_not_blank check (length(trim(text_en)) > 0),
  text_fil text not null constraint text_fil_is_not_blank check (length(trim(text_fil)) > 0),
  text_ceb text constraint text_ceb_is_not_blank check (length(trim(text_ceb)) > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid() references auth.users (id) on delete set null,
  primary key (catalog_edition, leaf_code, reason)
);
comment on table public.capdev_interventions is
  'National capacity-development interventions: per catalog edition, scored sub-indicator and failure reason, what to do, the office that helps and the suggested time frame, in English, Filipino and optionally Cebuano. Seeded for every scored sub-indicator (npm run capdev:generate); the central administrator edits them; an MLGOO overrides them for its city or municipality in capdev_intervention_overrides.';
comment on column public.capdev_interventions.catalog_edition is 'The catalog edition (cycles.catalog_edition).';
comment on column public.capdev_interventions.leaf_code is 'The sub-indicator, e.g. 2.1.4.';
comment on column public.capdev_interventions.reason is 'The failure reason it answers.';
comment on column public.capdev_interventions.office_code is 'The office that helps the barangay.';
comment on column public.capdev_interventions.time_frame_days is 'Suggested time frame in days from the assessment''s completion.';
comment on column public.capdev_interventions.text_en is 'What to do, in English.';
comment on column public.capdev_interventions.text_fil is 'What to do, in Filipino.';
comment on column public.capdev_interventions.text_ceb is 'What to do, in Cebuano (optional: English is shown when absent).';
comment on column public.capdev_interventions.updated_at is 'When it last changed.';
comment on column public.capdev_interventions.updated_by is 'Who last changed it (null: as generated).';

alter table public.capdev_interventions enable row level security;
grant select on public.capdev_interventions to anon, authenticated, service_role;
grant update (office_code, time_frame_days, text_en, text_fil, text_ceb) on public.capdev_interventions to authenticated;
create policy "Everyone reads the interventions" on public.capdev_interventions
  for select to anon, authenticated using (true);
comment on policy "Everyone reads the interventions" on public.capdev_interventions is
  'The national interventions are public reference data, like the catalog they answer.';
create policy "The central administrator edits the interventions" on public.capdev_interventions
  for update to authenticated
  using ((select private.is_administrator()))
  with check ((select private.is_administrator()));
comment on policy "The central administrator edits the interventions" on public.capdev_interventions is
  'The national defaults belong to the central administrator, as the catalog does: office, time frame and texts only (the columns granted); none is added or removed, so every scored sub-indicator keeps one per reason.';

create function private.stamp_capdev_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  new.updated_by := auth.uid();
  return new;
end;
$$;
comment on function private.stamp_capdev_change() is
  'Records when and by whom an intervention or an override last changed.';

create trigger stamp_change before update on public.capdev_interventions
  for each row execute function private.stamp_capdev_change();
create trigger password_changed before update on public.capdev_interventions
  for each statement execute function private.refuse_until_password_changed();

-- Municipal overrides ------------------------------------------------------------------------------------

create table public.capdev_intervention_overrides (
  city_municipality_code text not null references public.cities_municipalities (psgc_code) on delete cascade,
  catalog_edition text not null,
  leaf_code text not null,
  reason public.capdev_reason not null,
  office_code text constraint office_is_known references public.capdev_offices (code),
  time_frame_days smallint constraint time_frame_is_a_day_to_a_year check (time_frame_days between 1 and 366),
  text_en text constraint text_en_is_not_blank check (length(trim(text_en)) > 0),
  text_fil text constraint text_fil_is_not_blank check (length(trim(text_fil)) > 0),
  text_ceb text constraint text_ceb_is_not_blank check (length(trim(text_ceb)) > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid default auth.uid() references auth.users (id) on delete set null,
  primary key (city_municipality_code, catalog_edition, leaf_code, reason),
  constraint overrides_a_national_intervention foreign key (catalog_edition, leaf_code, reason)
    references public.capdev_interventions (catalog_edition, leaf_code, reason) on delete cascade,
  constraint overrides_something
    check (num_nonnulls(office_code, time_frame_days, text_en, text_fil, text_ceb) > 0)
);
comment on table public.capdev_intervention_overrides is
  'A city or municipality''s own version of a national intervention, set by its MLGOO: each column that is not null replaces the national one in the agendas of its barangays (e.g. the local office''s name for the task, a shorter time frame, a Cebuano text).';
comment on column public.capdev_intervention_overrides.city_municipality_code is 'The city or municipality (PSGC code).';
comment on column public.capdev_intervention_overrides.catalog_edition is 'The catalog edition of the national intervention.';
comment on column public.capdev_intervention_overrides.leaf_code is 'The sub-indicator.';
comment on column public.capdev_intervention_overrides.reason is 'The failure reason.';
comment on column public.capdev_intervention_overrides.office_code is 'The office that helps instead of the national one; null keeps it.';
comment on column public.capdev_intervention_overrides.time_frame_days is 'The time frame in days instead of the national one; null keeps it.';
comment on column public.capdev_intervention_overrides.text_en is 'What to do in English instead of the national text; null keeps it.';
comment on column public.capdev_intervention_overrides.text_fil is 'What to do in Filipino instead of the national text; null keeps it.';
comment on column public.capdev_intervention_overrides.text_ceb is 'What to do in Cebuano; null keeps the national one (or English).';
comment on column public.capdev_intervention_overrides.updated_at is 'When it last changed.';
comment on column public.capdev_intervention_overrides.updated_by is 'Which MLGOO last changed it.';

alter table public.capdev_intervention_overrides enable row level security;
grant select, delete on public.capdev_intervention_overrides to authenticated;
-- Update covers the key columns too, so that an upsert (PostgREST sets every column it is sent) works;
-- the policies keep a row in the MLGOO's own city or municipality.
grant insert (city_municipality_code, catalog_edition, leaf_code, reason, office_code, time_frame_days,
              text_en, text_fil, text_ceb),
      update (city_municipality_code, catalog_edition, leaf_code, reason, office_code, time_frame_days,
              text_en, text_fil, text_ceb)
  on public.capdev_intervention_overrides to authenticated;
grant select on public.capdev_intervention_overrides to service_role;
create policy "Readers of a municipality's barangays read its overrides" on public.capdev_intervention_overrides
  for select to authenticated
  using (city_municipality_code in (select b.city_municipality_code from public.barangays b)
         or (select private.is_administrator()));
comment on policy "Readers of a municipality's barangays read its overrides" on public.capdev_intervention_overrides is
  'Whoever reads a barangay of the city or municipality (its staff, the barangay itself, oversight offices in scope) reads the interventions its barangays are given; the central administrator reads all.';
create policy "The MLGOO sets its municipality's overrides" on public.capdev_intervention_overrides
  for insert to authenticated
  with check ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()));
create policy "The MLGOO edits its municipality's overrides" on public.capdev_intervention_overrides
  for update to authenticated
  using ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()))
  with check ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()));
create policy "The MLGOO removes its municipality's overrides" on public.capdev_intervention_overrides
  for delete to authenticated
  using ((select private.is_mlgoo()) and city_municipality_code = (select private.current_city_municipality_code()));
comment on policy "The MLGOO sets its municipality's overrides" on public.capdev_intervention_overrides is
  'An active MLGOO overrides interventions for its own city or municipality only.';
comment on policy "The MLGOO edits its municipality's overrides" on public.capdev_intervention_overrides is
  'An active MLGOO edits its own city or municipality''s overrides and cannot move one to another.';
comment on policy "The MLGOO removes its municipality's overrides" on public.capdev_intervention_overrides is
  'An active MLGOO removes an override of its own city or municipality: the national intervention applies again.';

create trigger stamp_change before update on public.capdev_intervention_overrides
  for each row execute function private.stamp_capdev_change();
create trigger password_changed before insert or update or delete on public.capdev_intervention_overrides
  for each statement execute function private.refuse_until_password_changed();

-- Agendas: stored with each official result ------------------------------------------------------------

create type public.capdev_priority as enum ('core', 'flip', 'other');
comment on type public.capdev_priority is
  'core: the sub-indicator fails a core area (the 3+1 rule needs all three); flip: it is in an essential area among the fewest fixes that make the barangay pass; other: every other failing sub-indicator.';

create table public.capdev_agendas (
  result_id uuid primary key references public.classification_results (id) on delete cascade,
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  passed boolean not null,
  passable boolean not null,
  fewest_fixes integer constraint fewest_fixes_is_not_negative check (fewest_fixes >= 0),
  fewest_fix_areas smallint[] not null,
  classifier_version text not null,
  created_at timestamptz not null default now(),
  constraint a_passable_agenda_counts_its_fixes check (passable = (fewest_fixes is not null))
);
comment on table public.capdev_agendas is
  'The capacity-development agenda of an official classification result, computed by packages/classifier (capdevPlan) and stored by the classify function with the result; public.capdev_agenda returns the current one with its interventions.';
comment on column public.capdev_agendas.result_id is 'The official classification result it was computed from.';
comment on column public.capdev_agendas.assessment_id is 'The assessment.';
comment on column public.capdev_agendas.passed is 'The result''s 3+1 verdict.';
comment on column public.capdev_agendas.passable is 'Whether any set of fixes makes the barangay pass (false when a needed area has no scored sub-indicator).';
comment on column public.capdev_agendas.fewest_fixes is 'The fewest fixes (a failing sub-indicator made to pass, or an indicator''s Unmet lifted) that make the barangay pass; 0 when it passes, null when it cannot.';
comment on column public.capdev_agendas.fewest_fix_areas is 'The failing areas those fixes belong to.';
comment on column public.capdev_agendas.classifier_version is 'Version of packages/classifier that computed it.';
comment on column public.capdev_agendas.created_at is 'When it was stored.';

create table public.capdev_agenda_items (
  result_id uuid not null references public.capdev_agendas (result_id) on delete cascade,
  rank smallint not null constraint rank_is_positive check (rank > 0),
  priority public.capdev_priority not null,
  leaf_code text not null,
  indicator_code text not null,
  area_code smallint not null references public.governance_areas (code),
  reasons text[] not null constraint has_a_reason check (cardinality(reasons) > 0),
  answers public.capdev_reason not null constraint answers_a_failure check (answers <> 'missing_mov'),
  missing_slots text[] not null,
  shortfalls jsonb not null constraint shortfalls_are_a_list check (jsonb_typeof(shortfalls) = 'array'),
  in_fewest_fixes boolean not null,
  primary key (result_id, leaf_code),
  unique (result_id, rank)
);
comment on table public.capdev_agenda_items is
  'One failing sub-indicator of an agenda, once, with its rank and priority (from packages/classifier).';
comment on column public.capdev_agenda_items.result_id is 'The agenda (its official result).';
comment on column public.capdev_agenda_items.rank is '1 for the first thing to fix: core areas first, then the essential areas among the fewest fixes to pass, then the rest; areas needing fewer fixes first.';
comment on column public.capdev_agenda_items.priority is 'core, flip or other (type capdev_priority).';
comment on column public.capdev_agenda_items.leaf_code is 'The sub-indicator.';
comment on column public.capdev_agenda_items.indicator_code is 'Its indicator.';
comment on column public.capdev_agenda_items.area_code is 'Its governance area.';
comment on column public.capdev_agenda_items.reasons is 'The classifier''s reason codes: missing_mov:<slot>, unmet, no_decision, parent_unmet.';
comment on column public.capdev_agenda_items.answers is
  'Which intervention answers it (from the classifier): unmet when it fails on its own, parent_unmet when it passes and is listed only through its indicator declared Unmet; missing MOVs add their own.';
comment on column public.capdev_agenda_items.missing_slots is 'The upload slots without a live MOV.';
comment on column public.capdev_agenda_items.shortfalls is 'The quantitative requirements its values fall short of (the classifier''s shortfalls), each with its text per language (texts.en, texts.fil).';
comment on column public.capdev_agenda_items.in_fewest_fixes is 'Whether fixing it belongs to the fewest fixes that make the barangay pass.';

alter table public.capdev_agendas enable row level security;
alter table public.capdev_agenda_items enable row level security;
grant select on public.capdev_agendas, public.capdev_agenda_items to authenticated, service_role;
create policy "Readers of an official result read its agenda" on public.capdev_agendas
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or ((select private.current_app_role()) = 'blgu'
         and exists (select 1 from public.assessments a where a.id = capdev_agendas.assessment_id and a.status = 'completed')))
    and capdev_agendas.assessment_id in (select private.readable_assessment_ids())
    or ((select private.is_oversight())
        and exists (select 1 from public.assessments a where a.id = capdev_agendas.assessment_id))
  );
comment on policy "Readers of an official result read its agenda" on public.capdev_agendas is
  'Who reads an official result reads its agenda: the MLGOO and validators of the assessments they read; the barangay its own and oversight offices those in their scope, once the assessment is completed.';
create policy "Readers of an agenda read its items" on public.capdev_agenda_items
  for select to authenticated
  using (result_id in (select g.result_id from public.capdev_agendas g));
comment on policy "Readers of an agenda read its items" on public.capdev_agenda_items is
  'The items of every agenda the caller reads (the agendas'' policy decides).';

create index capdev_agendas_assessment on public.capdev_agendas (assessment_id);

-- The agenda in the reader's language -------------------------------------------------------------------
-- A text is the override's in the reader's language, else the national one in that language, else
-- the override's English, else the national English.

create function public.capdev_agenda(p_assessment_id uuid, p_language public.ui_language default null)
returns table (
  rank smallint,
  priority public.capdev_priority,
  area_code smallint,
  area_name text,
  area_kind public.area_kind,
  indicator_code text,
  indicator_name text,
  leaf_code text,
  leaf_name text,
  reasons text[],
  missing_movs text[],
  shortfalls text[],
  intervention text,
  evidence_intervention text,
  office_code text,
  office_name text,
  time_frame_days smallint,
  due_on date,
  in_fewest_fixes boolean,
  fewest_fixes integer,
  language public.ui_language
)
language sql
stable
security invoker
set search_path = ''
as $$
  with reader as (
    select coalesce(p_language, (select p.preferred_language from public.profiles p where p.id = (select auth.uid())),
                    'en'::public.ui_language) as language
  ),
  agenda as (
    select g.result_id, g.fewest_fixes, o.cycle_id, c.catalog_edition, b.city_municipality_code,
           a.approved_at, a.status
    from public.official_results o
    join public.capdev_agendas g on g.result_id = o.result_id
    join public.assessments a on a.id = o.assessment_id
    join public.cycles c on c.id = a.cycle_id
    join public.barangays b on b.id = a.barangay_id
    where o.assessment_id = p_assessment_id
  ),
  item as (
    select i.*, agenda.*
    from agenda join public.capdev_agenda_items i on i.result_id = agenda.result_id
  ),
  chosen as (
    select item.*, m_text.text as evidence_text,
           coalesce(ov.office_code, nv.office_code) as chosen_office,
           coalesce(ov.time_frame_days, nv.time_frame_days) as chosen_days,
           coalesce(case reader.language when 'fil' then ov.text_fil when 'ceb' then ov.text_ceb end,
                    case reader.language when 'fil' then nv.text_fil when 'ceb' then nv.text_ceb end,
                    ov.text_en, nv.text_en) as chosen_text,
           reader.language
    from item
    cross join reader
    left join public.capdev_interventions nv
      on nv.catalog_edition = item.catalog_edition and nv.leaf_code = item.leaf_code and nv.reason = item.answers
    left join public.capdev_intervention_overrides ov
      on ov.city_municipality_code = item.city_municipality_code and ov.catalog_edition = item.catalog_edition
     and ov.leaf_code = item.leaf_code and ov.reason = item.answers
    left join lateral (
      select coalesce(case reader.language when 'fil' then mo.text_fil when 'ceb' then mo.text_ceb end,
                      case reader.language when 'fil' then mn.text_fil when 'ceb' then mn.text_ceb end,
                      mo.text_en, mn.text_en) as text
      from public.capdev_interventions mn
      left join public.capdev_intervention_overrides mo
        on mo.city_municipality_code = item.city_municipality_code and mo.catalog_edition = mn.catalog_edition
       and mo.leaf_code = mn.leaf_code and mo.reason = mn.reason
      where cardinality(item.missing_slots) > 0
        and mn.catalog_edition = item.catalog_edition and mn.leaf_code = item.leaf_code and mn.reason = 'missing_mov'
    ) m_text on true
  )
  select chosen.rank, chosen.priority, ga.code, ga.name, ga.kind, parent.code, parent.name, l.code, l.name,
         chosen.reasons,
         array(select s.label from public.upload_slots s
               where s.indicator_id = l.id and s.slot_key = any (chosen.missing_slots)
               order by s.sort_order),
         array(select coalesce(f -> 'texts' ->> chosen.language::text, f -> 'texts' ->> 'en')
               from jsonb_array_elements(chosen.shortfalls) with ordinality as s (f, n) order by s.n),
         chosen.chosen_text, chosen.evidence_text, chosen.chosen_office,
         case when chosen.language = 'fil' then office.name_fil else office.name end,
         chosen.chosen_days,
         case when chosen.status = 'completed'
              then (chosen.approved_at at time zone 'Asia/Manila')::date + chosen.chosen_days end,
         chosen.in_fewest_fixes, chosen.fewest_fixes, chosen.language
  from chosen
  join public.indicators l on l.cycle_id = chosen.cycle_id and l.code = chosen.leaf_code
  join public.indicators parent on parent.id = l.parent_id
  join public.governance_areas ga on ga.code = chosen.area_code
  left join public.capdev_offices office on office.code = chosen.chosen_office
  order by chosen.rank;
$$;
comment on function public.capdev_agenda(uuid, public.ui_language) is
  'The capacity-development agenda of an assessment from its current official result, one row per failing sub-indicator in rank order: its priority (core, flip, other) and whether it is among the fewest fixes to pass, the classifier''s reasons, the missing MOVs by name, the shortfalls, the intervention for its reason with the missing-MOV intervention when files are missing, the office that helps, the time frame and the date it falls due (from the approval). Texts in p_language, else the caller''s preferred_language (English where a text is absent); the MLGOO''s overrides for the barangay''s city or municipality replace the national ones. Empty when the caller may not read the official result (the barangay before completion).';
revoke all on function public.capdev_agenda(uuid, public.ui_language) from public, anon;
grant execute on function public.capdev_agenda(uuid, public.ui_language) to authenticated, service_role;

create function public.report_cycle_capdev(p_cycle_id uuid)
returns table (
  psgc_code text,
  barangay text,
  passed boolean,
  fewest_fixes integer,
  rank smallint,
  priority public.capdev_priority,
  area_code smallint,
  leaf_code text,
  leaf_name text,
  reasons text[],
  intervention text,
  office_code text,
  time_frame_days smallint,
  due_on date,
  in_fewest_fixes boolean
)
language sql
stable
security invoker
set search_path = ''
as $$
  select b.psgc_code, b.name, o.passed, g.fewest_fixes, g.rank, g.priority, g.area_code, g.leaf_code,
         g.leaf_name, g.reasons, g.intervention, g.office_code, g.time_frame_days, g.due_on,
         g.in_fewest_fixes
  from public.official_results o
  join public.assessments a on a.id = o.assessment_id
  join public.barangays b on b.id = a.barangay_id
  cross join lateral public.capdev_agenda(o.assessment_id) g
  where o.cycle_id = p_cycle_id and o.completed
  order by b.name, b.psgc_code, g.rank;
$$;
comment on function public.report_cycle_capdev(uuid) is
  'The capacity-development agendas of a cycle''s completed assessments the caller reads, one row per barangay and failing sub-indicator in rank order, in the caller''s language: what the MLGOO''s cycle export lists.';
revoke all on function public.report_cycle_capdev(uuid) from public, anon;
grant execute on function public.report_cycle_capdev(uuid) to authenticated, service_role;
