-- Answers, checklist values and decisions: the barangay's answers, the assessor's checklist values
-- and the validator's decisions on each leaf, each saved against the version the writer loaded and
-- checked against the kind of each checklist item.

-- Answers, checklist values and decisions (optimistic concurrency) ----------------------------------

create function private.stale_version(p_what text, p_expected integer, p_current integer)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception '% changed since you loaded it (your version %, current version %)', p_what, p_expected, p_current
    using errcode = 'VA004', hint = 'Reload it, re-apply your change, and save again; nothing was overwritten.';
end;
$$;
comment on function private.stale_version(text, integer, integer) is 'Refuses (VA004) a write based on a version that is no longer current.';

create function private.review_for_update(p_assessment_id uuid, p_leaf public.indicators, p_expected_version integer)
returns public.reviews
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_review public.reviews;
begin
  insert into public.reviews (assessment_id, leaf_id, area_code, version)
  values (p_assessment_id, p_leaf.id, p_leaf.area_code, 0)
  on conflict (assessment_id, leaf_id) do nothing;
  select * into v_review from public.reviews where assessment_id = p_assessment_id and leaf_id = p_leaf.id for update;
  if p_expected_version is not null and v_review.version <> p_expected_version then
    perform private.stale_version('The review of ' || p_leaf.code, p_expected_version, v_review.version);
  end if;
  return v_review;
end;
$$;
comment on function private.review_for_update(uuid, public.indicators, integer) is
  'Loads and locks the review row of a leaf (created at version 0 when none exists), refusing (VA004) a stale expected version.';

-- Checklist values: what the barangay answers and the assessor ticks, by item kind ----------------

create function private.longest_item_text()
returns integer
language sql
immutable
set search_path = ''
as $$
  select 2000;
$$;
comment on function private.longest_item_text() is
  'The most characters a text answer or checklist value may have (about a page).';

create function private.is_iso_date(p_text text)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_year integer;
  v_month integer;
  v_day integer;
begin
  if p_text !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$' then
    return false;
  end if;
  v_year := substr(p_text, 1, 4)::integer;
  v_month := substr(p_text, 6, 2)::integer;
  v_day := substr(p_text, 9, 2)::integer;
  if v_year < 100 or v_month not between 1 and 12 or v_day < 1 then
    return false;
  end if;
  return v_day <= extract(day from make_date(v_year, v_month, 1) + interval '1 month - 1 day');
end;
$$;
comment on function private.is_iso_date(text) is
  'The classifier''s date rule: YYYY-MM-DD naming a real day from year 100 on, optionally with a time of day (hours 00-23, minutes and seconds 00-59) and an offset (Z or +/-HH:MM).';

