-- Assessments: one per (cycle, barangay) with its per-area states, the barangay's answers, the
-- reviewers' checklist values and decisions (kept apart so that a barangay never sees a verdict
-- before completion), the change history, indicator overrides, comments, MOV files, the frozen
-- first submission, classification results, the event timeline and notifications.
--
-- Every write goes through the workflow functions (security definer); tables grant `authenticated`
-- read access only, filtered by the policies below. Who reads what follows sglgb.md section 2:
-- visibility of an assessment is decided once, by the policies on public.assessments, and the
-- tables that hang off an assessment reuse it with `assessment_id in (select id from
-- public.assessments)` plus their own narrower rules.

-- Assessments -----------------------------------------------------------------------------------

create table public.assessments (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references public.cycles (id) on delete restrict,
  barangay_id uuid not null references public.barangays (id) on delete restrict,
  city_municipality_code text not null references public.cities_municipalities (psgc_code) on delete restrict,
  province_code text not null,
  region_code text not null,
  status public.assessment_status not null default 'draft',
  resume_status public.assessment_status,
  version integer not null default 1,
  submitted_area_codes smallint[] not null default '{}',
  is_locked boolean not null default false,
  locked_at timestamptz,
  lock_reason text,
  grace_until timestamptz,
  deadline_extended_until timestamptz,
  extension_reason text,
  due_at timestamptz,
  next_reminder_at timestamptz,
  recalibration_used boolean not null default false,
  submitted_at timestamptz,
  validation_started_at timestamptz,
  validated_at timestamptz,
  validated_by uuid references auth.users (id) on delete set null,
  approved_at timestamptz,
  approved_by uuid references auth.users (id) on delete set null,
  reopened_at timestamptz,
  reopened_by uuid references auth.users (id) on delete set null,
  reopen_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (cycle_id, barangay_id),
  constraint reopened_knows_where_to_return check ((status = 'reopened') <= (resume_status is not null)),
  constraint extension_has_reason check (deadline_extended_until is null or extension_reason is not null)
);
comment on table public.assessments is
  'One SGLGB assessment per cycle and barangay. Status columns change only through the workflow functions.';
comment on column public.assessments.id is 'Assessment id (first segment of its MOV paths).';
comment on column public.assessments.cycle_id is 'The cycle.';
comment on column public.assessments.barangay_id is 'The barangay assessed.';
comment on column public.assessments.city_municipality_code is
  'The barangay''s city or municipality (copied when the assessment is created; a barangay never changes it): what the policies compare with the caller''s scope.';
comment on column public.assessments.province_code is
  'The barangay''s province (copied when the assessment is created): what an oversight office''s policy compares with its scope.';
comment on column public.assessments.region_code is
  'The barangay''s region (copied when the assessment is created): what an oversight office''s policy compares with its scope.';
comment on column public.assessments.status is 'Overall workflow state.';
comment on column public.assessments.resume_status is 'While reopened: the review stage a resubmission returns to.';
comment on column public.assessments.version is 'Incremented by every transition; a transition based on an older version is refused.';
comment on column public.assessments.submitted_area_codes is 'Areas submitted at least once (assessors see an area from then on).';
comment on column public.assessments.is_locked is 'Locked: the barangay cannot write.';
comment on column public.assessments.locked_at is 'When the lock was applied.';
comment on column public.assessments.lock_reason is 'Why the assessment is locked (deadline passed, MLGOO decision).';
comment on column public.assessments.grace_until is 'After an unlock: the moment the deadline lock applies again.';
comment on column public.assessments.deadline_extended_until is 'Per-assessment extension of the submission deadline.';
comment on column public.assessments.extension_reason is 'Why the deadline was extended.';
comment on column public.assessments.due_at is
  'End of the barangay''s current editing window (deadline, extension, rework or calibration window, unlock grace), after which the scheduled deadline work locks the assessment; null while locked or when no window applies. Kept by every transition (private.schedule_deadline_work).';
comment on column public.assessments.next_reminder_at is
  'When the scheduled deadline work next reminds the barangay of its submission deadline (7, 3 or 1 day before it); null when no reminder is due. Kept by every transition (private.schedule_deadline_work).';
comment on column public.assessments.recalibration_used is 'The MLGOO''s one recalibration has been used.';
comment on column public.assessments.submitted_at is 'When all six areas were last submitted.';
comment on column public.assessments.validation_started_at is 'When the assessment first reached validation (validators see it from then on).';
comment on column public.assessments.validated_at is 'When the validator finalized.';
comment on column public.assessments.validated_by is 'The validator who finalized.';
comment on column public.assessments.approved_at is 'When the MLGOO approved (completed).';
comment on column public.assessments.approved_by is 'The approving MLGOO.';
comment on column public.assessments.reopened_at is 'When the MLGOO last reopened it.';
comment on column public.assessments.reopened_by is 'The MLGOO who reopened it.';
comment on column public.assessments.reopen_reason is 'Why it was reopened.';
comment on column public.assessments.created_at is 'When the assessment was created (cycle activation).';
comment on column public.assessments.updated_at is 'When the assessment last changed.';

create index assessments_barangay on public.assessments (barangay_id);
create index assessments_city_municipality on public.assessments (city_municipality_code, cycle_id);
create index assessments_cycle_status on public.assessments (cycle_id, status);
create index assessments_validation on public.assessments (validation_started_at) where validation_started_at is not null;
create index assessments_submitted_areas on public.assessments using gin (submitted_area_codes);
-- What the scheduled deadline work reads: with nothing due, a tick is two lookups in these.
create index assessments_due on public.assessments (due_at, id) where due_at is not null;
create index assessments_next_reminder on public.assessments (next_reminder_at, id) where next_reminder_at is not null;

