-- Workflow: the assessment lifecycle of sglgb.md section 4 as guarded functions. Each public
-- function checks the caller's role and scope, locks the assessment row (so that of two concurrent
-- transitions exactly one applies), checks the state and guards, then writes the change, bumps
-- assessments.version, appends an event and notifies the right people, all in one transaction.
-- Refusals raise one of the SQLSTATEs listed in public.error_codes, with a hint saying what to do.
-- Tables stay select-only for `authenticated`: these functions are the only way to write.
--
-- This migration: the guards every workflow function starts with, the timeline and notification
-- helpers, and the state changes the transitions share. The transitions follow, one stage per
-- migration (cycles, area review, answers and decisions, validation, approval, reopening and locks).

-- Guards: who is asking, and may they act on this assessment now? ------------------------------

create function private.require_found_assessment(
  p_assessment public.assessments, p_assessment_id uuid, p_role public.app_role
)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_assessment.id is null then
    raise exception 'Assessment % does not exist', p_assessment_id
      using errcode = 'VA007', hint = 'Reload the list of assessments and use an id from it.';
  end if;
  if p_role = 'blgu' and p_assessment.barangay_id is distinct from private.current_barangay_id() then
    raise exception 'This assessment belongs to another barangay'
      using errcode = '42501', hint = 'Barangay accounts act only on their own barangay''s assessment.';
  end if;
  -- The assessment's own city or municipality against the one the caller serves: a lookup of the
  -- caller's profile, whatever the size of the country.
  if p_role in ('mlgoo', 'assessor', 'validator')
     and p_assessment.city_municipality_code is distinct from private.current_city_municipality_code() then
    raise exception 'This assessment belongs to another city or municipality'
      using errcode = '42501', hint = 'You act only on the barangays of the city or municipality you serve.';
  end if;
end;
$$;
comment on function private.require_found_assessment(public.assessments, uuid, public.app_role) is
  'Refuses an assessment that was not found (VA007, p_assessment all null), of another barangay for a barangay caller, or of another city or municipality for the MLGOO, an assessor or a validator (42501).';

create function private.assessment_for_update(p_assessment_id uuid, p_roles public.app_role[], p_action text)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role public.app_role := private.start_workflow_write(p_roles, p_action);
  v_assessment public.assessments;
begin
  select * into v_assessment from public.assessments where id = p_assessment_id for update;
  perform private.require_found_assessment(v_assessment, p_assessment_id, v_role);
  return v_assessment;
end;
$$;
comment on function private.assessment_for_update(uuid, public.app_role[], text) is
  'The common first step of every workflow function on an assessment: starts the workflow write (password changed, the caller''s role), locks the assessment row (FOR UPDATE, so concurrent transitions serialize) and checks a barangay caller''s scope.';

create function private.require_assessor_of(p_area_code smallint)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if private.current_app_role() = 'assessor' and p_area_code is distinct from private.current_area_code() then
    raise exception 'Governance area % is reviewed by another assessor', p_area_code
      using errcode = '42501', hint = format('You review area %s only.', private.current_area_code());
  end if;
end;
$$;
comment on function private.require_assessor_of(smallint) is 'Refuses (42501) an assessor acting outside the governance area they review.';

create function private.require_status(
  p_assessment public.assessments, p_allowed public.assessment_status[], p_action text
)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not p_assessment.status = any (p_allowed) then
    raise exception 'Cannot % while the assessment is %', p_action, replace(p_assessment.status::text, '_', ' ')
      using errcode = 'VA001',
            hint = format('This is possible only while the assessment is %s; reload it to see its current state.',
                          replace(array_to_string(p_allowed, ' or '), '_', ' '));
  end if;
end;
$$;
comment on function private.require_status(public.assessments, public.assessment_status[], text) is
  'Refuses (VA001) an action the assessment''s current state does not allow.';

create function private.require_unlocked(p_assessment public.assessments)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_assessment.is_locked then
    raise exception 'The assessment is locked: %', coalesce(p_assessment.lock_reason, 'no reason given')
      using errcode = 'VA005', hint = 'Ask the MLGOO to unlock it or to extend your deadline.';
  end if;
end;
$$;
comment on function private.require_unlocked(public.assessments) is 'Refuses (VA005) a barangay write while the assessment is locked.';