create function private.item_value_fits(p_type public.checklist_item_type, p_value jsonb)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  case jsonb_typeof(p_value)
    when 'null' then
      return true;
    when 'boolean' then
      return p_type in ('checkbox', 'assessment_field', 'info_text', 'section_header');
    when 'number' then
      -- A number beyond a float64 would reach the classifier as Infinity.
      if abs(p_value::numeric) > 1.7976931348623157e308 then
        return false;
      end if;
      if p_type = 'document_count' then
        return p_value::numeric >= 0 and p_value::numeric = trunc(p_value::numeric);
      end if;
      return p_type in ('calculation_field', 'info_text', 'section_header');
    when 'string' then
      if length(p_value #>> '{}') > private.longest_item_text() then
        return false;
      end if;
      if p_type = 'assessment_field' then
        return p_value #>> '{}' in ('yes', 'no');
      elsif p_type = 'date_input' then
        return private.is_iso_date(p_value #>> '{}');
      end if;
      return p_type in ('info_text', 'section_header');
    else
      return false;
  end case;
end;
$$;
comment on function private.item_value_fits(public.checklist_item_type, jsonb) is
  'Whether a value suits a checklist item of this kind, as the classifier reads it: a box true or false, a YES/NO field "yes", "no" or a boolean, a document count a whole number from 0, a date an ISO date, an amount a number, a note text (within longest_item_text), a number or a boolean; null is always allowed.';

create function private.item_value_expected(p_type public.checklist_item_type)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_type
    when 'checkbox' then 'true or false'
    when 'assessment_field' then '"yes", "no", true or false'
    when 'document_count' then 'a whole number, 0 or more'
    when 'date_input' then 'a date such as 2024-03-31, or with a time such as 2024-03-31T17:00+08:00'
    when 'calculation_field' then 'a number'
    else format('a text of at most %s characters, a number, true or false', private.longest_item_text())
  end;
$$;
comment on function private.item_value_expected(public.checklist_item_type) is
  'How an error message says what an item of this kind expects.';

create function private.require_item_values(p_leaf public.indicators, p_values jsonb, p_what text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_unknown text;
  v_misfit record;
begin
  if p_values is null or jsonb_typeof(p_values) <> 'object' then
    raise exception '% must be a JSON object keyed by checklist item', p_what
      using errcode = 'VA008', hint = 'Send {"item_key": value, ...} with the item keys of the sub-indicator.';
  end if;
  select string_agg(key, ', ' order by key) into v_unknown
  from jsonb_object_keys(p_values) as key
  where not exists (select 1 from public.checklist_items i where i.indicator_id = p_leaf.id and i.item_key = key);
  if v_unknown is not null then
    raise exception 'Sub-indicator % has no checklist item %', p_leaf.code, v_unknown
      using errcode = 'VA008', hint = 'Use the item_key values of the sub-indicator''s checklist items; nothing was saved.';
  end if;
  select i.item_key, i.label, i.item_type into v_misfit
  from public.checklist_items i
  where i.indicator_id = p_leaf.id and p_values ? i.item_key
    and not private.item_value_fits(i.item_type, p_values -> i.item_key)
  order by i.sort_order
  limit 1;
  if found then
    raise exception 'Sub-indicator %, "%" (%): expected %', p_leaf.code, v_misfit.label, v_misfit.item_key,
                    private.item_value_expected(v_misfit.item_type)
      using errcode = 'VA008', hint = 'Correct this value and save again; nothing was saved.';
  end if;
end;
$$;
comment on function private.require_item_values(public.indicators, jsonb, text) is
  'Refuses (VA008) answers or checklist values that are not an object of the leaf''s item keys with values of each item''s kind (item_value_fits), naming the first unknown key or misfit item.';

create function public.save_answers(
  p_assessment_id uuid, p_leaf_id uuid, p_answers jsonb, p_expected_version integer
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{blgu}', 'save answers');
  v_leaf public.indicators := private.assessment_leaf(v_assessment, p_leaf_id);
  v_response public.responses;
begin
  perform private.require_unlocked(v_assessment);
  if not private.barangay_can_edit_leaf(p_assessment_id, p_leaf_id) then
    raise exception 'Sub-indicator % cannot be changed now (assessment %)', v_leaf.code, replace(v_assessment.status::text, '_', ' ')
      using errcode = 'VA001',
            hint = 'Answers can be changed while the area is in draft or rework, or when the sub-indicator is named in an open calibration.';
  end if;
  perform private.require_item_values(v_leaf, p_answers, 'Answers');

  select * into v_response from public.responses where assessment_id = p_assessment_id and leaf_id = p_leaf_id for update;
  if not found then
    if p_expected_version is distinct from 0 then
      perform private.stale_version('The answers of ' || v_leaf.code, p_expected_version, 0);
    end if;
    insert into public.responses (assessment_id, leaf_id, area_code, answers, updated_by)
    values (p_assessment_id, p_leaf_id, v_leaf.area_code, p_answers, (select auth.uid()))
    returning * into v_response;
  elsif v_response.version is distinct from p_expected_version then
    perform private.stale_version('The answers of ' || v_leaf.code, p_expected_version, v_response.version);
  else
    update public.responses
    set answers = p_answers, version = version + 1, updated_at = now(), updated_by = (select auth.uid())
    where id = v_response.id
    returning * into v_response;
  end if;
  -- The barangay's readiness reads its answers: what they fall short of is the classifier's to say.
  perform private.enqueue_classification(p_assessment_id, 'readiness');
  return v_response.version;
end;
$$;
comment on function public.save_answers(uuid, uuid, jsonb, integer) is
  'Barangay: saves the answers of one sub-indicator (autosave), an object keyed by its checklist items'' item_key with a value of each item''s kind (true/false, "yes"/"no", whole counts, ISO dates, numbers, text up to 2000 characters; null for no answer); anything else is refused with VA008 naming the item, while a value short of a requirement is saved (barangay_readiness shows the shortfall once classified). p_expected_version is the version you loaded (0 when there were no answers yet); a stale version is refused with VA004 and nothing is overwritten. Queues the barangay''s readiness. Returns the new version. Errors: 42501, VA001, VA004, VA005, VA007, VA008.';
revoke all on function public.save_answers(uuid, uuid, jsonb, integer) from public, anon;
grant execute on function public.save_answers(uuid, uuid, jsonb, integer) to authenticated;

create function public.save_checklist(
  p_assessment_id uuid, p_leaf_id uuid, p_checklist jsonb, p_expected_version integer
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{assessor}', 'tick checklist items');
  v_leaf public.indicators := private.assessment_leaf(v_assessment, p_leaf_id);
  v_review public.reviews;
begin
  perform private.area_under_review_for_update(v_assessment, v_leaf.area_code, 'tick checklist items', 'tick checklist items of');
  perform private.require_item_values(v_leaf, p_checklist, 'Checklist values');

  v_review := private.review_for_update(p_assessment_id, v_leaf, coalesce(p_expected_version, -1));
  update public.reviews
  set checklist = p_checklist, checklist_by = (select auth.uid()), checklist_at = now(),
      version = version + 1, updated_at = now()
  where id = v_review.id
  returning * into v_review;
  return v_review.version;
end;
$$;
comment on function public.save_checklist(uuid, uuid, jsonb, integer) is
  'Assessor of the area: saves the checklist values of one sub-indicator while its area is submitted, checked like the barangay''s answers (VA008 names a misfit item). p_expected_version is the review version you loaded (0 when none); stale versions are refused with VA004. Returns the new version. Errors: 42501, VA001, VA004, VA007, VA008.';
revoke all on function public.save_checklist(uuid, uuid, jsonb, integer) from public, anon;
grant execute on function public.save_checklist(uuid, uuid, jsonb, integer) to authenticated;

create function public.decide_leaf(
  p_assessment_id uuid, p_leaf_id uuid, p_decision public.leaf_decision, p_expected_version integer,
  p_remarks text default null
)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments := private.assessment_for_update(p_assessment_id, '{validator}', 'decide a sub-indicator');
  v_leaf public.indicators := private.assessment_leaf(v_assessment, p_leaf_id);
  v_review public.reviews;
  v_previous public.leaf_decision;
begin
  perform private.require_status(v_assessment, '{awaiting_validation}', 'decide a sub-indicator');
  if p_decision is null then
    raise exception 'A decision is required'
      using errcode = 'VA008', hint = 'Decide met, unmet or considered.';
  end if;
  if p_decision = 'considered' and not v_leaf.has_consideration_rule then
    raise exception 'Sub-indicator % has no consideration rule; decide met or unmet', v_leaf.code
      using errcode = 'VA008', hint = 'Considered is allowed only where the technical notes give a consideration.';
  end if;

  v_review := private.review_for_update(p_assessment_id, v_leaf, coalesce(p_expected_version, -1));
  v_previous := v_review.decision;
  update public.reviews
  set decision = p_decision, decision_remarks = nullif(trim(p_remarks), ''), decided_by = (select auth.uid()),
      decided_at = now(), version = version + 1, updated_at = now()
  where id = v_review.id
  returning * into v_review;
  perform private.record_event(p_assessment_id, 'leaf_decided', v_previous::text, p_decision::text,
                               nullif(trim(p_remarks), ''), v_leaf.area_code, p_leaf_id, p_visible_to_barangay => false);
  return v_review.version;
end;
$$;
comment on function public.decide_leaf(uuid, uuid, public.leaf_decision, integer, text) is
  'Validator: decides met, unmet or considered (only where the sub-indicator has a consideration rule) while the assessment awaits validation. p_expected_version is the review version you loaded (0 when none); stale versions are refused with VA004. Returns the new version. Errors: 42501, VA001, VA004, VA007, VA008.';
revoke all on function public.decide_leaf(uuid, uuid, public.leaf_decision, integer, text) from public, anon;
grant execute on function public.decide_leaf(uuid, uuid, public.leaf_decision, integer, text) to authenticated;