create trigger touch_updated_at before update on public.assessments
  for each row execute function private.touch_updated_at();

create function private.copy_barangay_place()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select b.city_municipality_code, b.province_code, b.region_code
  into new.city_municipality_code, new.province_code, new.region_code
  from public.barangays b where b.id = new.barangay_id;
  return new;
end;
$$;
comment on function private.copy_barangay_place() is
  'Trigger on assessments: an assessment takes its barangay''s city or municipality, province and region when it is created.';
create trigger copy_barangay_place before insert on public.assessments
  for each row execute function private.copy_barangay_place();
create trigger guard_workflow_columns before update on public.assessments
  for each row
  when ((old.status, old.resume_status, old.version, old.is_locked, old.grace_until, old.deadline_extended_until, old.recalibration_used,
         old.due_at, old.next_reminder_at)
        is distinct from (new.status, new.resume_status, new.version, new.is_locked, new.grace_until, new.deadline_extended_until, new.recalibration_used,
         new.due_at, new.next_reminder_at))
  execute function private.guard_workflow_columns('the workflow function for this step (submit_area, approve_area, finalize_validation, approve_assessment, reopen_assessment, lock_assessment, unlock_assessment, extend_deadline, ...)');

alter table public.assessments enable row level security;
grant select on public.assessments to authenticated, service_role;

-- Which assessments the caller reads: one rule, asked once per query by the assessments policy and by
-- the policy of every table hanging off an assessment (a hashed list of the few ids in the caller's
-- scope, instead of a scan of every assessment of the country). An oversight office's scope is a
-- region, a province or the country, thousands of assessments: its policies compare its scope code
-- with each row's own region, province and city or municipality codes instead
-- (private.oversight_scope_code; the central office passes on private.oversees_the_country). The
-- oversight branch comes first in those policies: it reads only the row's columns and initPlan
-- parameters, so an office's rows pass it without evaluating the municipal roles' branch.
create function private.readable_assessment_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
rows 50
as $$
declare
  v_caller public.profiles;
begin
  -- PL/pgSQL keeps the plans for the session (an SQL function would plan them on every query), and
  -- the caller's profile is read once (the role helpers would read it once each).
  select * into v_caller from public.profiles where id = (select auth.uid()) and is_active;
  if v_caller.role = 'blgu' then
    return query select a.id from public.assessments a where a.barangay_id = v_caller.barangay_id;
  elsif v_caller.role in ('mlgoo', 'assessor', 'validator') then
    return query
    select a.id
    from public.assessments a
    where a.city_municipality_code = v_caller.city_municipality_code
      and (v_caller.role = 'mlgoo'
           or (v_caller.role = 'validator' and a.validation_started_at is not null)
           or (v_caller.role = 'assessor' and a.submitted_area_codes @> array[v_caller.area_code]));
  end if;
end;
$$;
comment on function private.readable_assessment_ids() is
  'The assessments the caller reads: a barangay user its own barangay''s; of the barangays of the city or municipality they serve, the MLGOO every one, a validator those that reached validation, an assessor those whose area it reviews was submitted at least once. Oversight users read by the hierarchy (the policies of assessments, their area states and results).';
grant execute on function private.readable_assessment_ids() to authenticated, service_role;

create policy "The barangay and its municipal reviewers read an assessment" on public.assessments
  for select to authenticated
  using (
    (status = 'completed'
     and ((select private.oversees_the_country())
          or (select private.oversight_scope_code()) in (region_code, province_code, city_municipality_code)))
    or id in (select private.readable_assessment_ids())
  );
comment on policy "The barangay and its municipal reviewers read an assessment" on public.assessments is
  'A barangay user reads its own barangay''s assessments; of the barangays of the city or municipality they serve, the MLGOO reads every assessment, a validator those that reached validation, an assessor those whose area it reviews was submitted at least once; an oversight user reads the completed assessments of the places in its scope.';

-- Per-area state --------------------------------------------------------------------------------

create table public.assessment_areas (
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  area_code smallint not null references public.governance_areas (code),
  status public.area_status not null default 'draft',
  rework_used boolean not null default false,
  rework_requested_at timestamptz,
  rework_requested_by uuid references auth.users (id) on delete set null,
  rework_due_at timestamptz,
  calibration_used boolean not null default false,
  calibration_requested_at timestamptz,
  calibration_requested_by uuid references auth.users (id) on delete set null,
  calibration_due_at timestamptz,
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  approved_at timestamptz,
  approved_by uuid references auth.users (id) on delete set null,
  primary key (assessment_id, area_code)
);
comment on table public.assessment_areas is 'Review state of each governance area of an assessment, with its one rework and one calibration.';
comment on column public.assessment_areas.assessment_id is 'The assessment.';
comment on column public.assessment_areas.area_code is 'The governance area.';
comment on column public.assessment_areas.status is 'draft, submitted, rework or approved.';
comment on column public.assessment_areas.rework_used is 'The assessor''s one rework of this area has been used.';
comment on column public.assessment_areas.rework_requested_at is 'When the rework was requested.';
comment on column public.assessment_areas.rework_requested_by is 'The assessor who requested it.';
comment on column public.assessment_areas.rework_due_at is 'When the barangay must have resubmitted the rework.';
comment on column public.assessment_areas.calibration_used is 'The validator''s one calibration of this area has been used.';
comment on column public.assessment_areas.calibration_requested_at is 'When the calibration was requested.';
comment on column public.assessment_areas.calibration_requested_by is 'The validator who requested it.';
comment on column public.assessment_areas.calibration_due_at is 'When the barangay must have answered the calibration.';
comment on column public.assessment_areas.first_submitted_at is 'First submission of this area.';
comment on column public.assessment_areas.submitted_at is 'Latest submission of this area.';
comment on column public.assessment_areas.approved_at is 'When the assessor approved the area.';
comment on column public.assessment_areas.approved_by is 'The approving assessor.';

