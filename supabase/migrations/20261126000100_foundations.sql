-- Foundations: the private schema, default privileges, the scheduler, the closed sets of states
-- (enums), the six governance areas and the error codes every Vantage function raises.

-- Private: helpers, triggers and internal tables. Never exposed through the API; `authenticated`
-- only needs USAGE so that RLS policies can call the helpers, and EXECUTE on those helpers only
-- (each migration grants it next to the helper; test 181 holds the list).
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Harden first: nothing in public is readable or callable until a migration grants it.
revoke execute on all functions in schema public from public, anon, authenticated;
alter default privileges in schema public revoke execute on functions from public, anon, authenticated;
-- Functions are executable by PUBLIC unless the creating role's global default says otherwise (a
-- per-schema default can only add to it), so every function the migrations create is closed until
-- granted, a private one added later included. Extensions installed later keep PostgreSQL's usual
-- open functions.
alter default privileges revoke execute on functions from public;
alter default privileges in schema extensions grant execute on functions to public;
alter default privileges in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema public revoke all on sequences from anon, authenticated, service_role;

-- The scheduler of the periodic jobs (deadline reminders and locks, the pipeline's sweep, audit
-- verifications): pg_cron, in pg_catalog as the platform installs it.
create extension if not exists pg_cron with schema pg_catalog;

-- Enumerations -------------------------------------------------------------------------------

create type public.app_role as enum ('mlgoo', 'assessor', 'validator', 'blgu', 'katuparan', 'oversight', 'administrator');
comment on type public.app_role is
  'What a user may do: mlgoo (administrator and final approver of a city or municipality), assessor (one governance area), validator (all areas), blgu (one barangay), katuparan (read-only research partner), oversight (DILG provincial, regional or central office: official results within its PSGC scope), administrator (DILG central office: cycles, deadlines and the catalog, nationally).';

create type public.area_kind as enum ('core', 'essential');
comment on type public.area_kind is
  'Core areas must all pass; at least one essential area must pass (the 3+1 rule).';

create type public.validation_rule as enum (
  'ALL_ITEMS_REQUIRED', 'ANY_ITEM_REQUIRED', 'ANY_OPTION_GROUP_REQUIRED',
  'OR_LOGIC_AT_LEAST_1_REQUIRED', 'SHARED_PLUS_OR_LOGIC'
);
comment on type public.validation_rule is 'How a leaf''s checklist values become a recommendation.';

create type public.checklist_item_type as enum (
  'checkbox', 'assessment_field', 'document_count', 'date_input', 'calculation_field',
  'info_text', 'section_header'
);
comment on type public.checklist_item_type is
  'checkbox, assessment_field (YES/NO), document_count, date_input and calculation_field are scored; info_text and section_header are display only.';

create type public.area_status as enum ('draft', 'submitted', 'rework', 'approved');
comment on type public.area_status is 'Per-area review state: draft -> submitted -> (rework -> submitted) -> approved.';

create type public.assessment_status as enum (
  'draft', 'submitted', 'awaiting_validation', 'calibration', 'awaiting_approval',
  'recalibration', 'reopened', 'completed'
);
comment on type public.assessment_status is 'Overall state of an assessment (sglgb.md section 4).';

create type public.leaf_decision as enum ('met', 'unmet', 'considered');
comment on type public.leaf_decision is
  'A validator''s (or the MLGOO''s) decision on a leaf. considered counts as met and is allowed only where the leaf has a consideration rule.';

create type public.mov_origin as enum ('blgu', 'validator');
comment on type public.mov_origin is 'Who uploaded a MOV: the barangay, or a validator on its behalf.';

create type public.content_check as enum ('pending', 'valid', 'rejected', 'not_checked');
comment on type public.content_check is
  'Result of checking a MOV''s bytes against its declared type: pending until checked; not_checked where no Storage API could be read.';

create type public.comment_visibility as enum ('public', 'internal');
comment on type public.comment_visibility is 'public comments are shown to the barangay; internal notes never are.';