create function private.require_text(p_text text, p_what text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_text is null or length(trim(p_text)) = 0 then
    raise exception '% is required', p_what
      using errcode = 'VA003', hint = 'Write it in a sentence the barangay or the MLGOO can act on.';
  end if;
  return trim(p_text);
end;
$$;
comment on function private.require_text(text, text) is 'Refuses (VA003) a missing reason, comment or note; returns it trimmed.';

create function private.area_for_update(p_assessment_id uuid, p_area_code smallint)
returns public.assessment_areas
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_area public.assessment_areas;
begin
  select * into v_area from public.assessment_areas
  where assessment_id = p_assessment_id and area_code = p_area_code for update;
  if not found then
    raise exception 'There is no governance area %', p_area_code
      using errcode = 'VA008', hint = 'Governance areas are numbered 1 to 6.';
  end if;
  return v_area;
end;
$$;
comment on function private.area_for_update(uuid, smallint) is 'Loads and locks one area of an assessment, refusing (VA008) an unknown area number.';

create function private.require_area_status(
  p_area public.assessment_areas, p_allowed public.area_status[], p_action text
)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if not p_area.status = any (p_allowed) then
    raise exception 'Cannot % area % while it is %', p_action, p_area.area_code, p_area.status
      using errcode = 'VA001',
            hint = format('This is possible only while the area is %s; reload the assessment.',
                          array_to_string(p_allowed, ' or '));
  end if;
end;
$$;
comment on function private.require_area_status(public.assessment_areas, public.area_status[], text) is
  'Refuses (VA001) an action the area''s current state does not allow.';

create function private.area_under_review_for_update(
  p_assessment public.assessments, p_area_code smallint, p_action text, p_area_action text
)
returns public.assessment_areas
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_area public.assessment_areas;
begin
  perform private.require_assessor_of(p_area_code);
  v_area := private.area_for_update(p_assessment.id, p_area_code);
  perform private.require_status(p_assessment, '{draft,submitted}', p_action);
  perform private.require_area_status(v_area, '{submitted}', p_area_action);
  return v_area;
end;
$$;
comment on function private.area_under_review_for_update(public.assessments, smallint, text, text) is
  'The assessor''s guards on one area: refuses (42501) an area the caller does not review, locks the area, and refuses (VA001) unless the assessment is in draft or submitted and the area is submitted; returns the area.';

create function private.assessment_leaf(p_assessment public.assessments, p_leaf_id uuid)
returns public.indicators
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_leaf public.indicators;
begin
  select * into v_leaf from public.indicators
  where id = p_leaf_id and cycle_id = p_assessment.cycle_id and parent_id is not null;
  if not found then
    raise exception 'Indicator % is not a sub-indicator of this assessment''s cycle', p_leaf_id
      using errcode = 'VA008', hint = 'Use the id of a sub-indicator (e.g. 1.1.1) from the assessment''s cycle.';
  end if;
  return v_leaf;
end;
$$;
comment on function private.assessment_leaf(public.assessments, uuid) is
  'The leaf (sub-indicator) p_leaf_id of the assessment''s cycle, or VA008.';

create function private.assessment_leaves(p_assessment public.assessments, p_leaf_ids uuid[])
returns setof public.indicators
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if coalesce(cardinality(p_leaf_ids), 0) = 0 then
    raise exception 'Name at least one sub-indicator'
      using errcode = 'VA008', hint = 'Pass the ids of the sub-indicators the barangay must look at again.';
  end if;
  return query select (private.assessment_leaf(p_assessment, id)).*
    from (select distinct unnest(p_leaf_ids) as id) as named;
end;
$$;
comment on function private.assessment_leaves(public.assessments, uuid[]) is
  'The named leaves of the assessment''s cycle (at least one, each valid), or VA008.';

create function private.require_leaf_comments(
  p_assessment public.assessments, p_leaf_ids uuid[], p_stage public.assessment_status
)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_missing text;
begin
  select string_agg(leaf.code, ', ' order by leaf.sort_order) into v_missing
  from public.indicators leaf
  where leaf.id = any (p_leaf_ids)
    and not exists (
      select 1 from public.comments c
      where c.assessment_id = p_assessment.id and c.leaf_id = leaf.id
        and c.visibility = 'public' and c.stage = p_stage
    );
  if v_missing is not null then
    raise exception 'Sub-indicators % have no public comment telling the barangay what to fix', v_missing
      using errcode = 'VA003', hint = 'Add a public comment to each named sub-indicator (add_comment), then try again.';
  end if;
end;
$$;
comment on function private.require_leaf_comments(public.assessments, uuid[], public.assessment_status) is
  'Refuses (VA003) a calibration or recalibration naming a leaf without a public comment written in this stage.';

-- Events and notifications ---------------------------------------------------------------------

create function private.record_event(
  p_assessment_id uuid,
  p_action text,
  p_from text default null,
  p_to text default null,
  p_reason text default null,
  p_area_code smallint default null,
  p_leaf_id uuid default null,
  p_details jsonb default '{}',
  p_visible_to_barangay boolean default true,
  p_cycle_id uuid default null
)
returns bigint
language sql
security definer
set search_path = ''
as $$
  insert into public.events (
    assessment_id, cycle_id, actor_id, action, from_status, to_status, area_code, leaf_id, reason,
    details, visible_to_barangay
  )
  values (
    p_assessment_id,
    coalesce(p_cycle_id, (select cycle_id from public.assessments where id = p_assessment_id)),
    (select auth.uid()), p_action, p_from, p_to, p_area_code, p_leaf_id, p_reason,
    coalesce(p_details, '{}'), p_visible_to_barangay
  )
  returning id;
$$;
comment on function private.record_event(uuid, text, text, text, text, smallint, uuid, jsonb, boolean, uuid) is
  'Appends one event to the timeline, the caller as actor (null when the system acts).';

create function private.notify(
  p_recipient_id uuid, p_assessment_id uuid, p_kind text, p_title text, p_body text, p_data jsonb default '{}'
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.notifications (recipient_id, assessment_id, kind, title, body, data)
  select p.id, p_assessment_id, p_kind, p_title, p_body,
         jsonb_strip_nulls(jsonb_build_object('assessmentId', p_assessment_id)) || coalesce(p_data, '{}')
  from public.profiles p
  where p.id = p_recipient_id and p.is_active;
$$;
comment on function private.notify(uuid, uuid, text, text, text, jsonb) is
  'Sends one in-app notification to one user, unless that user is deactivated.';

create function private.notify_role(
  p_role public.app_role, p_assessment_id uuid, p_kind text, p_title text, p_body text,
  p_data jsonb default '{}', p_area_code smallint default null
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_barangay_id uuid;
  v_place text;
  v_recipients uuid[];
  v_count integer;
begin
  select a.barangay_id, b.city_municipality_code into v_barangay_id, v_place
  from public.assessments a join public.barangays b on b.id = a.barangay_id
  where a.id = p_assessment_id;
  -- Each branch is one index lookup (profiles_barangay, profiles_city_municipality): the cost is
  -- the assessment's people, never the country's.
  if p_role = 'blgu' then
    select array_agg(id) into v_recipients from public.profiles
    where barangay_id = v_barangay_id and role = 'blgu' and is_active;
  elsif p_assessment_id is not null then
    select array_agg(id) into v_recipients from public.profiles
    where city_municipality_code = v_place and role = p_role and is_active
      and (p_role <> 'assessor' or p_area_code is null or area_code = p_area_code);
  else
    select array_agg(id) into v_recipients from public.profiles where role = p_role and is_active;
  end if;
  insert into public.notifications (recipient_id, assessment_id, kind, title, body, data)
  select recipient, p_assessment_id, p_kind, p_title, p_body,
         jsonb_strip_nulls(jsonb_build_object('assessmentId', p_assessment_id, 'areaCode', p_area_code))
           || coalesce(p_data, '{}')
  from unnest(v_recipients) as recipient
  where recipient is distinct from (select auth.uid());
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;
comment on function private.notify_role(public.app_role, uuid, text, text, text, jsonb, smallint) is
  'Notifies every active user of a role except the one acting: of an assessment, only the people of its city or municipality (assessors of p_area_code when given) or the users of its barangay; without an assessment, every one of the role.';

create function private.barangay_name(p_assessment_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select 'Barangay ' || b.name || ', ' || m.name
  from public.assessments a
  join public.barangays b on b.id = a.barangay_id
  join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
  where a.id = p_assessment_id;
$$;
comment on function private.barangay_name(uuid) is 'How notifications to reviewers name the barangay of an assessment.';

create function private.area_name(p_area_code smallint)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select 'Area ' || code || ' (' || name || ')' from public.governance_areas where code = p_area_code;
$$;
comment on function private.area_name(smallint) is 'How notifications name a governance area.';

create function private.manila_time(p_at timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select to_char(p_at at time zone 'Asia/Manila', 'FMMonth FMDD, YYYY HH24:MI');
$$;
comment on function private.manila_time(timestamptz) is
  'How messages to users state a moment: Philippine time, e.g. March 31, 2026 17:00.';

-- State changes shared by the transitions ----------------------------------------------------------

create function private.move_assessment(
  p_assessment public.assessments, p_to public.assessment_status, p_action text,
  p_reason text default null, p_details jsonb default '{}', p_visible_to_barangay boolean default true
)
returns public.assessments
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments;
begin
  update public.assessments
  set status = p_to, version = version + 1,
      validation_started_at = case when p_to = 'awaiting_validation' then coalesce(validation_started_at, now())
                                   else validation_started_at end
  where id = p_assessment.id
  returning * into v_assessment;
  perform private.record_event(p_assessment.id, p_action, p_assessment.status::text, p_to::text, p_reason,
                               p_details => p_details, p_visible_to_barangay => p_visible_to_barangay);
  return v_assessment;
end;
$$;
comment on function private.move_assessment(public.assessments, public.assessment_status, text, text, jsonb, boolean) is
  'Changes the overall state, bumps the version and records the event (from, to, reason).';

create function private.bump_version(p_assessment_id uuid)
returns public.assessments
language sql
security definer
set search_path = ''
as $$
  update public.assessments set version = version + 1 where id = p_assessment_id returning *;
$$;
comment on function private.bump_version(uuid) is 'Marks a transition that keeps the overall state (an area moved, a lock changed).';