create index assessment_areas_area_status on public.assessment_areas (area_code, status);

create trigger guard_workflow_columns before update on public.assessment_areas
  for each row
  when ((old.status, old.rework_used, old.calibration_used, old.rework_due_at, old.calibration_due_at)
        is distinct from (new.status, new.rework_used, new.calibration_used, new.rework_due_at, new.calibration_due_at))
  execute function private.guard_workflow_columns('the workflow function for this step (submit_area, approve_area, request_rework, request_calibration, reopen_assessment)');

alter table public.assessment_areas enable row level security;
grant select on public.assessment_areas to authenticated, service_role;
create policy "Readers of an assessment read its area states" on public.assessment_areas
  for select to authenticated
  using (
    assessment_areas.assessment_id in (select private.readable_assessment_ids())
    or ((select private.is_oversight())
        and exists (select 1 from public.assessments a where a.id = assessment_areas.assessment_id))
  );
comment on policy "Readers of an assessment read its area states" on public.assessment_areas is
  'Whoever reads an assessment reads the review state of its six areas.';

create function private.create_assessment_areas()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.assessment_areas (assessment_id, area_code)
  select new.id, code from public.governance_areas;
  return null;
end;
$$;
comment on function private.create_assessment_areas() is 'Every assessment starts with its six areas in draft.';

create trigger create_areas after insert on public.assessments
  for each row execute function private.create_assessment_areas();

create function private.record_submitted_area()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.assessments
  set submitted_area_codes = array(select distinct unnest(submitted_area_codes || new.area_code) order by 1)
  where id = new.assessment_id and not (submitted_area_codes @> array[new.area_code]);
  return null;
end;
$$;
comment on function private.record_submitted_area() is
  'Keeps assessments.submitted_area_codes, which decides what assessors may read, in step with first submissions.';

create trigger record_submitted_area after update of first_submitted_at on public.assessment_areas
  for each row when (new.first_submitted_at is not null and old.first_submitted_at is null)
  execute function private.record_submitted_area();

-- Barangay answers --------------------------------------------------------------------------------

create table public.responses (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  leaf_id uuid not null references public.indicators (id) on delete restrict,
  area_code smallint not null references public.governance_areas (code),
  answers jsonb not null default '{}' check (jsonb_typeof(answers) = 'object'),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid references auth.users (id) on delete set null,
  unique (assessment_id, leaf_id)
);
comment on table public.responses is 'The barangay''s answers for one leaf of an assessment. Changes are kept in leaf_history.';
comment on column public.responses.id is 'Response id.';
comment on column public.responses.assessment_id is 'The assessment.';
comment on column public.responses.leaf_id is 'The leaf (sub-indicator).';
comment on column public.responses.area_code is 'Governance area of the leaf.';
comment on column public.responses.answers is 'Answers keyed by field, as entered by the barangay.';
comment on column public.responses.version is 'Incremented on every change; a save based on an older version is refused.';
comment on column public.responses.updated_at is 'When the answers last changed.';
comment on column public.responses.updated_by is 'Who last changed them.';

create index responses_area on public.responses (assessment_id, area_code);

alter table public.responses enable row level security;
grant select on public.responses to authenticated, service_role;
create policy "Readers of an assessment read its answers" on public.responses
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator', 'blgu')
     or area_code = (select private.current_area_code()))
    and responses.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Readers of an assessment read its answers" on public.responses is
  'The MLGOO, validators and the barangay read the answers of every assessment they read; an assessor reads those of the area they review.';

-- Reviews: checklist values and decisions ---------------------------------------------------------

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  leaf_id uuid not null references public.indicators (id) on delete restrict,
  area_code smallint not null references public.governance_areas (code),
  checklist jsonb not null default '{}' check (jsonb_typeof(checklist) = 'object'),
  checklist_by uuid references auth.users (id) on delete set null,
  checklist_at timestamptz,
  decision public.leaf_decision,
  decision_remarks text,
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  override_decision public.leaf_decision,
  override_reason text,
  overridden_by uuid references auth.users (id) on delete set null,
  overridden_at timestamptz,
  flagged_for_calibration boolean not null default false,
  flagged_for_recalibration boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  unique (assessment_id, leaf_id),
  constraint override_has_reason check (override_decision is null or override_reason is not null)
);
comment on table public.reviews is
  'Reviewers'' work on one leaf: the assessor''s checklist values, the validator''s decision and any MLGOO override. Hidden from the barangay until the assessment is completed.';
comment on column public.reviews.id is 'Review id.';
comment on column public.reviews.assessment_id is 'The assessment.';
comment on column public.reviews.leaf_id is 'The leaf (sub-indicator).';
comment on column public.reviews.area_code is 'Governance area of the leaf.';
comment on column public.reviews.checklist is 'Checklist values keyed by checklist item key.';
comment on column public.reviews.checklist_by is 'Who last changed the checklist values.';
comment on column public.reviews.checklist_at is 'When the checklist values last changed.';
comment on column public.reviews.decision is 'The validator''s decision: met, unmet or considered.';
comment on column public.reviews.decision_remarks is 'The validator''s remarks on the decision.';
comment on column public.reviews.decided_by is 'The deciding validator.';
comment on column public.reviews.decided_at is 'When the decision was made.';
comment on column public.reviews.override_decision is 'The MLGOO''s override while awaiting approval; wins over the decision.';
comment on column public.reviews.override_reason is 'Why the MLGOO overrode.';
comment on column public.reviews.overridden_by is 'The overriding MLGOO.';
comment on column public.reviews.overridden_at is 'When it was overridden.';
comment on column public.reviews.flagged_for_calibration is 'Sent back to the barangay in the current calibration.';
comment on column public.reviews.flagged_for_recalibration is 'Named in the MLGOO''s recalibration.';
comment on column public.reviews.version is 'Incremented on every change; a write based on an older version is refused.';
comment on column public.reviews.updated_at is 'When the review last changed.';