create type public.job_status as enum ('queued', 'running', 'done', 'dead');
comment on type public.job_status is 'Outbox job state; dead = gave up after the last attempt, keeping its last error.';

create type public.result_kind as enum ('projection', 'official', 'readiness');
comment on type public.result_kind is
  'projection: readiness computed from the best information available, never the official result; official: computed when the workflow asks (finalize, approve, override); readiness: the barangay''s own, classified from its answers and live files only (no checklist value, decision or override), read only through barangay_readiness.';

create type public.ui_language as enum ('en', 'fil', 'ceb');
comment on type public.ui_language is 'Preferred language: English, Filipino, Cebuano.';

-- Governance areas: reference data -----------------------------------------------------------

create table public.governance_areas (
  code smallint primary key check (code between 1 and 6),
  name text not null unique,
  kind public.area_kind not null
);
comment on table public.governance_areas is 'The six SGLGB governance areas: 1-3 core, 4-6 essential.';
comment on column public.governance_areas.code is 'Area number, 1 to 6.';
comment on column public.governance_areas.name is 'Official area name.';
comment on column public.governance_areas.kind is 'core or essential (3+1 rule).';

insert into public.governance_areas (code, name, kind) values
  (1, 'Financial Administration and Sustainability', 'core'),
  (2, 'Disaster Preparedness', 'core'),
  (3, 'Safety, Peace and Order', 'core'),
  (4, 'Social Protection and Sensitivity', 'essential'),
  (5, 'Business-Friendliness and Competitiveness', 'essential'),
  (6, 'Environmental Management', 'essential');

alter table public.governance_areas enable row level security;
grant select on public.governance_areas to anon, authenticated, service_role;
create policy "Anyone reads the governance areas" on public.governance_areas
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the governance areas" on public.governance_areas is
  'Everyone, signed in or not, reads the six governance areas (reference data).';

-- Error codes ----------------------------------------------------------------------------------
-- One list of the SQLSTATEs raised by Vantage functions, readable by every client so that a
-- frontend can map an error to a message without guessing.

create table public.error_codes (
  code text primary key,
  name text not null unique,
  meaning text not null
);
comment on table public.error_codes is 'Every SQLSTATE that Vantage functions raise, with what it means for the caller.';
comment on column public.error_codes.code is 'The SQLSTATE (supabase-js: error.code).';
comment on column public.error_codes.name is 'A stable name for the condition.';
comment on column public.error_codes.meaning is 'What happened and what the caller can do.';

insert into public.error_codes (code, name, meaning) values
  ('42501', 'not_allowed', 'The caller''s role or scope does not allow this action.'),
  ('23503', 'unknown_reference', 'A code or id names something that does not exist, such as a barangay''s city or municipality missing from the PSGC hierarchy.'),
  ('VA001', 'invalid_state', 'The assessment or area is not in a state that allows this action.'),
  ('VA002', 'allowance_used', 'The one rework, calibration or recalibration allowed here was already used.'),
  ('VA003', 'reason_required', 'A reason, comment or note is required and was missing.'),
  ('VA004', 'stale_version', 'The record changed since it was read; reload and apply the change again.'),
  ('VA005', 'locked', 'The assessment is locked; ask the MLGOO to unlock it.'),
  ('VA006', 'incomplete', 'Something required is missing (for example a decision on every scored leaf).'),
  ('VA007', 'not_found', 'The referenced record does not exist or is not visible to the caller.'),
  ('VA008', 'invalid_input', 'An argument is malformed or refers to something that does not fit (unknown leaf, slot, path).'),
  ('VA009', 'not_allowed_here', 'The caller''s role, scope or ownership does not allow this upload or deletion of a file (in Storage''s 403 message, where 42501 has no code of its own).');

alter table public.error_codes enable row level security;
grant select on public.error_codes to anon, authenticated, service_role;
create policy "Anyone reads the error codes" on public.error_codes
  for select to anon, authenticated using (true);
comment on policy "Anyone reads the error codes" on public.error_codes is
  'Everyone, signed in or not, reads the error codes, so that a client can explain any error it receives.';