create index reviews_area on public.reviews (assessment_id, area_code);

create trigger guard_workflow_columns before update on public.reviews
  for each row
  when ((old.decision, old.override_decision, old.version, old.flagged_for_calibration, old.flagged_for_recalibration)
        is distinct from (new.decision, new.override_decision, new.version, new.flagged_for_calibration, new.flagged_for_recalibration))
  execute function private.guard_workflow_columns('the workflow function for this step (decide_leaf, override_decision, request_calibration, request_recalibration)');

alter table public.reviews enable row level security;
grant select on public.reviews to authenticated, service_role;
create policy "Reviewers read the reviews, barangays once completed" on public.reviews
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu'
         and exists (select 1 from public.assessments a where a.id = reviews.assessment_id and a.status = 'completed')))
    and reviews.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read the reviews, barangays once completed" on public.reviews is
  'The MLGOO and validators read the reviews of every assessment they read; an assessor reads those of the area they review; a barangay user reads its own once the assessment is completed.';

-- Overrides of parent indicators --------------------------------------------------------------------

create table public.indicator_overrides (
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  indicator_id uuid not null references public.indicators (id) on delete restrict,
  area_code smallint not null references public.governance_areas (code),
  decision public.leaf_decision not null check (decision in ('met', 'unmet')),
  reason text not null check (length(trim(reason)) > 0),
  overridden_by uuid references auth.users (id) on delete set null,
  overridden_at timestamptz not null default now(),
  primary key (assessment_id, indicator_id)
);
comment on table public.indicator_overrides is
  'The MLGOO''s explicit decision on a parent indicator; an explicit unmet fails the indicator whatever its leaves.';
comment on column public.indicator_overrides.assessment_id is 'The assessment.';
comment on column public.indicator_overrides.indicator_id is 'The parent indicator.';
comment on column public.indicator_overrides.area_code is 'Governance area of the indicator.';
comment on column public.indicator_overrides.decision is 'met or unmet.';
comment on column public.indicator_overrides.reason is 'Why the MLGOO decided so.';
comment on column public.indicator_overrides.overridden_by is 'The MLGOO.';
comment on column public.indicator_overrides.overridden_at is 'When.';

alter table public.indicator_overrides enable row level security;
grant select on public.indicator_overrides to authenticated, service_role;
create policy "The MLGOO and validators read indicator overrides" on public.indicator_overrides
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or ((select private.current_app_role()) = 'blgu'
         and exists (select 1 from public.assessments a where a.id = indicator_overrides.assessment_id and a.status = 'completed')))
    and indicator_overrides.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "The MLGOO and validators read indicator overrides" on public.indicator_overrides is
  'The MLGOO and validators read the indicator overrides of every assessment they read; a barangay user reads its own once the assessment is completed.';

-- Leaf history: every change of answers, checklist values, decisions and overrides ----------------

create table public.leaf_history (
  id bigint generated always as identity primary key,
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  leaf_id uuid not null references public.indicators (id) on delete restrict,
  area_code smallint not null references public.governance_areas (code),
  source text not null check (source in ('answers', 'checklist', 'decision', 'override')),
  previous jsonb,
  current jsonb,
  changed_by uuid references auth.users (id) on delete set null,
  changed_at timestamptz not null default now()
);
comment on table public.leaf_history is
  'Append-only history of a leaf: each change of the barangay''s answers and of the reviewers'' checklist values, decisions and overrides.';
comment on column public.leaf_history.id is 'History entry id, in order of recording.';
comment on column public.leaf_history.assessment_id is 'The assessment.';
comment on column public.leaf_history.leaf_id is 'The leaf.';
comment on column public.leaf_history.area_code is 'Governance area of the leaf.';
comment on column public.leaf_history.source is 'What changed: answers (barangay), checklist (assessor), decision (validator) or override (MLGOO).';
comment on column public.leaf_history.previous is 'The value before the change (null when first set).';
comment on column public.leaf_history.current is 'The value after the change.';
comment on column public.leaf_history.changed_by is 'Who made the change.';
comment on column public.leaf_history.changed_at is 'When.';

create index leaf_history_leaf on public.leaf_history (assessment_id, leaf_id, changed_at);

alter table public.leaf_history enable row level security;
grant select on public.leaf_history to authenticated, service_role;
create policy "Reviewers read leaf history, barangays their answers" on public.leaf_history
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu'
         and (source = 'answers' or exists (select 1 from public.assessments a where a.id = leaf_history.assessment_id and a.status = 'completed'))))
    and leaf_history.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read leaf history, barangays their answers" on public.leaf_history is
  'The MLGOO and validators read the leaf history of every assessment they read; an assessor reads that of the area they review; a barangay user reads the history of its answers, and all of it once the assessment is completed.';

create function private.record_leaf_history()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) else '{}'::jsonb end;
  v_new jsonb := to_jsonb(new);
begin
  insert into public.leaf_history (assessment_id, leaf_id, area_code, source, previous, current, changed_by)
  select new.assessment_id, new.leaf_id, new.area_code, change.source,
         case when tg_op = 'UPDATE' then change.previous end, change.current, (select auth.uid())
  from (
    -- An empty object counts as "not set", so creating a blank row records nothing.
    select tracked.position, tracked.source,
           jsonb_object_agg(field, nullif(nullif(v_old -> field, 'null'), '{}')) as previous,
           jsonb_object_agg(field, nullif(nullif(v_new -> field, 'null'), '{}')) as current
    from (values
      (1, 'responses', 'answers', array['answers']),
      (2, 'reviews', 'checklist', array['checklist']),
      (3, 'reviews', 'decision', array['decision', 'decision_remarks']),
      (4, 'reviews', 'override', array['override_decision', 'override_reason'])
    ) as tracked (position, table_name, source, fields)
    cross join unnest(tracked.fields) as field
    where tracked.table_name = tg_table_name
    group by tracked.position, tracked.source
  ) as change
  where change.previous is distinct from change.current
  order by change.position;
  return null;
end;
$$;
comment on function private.record_leaf_history() is
  'Appends each changed answer, checklist, decision or override to leaf_history with its actor, so nothing is overwritten silently.';

create trigger record_history after insert or update on public.responses
  for each row execute function private.record_leaf_history();
create trigger record_history after insert or update on public.reviews
  for each row execute function private.record_leaf_history();

-- Comments ----------------------------------------------------------------------------------------

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  leaf_id uuid references public.indicators (id) on delete restrict,
  area_code smallint not null references public.governance_areas (code),
  visibility public.comment_visibility not null,
  body text not null check (length(trim(body)) > 0),
  author_id uuid references auth.users (id) on delete set null,
  author_role public.app_role not null,
  stage public.assessment_status not null,
  created_at timestamptz not null default now()
);
comment on table public.comments is
  'Reviewer comments on a leaf (or on an area when leaf_id is null): public ones are shown to the barangay, internal notes never.';
comment on column public.comments.id is 'Comment id.';
comment on column public.comments.assessment_id is 'The assessment.';
comment on column public.comments.leaf_id is 'The leaf commented on; null for an area-level comment.';
comment on column public.comments.area_code is 'Governance area.';
comment on column public.comments.visibility is 'public (barangay sees it) or internal (reviewers only).';
comment on column public.comments.body is 'The comment.';
comment on column public.comments.author_id is 'Who wrote it.';
comment on column public.comments.author_role is 'The author''s role when writing.';
comment on column public.comments.stage is 'The assessment state when written (review round).';
comment on column public.comments.created_at is 'When it was written.';

create index comments_assessment on public.comments (assessment_id, area_code, created_at);

alter table public.comments enable row level security;
grant select on public.comments to authenticated, service_role;
create policy "Reviewers read the comments, barangays the public ones" on public.comments
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu' and visibility = 'public'))
    and comments.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read the comments, barangays the public ones" on public.comments is
  'The MLGOO and validators read the comments of every assessment they read; an assessor reads those of the area they review; a barangay user reads the public ones (never internal notes).';

-- MOV files ---------------------------------------------------------------------------------------

create table public.mov_files (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  leaf_id uuid not null references public.indicators (id) on delete restrict,
  slot_id uuid not null references public.upload_slots (id) on delete restrict,
  area_code smallint not null references public.governance_areas (code),
  storage_object_id uuid unique,
  storage_path text not null unique,
  original_name text not null,
  mime_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  origin public.mov_origin not null,
  uploaded_by uuid references auth.users (id) on delete set null,
  content_check public.content_check not null default 'pending',
  content_check_reason text,
  deleted_at timestamptz,
  deleted_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint rejection_has_reason check (content_check <> 'rejected' or content_check_reason is not null)
);
comment on table public.mov_files is
  'One row per uploaded MOV (storage object in bucket movs). Deleting a MOV is a soft delete; the row stays.';
comment on column public.mov_files.id is 'MOV id.';
comment on column public.mov_files.assessment_id is 'The assessment.';
comment on column public.mov_files.leaf_id is 'The leaf the MOV is evidence for.';
comment on column public.mov_files.slot_id is 'The upload slot it fills.';
comment on column public.mov_files.area_code is 'Governance area of the leaf.';
comment on column public.mov_files.storage_object_id is 'The storage.objects row.';
comment on column public.mov_files.storage_path is 'Object path in bucket movs: {assessment_id}/{leaf_code}/{slot}/{uuid}-{safe_name}.';
comment on column public.mov_files.original_name is 'File name as uploaded.';
comment on column public.mov_files.mime_type is 'Declared MIME type.';
comment on column public.mov_files.size_bytes is 'Size in bytes.';
comment on column public.mov_files.sha256 is 'SHA-256 of the content, when known.';
comment on column public.mov_files.origin is 'blgu, or validator when uploaded on the barangay''s behalf.';
comment on column public.mov_files.uploaded_by is 'The uploader.';
comment on column public.mov_files.content_check is 'Whether the bytes agree with the declared type.';
comment on column public.mov_files.content_check_reason is 'Why the content was rejected or not checked, worded for the barangay.';
comment on column public.mov_files.deleted_at is 'Soft delete: when the uploader removed it.';
comment on column public.mov_files.deleted_by is 'Who removed it.';
comment on column public.mov_files.created_at is 'When it was uploaded.';

create index mov_files_live on public.mov_files (assessment_id, leaf_id) where deleted_at is null;
create index mov_files_area on public.mov_files (assessment_id, area_code);
create index mov_files_pending on public.mov_files (assessment_id) where content_check = 'pending';

alter table public.mov_files enable row level security;
grant select on public.mov_files to authenticated, service_role;
create policy "Readers of an assessment read its files" on public.mov_files
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator', 'blgu')
     or area_code = (select private.current_area_code()))
    and mov_files.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Readers of an assessment read its files" on public.mov_files is
  'The MLGOO, validators and the barangay read the MOV files of every assessment they read; an assessor reads those of the area they review.';

-- Submission snapshots ------------------------------------------------------------------------------

create table public.submission_snapshots (
  assessment_id uuid primary key references public.assessments (id) on delete cascade,
  frozen_at timestamptz not null default now(),
  frozen_by uuid references auth.users (id) on delete set null,
  answers jsonb not null,
  movs jsonb not null
);
comment on table public.submission_snapshots is
  'The first submission of an assessment, frozen (answers and live MOV set) for gap analysis.';
comment on column public.submission_snapshots.assessment_id is 'The assessment.';
comment on column public.submission_snapshots.frozen_at is 'When the first submission happened.';
comment on column public.submission_snapshots.frozen_by is 'Who submitted.';
comment on column public.submission_snapshots.answers is 'Answers per leaf code at first submission.';
comment on column public.submission_snapshots.movs is 'Live MOV files (leaf, slot, path, hash) at first submission.';

alter table public.submission_snapshots enable row level security;
grant select on public.submission_snapshots to authenticated, service_role;
create policy "Reviewers and the barangay read submission snapshots" on public.submission_snapshots
  for select to authenticated
  using ((select private.current_app_role()) in ('mlgoo', 'validator', 'blgu')
         and submission_snapshots.assessment_id in (select private.readable_assessment_ids()));
comment on policy "Reviewers and the barangay read submission snapshots" on public.submission_snapshots is
  'The MLGOO and validators read the frozen first submission of every assessment they read; a barangay user reads its own (its answers and files as first submitted), which its gap analysis compares with the official result.';

-- Classification results ----------------------------------------------------------------------------

create table public.classification_results (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  kind public.result_kind not null,
  classifier_version text not null,
  input_hash text not null check (input_hash ~ '^[0-9a-f]{64}$'),
  result jsonb not null,
  passed boolean not null,
  readiness_percent numeric(5, 1) not null check (readiness_percent between 0 and 100),
  areas_assessed jsonb generated always as (jsonb_path_query_array(result, '$.areas[*].code')) stored,
  areas_passed jsonb generated always as (jsonb_path_query_array(result, '$.areas[*] ? (@.passes == true).code')) stored,
  created_at timestamptz not null default now(),
  is_current boolean not null default false,
  cycle_id uuid not null,
  city_municipality_code text not null,
  province_code text not null,
  region_code text not null,
  assessment_completed boolean not null default false,
  unique (assessment_id, kind, input_hash)
);
comment on table public.classification_results is
  'Every classification of an assessment, with the classifier version and the hash of its input; the same input is stored once.';
comment on column public.classification_results.id is 'Result id.';
comment on column public.classification_results.assessment_id is 'The assessment.';
comment on column public.classification_results.kind is
  'projection (readiness from the best information available, never official), official, or readiness (the barangay''s own: its answers and live files only).';
comment on column public.classification_results.classifier_version is 'Version of packages/classifier that computed it.';
comment on column public.classification_results.input_hash is 'SHA-256 of the canonical classifier input.';
comment on column public.classification_results.result is
  'The full result: leaves, indicators, areas, overall, BBI ratings, projection, explanations; in a readiness result each shortfall also carries its English text (text).';
comment on column public.classification_results.passed is 'For official results the 3+1 verdict; for projections and readiness the projected verdict.';
comment on column public.classification_results.readiness_percent is 'Share of scored leaves projected met.';
comment on column public.classification_results.areas_assessed is
  'The codes of the areas the result decides (from result.areas): what roll-ups count without reading the whole result.';
comment on column public.classification_results.areas_passed is 'The codes of the areas the result passes (from result.areas).';
comment on column public.classification_results.created_at is
  'When it was last computed: recomputing an input already stored refreshes it, so the newest row of a kind is the assessment''s current state.';
comment on column public.classification_results.is_current is
  'True on the newest result of its kind for its assessment, set when a result is stored or refreshed (private.store_result_marks): the current official result is found without sorting every official row.';
comment on column public.classification_results.cycle_id is 'The assessment''s cycle (copied when the result is stored).';
comment on column public.classification_results.city_municipality_code is
  'The assessment''s city or municipality (copied when the result is stored): what the policies compare with the caller''s scope.';
comment on column public.classification_results.province_code is
  'The assessment''s province (copied when the result is stored): what an oversight office''s policy compares with its scope.';
comment on column public.classification_results.region_code is
  'The assessment''s region (copied when the result is stored): what an oversight office''s policy compares with its scope.';
comment on column public.classification_results.assessment_completed is
  'The assessment is completed (kept in step with its status by private.copy_completion_to_results): the official result is final.';

create index classification_results_latest on public.classification_results (assessment_id, kind, created_at desc);
create unique index classification_results_current on public.classification_results (assessment_id, kind) where is_current;
create index classification_results_official on public.classification_results (cycle_id, city_municipality_code)
  where kind = 'official' and is_current;

-- The newest result of each kind is the current one. Results of one assessment are stored one at a
-- time (the same advisory lock as the classify function's), so the mark moves atomically.
create function private.store_result_marks()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(new.assessment_id::text, 0));
  -- A stored row of the same input is the row an upsert refreshes: the update that follows marks it.
  update public.classification_results
  set is_current = false
  where assessment_id = new.assessment_id and kind = new.kind and is_current and input_hash <> new.input_hash;
  new.is_current := true;
  select a.cycle_id, a.city_municipality_code, a.province_code, a.region_code, a.status = 'completed'
  into new.cycle_id, new.city_municipality_code, new.province_code, new.region_code, new.assessment_completed
  from public.assessments a where a.id = new.assessment_id;
  return new;
end;
$$;
comment on function private.store_result_marks() is
  'Trigger on classification_results: a result stored or refreshed (created_at set again) becomes the current one of its kind for its assessment (the previous current one stops being it) and carries the assessment''s cycle, place (city or municipality, province, region) and completion.';

create trigger store_result_marks before insert or update of created_at on public.classification_results
  for each row execute function private.store_result_marks();

create function private.copy_completion_to_results()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.classification_results
  set assessment_completed = (new.status = 'completed')
  where assessment_id = new.id;
  return null;
end;
$$;
comment on function private.copy_completion_to_results() is
  'Trigger on assessments: when an assessment is completed or leaves completion (reopened), its results say so.';

create trigger copy_completion_to_results after update of status on public.assessments
  for each row when ((old.status = 'completed') is distinct from (new.status = 'completed'))
  execute function private.copy_completion_to_results();

alter table public.classification_results enable row level security;
grant select on public.classification_results to authenticated, service_role;
create policy "The MLGOO and validators read classification results" on public.classification_results
  for select to authenticated
  using (
    (kind = 'official' and assessment_completed
     and ((select private.oversees_the_country())
          or (select private.oversight_scope_code()) in (region_code, province_code, city_municipality_code)))
    or ((select private.current_app_role()) in ('mlgoo', 'validator') and kind <> 'readiness'
        or ((select private.current_app_role()) = 'blgu' and kind = 'official' and assessment_completed))
       and classification_results.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "The MLGOO and validators read classification results" on public.classification_results is
  'The MLGOO and validators read the projections and official results of every assessment they read (never a readiness result, classified from the barangay''s own answers: it is no recommendation); a barangay user (its own) and an oversight user (of the places in its scope) read the official result once the assessment is completed (never a projection, which carries the reviewers'' recommendations). Readiness is read through barangay_readiness.';

-- Events: the append-only timeline ------------------------------------------------------------------

create table public.events (
  id bigint generated always as identity primary key,
  assessment_id uuid references public.assessments (id) on delete cascade,
  cycle_id uuid references public.cycles (id) on delete cascade,
  actor_id uuid references auth.users (id) on delete set null,
  action text not null,
  from_status text,
  to_status text,
  area_code smallint references public.governance_areas (code),
  leaf_id uuid references public.indicators (id) on delete restrict,
  reason text,
  details jsonb not null default '{}',
  visible_to_barangay boolean not null default true,
  created_at timestamptz not null default now(),
  constraint event_has_subject check (assessment_id is not null or cycle_id is not null or details ? 'user_id')
);
comment on table public.events is 'Append-only timeline of every transition and decision: who, when, from, to, why.';
comment on column public.events.id is 'Event id, in order of recording.';
comment on column public.events.assessment_id is 'The assessment concerned (null for cycle-wide and user administration events).';
comment on column public.events.cycle_id is
  'The cycle concerned (for user administration, the cycle active at the time).';
comment on column public.events.actor_id is 'Who acted (null for the system).';
comment on column public.events.action is 'What happened, e.g. area_submitted, rework_requested, leaf_decided.';
comment on column public.events.from_status is 'State before.';
comment on column public.events.to_status is 'State after.';
comment on column public.events.area_code is 'Governance area concerned, if any.';
comment on column public.events.leaf_id is 'Leaf concerned, if any.';
comment on column public.events.reason is 'Why (comment, reason given).';
comment on column public.events.details is 'Further facts of the event; for user administration events, the user concerned (user_id).';
comment on column public.events.visible_to_barangay is 'False for events that would reveal a verdict before completion.';
comment on column public.events.created_at is 'When.';

create index events_assessment on public.events (assessment_id, created_at);
create index events_cycle on public.events (cycle_id, created_at);

-- Security definer (it reads events, from a policy on events) and answering only for the caller's
-- own barangay.
create function private.barangay_sees_flag(p_assessment_id uuid, p_area_code smallint, p_event_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.assessments a
    where a.id = p_assessment_id and a.barangay_id = private.current_barangay_id()
      and (a.status = 'completed'
           or exists (
             select 1 from public.events e
             where e.assessment_id = a.id and e.id > p_event_id
               and (e.action = 'assessment_reopened'
                    or (e.action = 'rework_requested' and e.area_code = p_area_code)
                    or (e.action = 'calibration_requested' and e.details -> 'areaCodes' @> to_jsonb(p_area_code)))))
  );
$$;
comment on function private.barangay_sees_flag(uuid, smallint, bigint) is
  'True when the caller''s barangay may see a MOV flag recorded by event p_event_id on a file of this area: the area was sent back (rework, calibration) or the assessment reopened after it, or the assessment is completed.';
grant execute on function private.barangay_sees_flag(uuid, smallint, bigint) to authenticated, service_role;

alter table public.events enable row level security;
grant select on public.events to authenticated, service_role;
create policy "Readers of an assessment read its events" on public.events
  for select to authenticated
  using (
    ((select private.is_mlgoo()) and assessment_id is null
     and (not details ? 'user_id' or (details ->> 'user_id')::uuid in (select id from public.profiles)))
    or ((select private.is_administrator()) and assessment_id is null and details ? 'user_id'
        and (details ->> 'user_id')::uuid in (select id from public.profiles))
    or (events.assessment_id in (select private.readable_assessment_ids())
        and ((select private.current_app_role()) in ('mlgoo', 'validator')
             or area_code = (select private.current_area_code())
             or ((select private.current_app_role()) = 'blgu'
                 and (visible_to_barangay or exists (select 1 from public.assessments a where a.id = events.assessment_id and a.status = 'completed')
                      or (action in ('mov_flagged', 'mov_unflagged') and private.barangay_sees_flag(assessment_id, area_code, id))))))
  );
comment on policy "Readers of an assessment read its events" on public.events is
  'The MLGOO reads the events of no assessment: those of cycles, and the administration of the users whose profile it reads (its people); the central administrator the administration of the MLGOOs and oversight offices; of the assessments they read, the MLGOO and validators read every event, an assessor those of the area they review, and a barangay user those visible to the barangay (a MOV flag''s once the area came back to it) and all once the assessment is completed.';

create function private.refuse_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception '% is append-only', tg_table_name
    using errcode = '42501', hint = 'Record a new row instead of changing or deleting one.';
end;
$$;
comment on function private.refuse_change() is 'Guards append-only tables against update and delete, whoever asks.';

create trigger append_only before update or delete on public.events
  for each row execute function private.refuse_change();
create trigger append_only before update or delete on public.leaf_history
  for each row execute function private.refuse_change();

-- MOV flags: a reviewer's judgement on a file -------------------------------------------------------
-- Kept apart from mov_files because the barangay sees a flag only once the assessment comes back to
-- it: the flag's area sent back for rework or calibration, or the assessment reopened, after the
-- flag was recorded; or the assessment completed. The flag's mov_flagged event follows the same rule
-- (private.barangay_sees_flag on the same event), so the two always agree.

create table public.mov_flags (
  mov_id uuid primary key references public.mov_files (id) on delete cascade,
  assessment_id uuid not null references public.assessments (id) on delete cascade,
  area_code smallint not null references public.governance_areas (code),
  leaf_id uuid not null references public.indicators (id) on delete restrict,
  is_flagged boolean not null,
  reviewer_note text,
  flagged_by uuid references auth.users (id) on delete set null,
  flagged_at timestamptz not null default now(),
  event_id bigint not null references public.events (id) on delete cascade
);
comment on table public.mov_flags is
  'A reviewer''s flag and note on a MOV file (set by flag_mov). The barangay sees it once the area is sent back to it or the assessment is completed, never before.';
comment on column public.mov_flags.mov_id is 'The MOV file.';
comment on column public.mov_flags.assessment_id is 'The assessment.';
comment on column public.mov_flags.area_code is 'Governance area of the file.';
comment on column public.mov_flags.leaf_id is 'The leaf the file is evidence for.';
comment on column public.mov_flags.is_flagged is 'True while the file is flagged; false once a reviewer took the flag back.';
comment on column public.mov_flags.reviewer_note is 'The reviewer''s note on the file (required when flagged for rework).';
comment on column public.mov_flags.flagged_by is 'Who last flagged or unflagged it.';
comment on column public.mov_flags.flagged_at is 'When it was last flagged or unflagged.';
comment on column public.mov_flags.event_id is 'The mov_flagged or mov_unflagged event that recorded the current state.';

create index mov_flags_area on public.mov_flags (assessment_id, area_code);
create index mov_flags_event on public.mov_flags (event_id);

alter table public.mov_flags enable row level security;
grant select on public.mov_flags to authenticated, service_role;
create policy "Reviewers read MOV flags, barangays once sent back" on public.mov_flags
  for select to authenticated
  using (
    ((select private.current_app_role()) in ('mlgoo', 'validator')
     or area_code = (select private.current_area_code())
     or ((select private.current_app_role()) = 'blgu' and private.barangay_sees_flag(assessment_id, area_code, event_id)))
    and mov_flags.assessment_id in (select private.readable_assessment_ids())
  );
comment on policy "Reviewers read MOV flags, barangays once sent back" on public.mov_flags is
  'The MLGOO and validators read the MOV flags of every assessment they read; an assessor reads those of the area they review; a barangay user reads a flag once its area was sent back (rework, calibration) or the assessment reopened after it was recorded, or the assessment is completed (private.barangay_sees_flag).';

-- Notifications -------------------------------------------------------------------------------------

create table public.notifications (
  id bigint generated always as identity primary key,
  recipient_id uuid not null references auth.users (id) on delete cascade,
  assessment_id uuid references public.assessments (id) on delete cascade,
  kind text not null,
  title text not null,
  body text not null default '',
  data jsonb not null default '{}',
  read_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.notifications is 'In-app notifications, one row per recipient; delivered live through Realtime.';
comment on column public.notifications.id is 'Notification id.';
comment on column public.notifications.recipient_id is 'Who is notified.';
comment on column public.notifications.assessment_id is 'The assessment concerned, if any.';
comment on column public.notifications.kind is 'What happened, e.g. area_submitted, rework_requested, deadline_reminder.';
comment on column public.notifications.title is 'Short headline.';
comment on column public.notifications.body is 'Text shown to the recipient.';
comment on column public.notifications.data is 'Facts a client needs to link to the subject (area, leaf, ...).';
comment on column public.notifications.read_at is 'When the recipient marked it read.';
comment on column public.notifications.created_at is 'When it was sent.';

create index notifications_recipient on public.notifications (recipient_id, created_at desc);

alter table public.notifications enable row level security;
grant select on public.notifications to authenticated, service_role;
grant update (read_at) on public.notifications to authenticated;
create policy "Active users read their own notifications" on public.notifications
  for select to authenticated using (recipient_id = (select private.current_user_id()));
comment on policy "Active users read their own notifications" on public.notifications is
  'An active user with a role reads the notifications sent to them.';
create policy "Active users mark their own notifications read" on public.notifications
  for update to authenticated
  using (recipient_id = (select private.current_user_id())) with check (recipient_id = (select private.current_user_id()));
comment on policy "Active users mark their own notifications read" on public.notifications is
  'An active user with a role marks their own notifications read (read_at, the only column granted).';
create trigger password_changed before update on public.notifications
  for each statement execute function private.refuse_until_password_changed();

do $$
begin
  if exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    alter publication supabase_realtime add table public.notifications;
  end if;
end;
$$;
