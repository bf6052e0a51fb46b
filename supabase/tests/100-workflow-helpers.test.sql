-- Workflow test helpers: one assessment with its cast (barangay, six assessors, a validator, the
-- MLGOO), drivers that walk it through the workflow with the real functions, and a check that a
-- refused call changed nothing. Committed (not rolled back) so that files 110-199 can use them;
-- every file still creates its own fixtures inside its own transaction.

begin;

-- The cast of tag: <tag>-blgu (its barangay), <tag>-neighbour (another barangay), <tag>-assessor-1..6,
-- <tag>-validator, <tag>-mlgoo. Returns the draft assessment, in a newly active cycle whose submission
-- deadline is 30 days away.
create or replace function tests.wf_fixture(p_tag text, p_year integer default 2090)
returns uuid
language plpgsql
as $$
declare
  v_cycle uuid := tests.create_cycle(p_year, true);
  v_barangay uuid := tests.create_barangay(lpad((abs(hashtext(p_tag)) % 1000000000)::text, 9, '0'), 'Barangay ' || p_tag);
  v_neighbour uuid := tests.create_barangay(lpad((abs(hashtext(p_tag || 'n')) % 1000000000)::text, 9, '0'), 'Neighbour ' || p_tag);
begin
  update public.cycles set submission_deadline = now() + interval '30 days' where id = v_cycle;
  perform tests.create_user(p_tag || '-blgu@test.local', 'blgu', v_barangay);
  perform tests.create_user(p_tag || '-neighbour@test.local', 'blgu', v_neighbour);
  perform tests.create_user(p_tag || '-assessor-' || area || '@test.local', 'assessor', null, area)
  from generate_series(1, 6) as area;
  perform tests.create_user(p_tag || '-validator@test.local', 'validator');
  perform tests.create_user(p_tag || '-mlgoo@test.local', 'mlgoo');
  return tests.create_assessment(v_cycle, v_barangay);
end;
$$;

create or replace function tests.wf_leaf(p_assessment_id uuid, p_code text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select tests.leaf_id(a.cycle_id, p_code) from public.assessments a where a.id = p_assessment_id;
$$;

-- Everything a workflow function may write for one assessment, as one hash.
create or replace function tests.wf_fingerprint(p_assessment_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select md5(concat_ws('|',
    (select to_jsonb(a) - 'updated_at' from public.assessments a where a.id = p_assessment_id)::text,
    (select jsonb_agg(aa order by aa.area_code) from public.assessment_areas aa where aa.assessment_id = p_assessment_id)::text,
    (select jsonb_agg(to_jsonb(r) - 'updated_at' order by r.id) from public.responses r where r.assessment_id = p_assessment_id)::text,
    (select jsonb_agg(to_jsonb(r) - 'updated_at' order by r.id) from public.reviews r where r.assessment_id = p_assessment_id)::text,
    (select jsonb_agg(c order by c.id) from public.comments c where c.assessment_id = p_assessment_id)::text,
    (select jsonb_agg(m order by m.id) from public.mov_files m where m.assessment_id = p_assessment_id)::text,
    (select jsonb_agg(o order by o.indicator_id) from public.indicator_overrides o where o.assessment_id = p_assessment_id)::text,
    (select count(*) from public.submission_snapshots s where s.assessment_id = p_assessment_id)::text,
    (select count(*) from public.events e where e.assessment_id = p_assessment_id)::text,
    (select count(*) from public.notifications n where n.assessment_id = p_assessment_id)::text,
    (select count(*) from public.leaf_history h where h.assessment_id = p_assessment_id)::text,
    (select count(*) from public.jobs j where j.assessment_id = p_assessment_id)::text
  ));
$$;

-- A refusal with the given SQLSTATE that leaves the assessment exactly as it was (two assertions).
create or replace function tests.wf_refuses(p_sql text, p_errcode text, p_assessment_id uuid, p_description text)
returns setof text
language plpgsql
as $$
declare
  v_before text := tests.wf_fingerprint(p_assessment_id);
begin
  return next throws_ok(p_sql, p_errcode, null, p_description);
  return next is(tests.wf_fingerprint(p_assessment_id), v_before, p_description || ': nothing changed');
end;
$$;

create or replace function tests.wf_status(p_assessment_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select status::text from public.assessments where id = p_assessment_id;
$$;

create or replace function tests.wf_area_status(p_assessment_id uuid, p_area_code integer)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select status::text from public.assessment_areas where assessment_id = p_assessment_id and area_code = p_area_code;
$$;

-- Drivers: each acts as the right user and leaves the session as the superuser.

create or replace function tests.wf_submit_all(p_assessment_id uuid, p_tag text)
returns void
language plpgsql
as $$
declare
  v_area smallint;
begin
  perform tests.act_as(p_tag || '-blgu@test.local');
  for v_area in
    select area_code from public.assessment_areas
    where assessment_id = p_assessment_id and status in ('draft', 'rework') order by area_code
  loop
    perform public.submit_area(p_assessment_id, v_area);
  end loop;
  perform tests.act_as_postgres();
end;
$$;

create or replace function tests.wf_approve_all(p_assessment_id uuid, p_tag text)
returns void
language plpgsql
as $$
declare
  v_area smallint;
begin
  for v_area in
    select area_code from public.assessment_areas
    where assessment_id = p_assessment_id and status = 'submitted' order by area_code
  loop
    perform tests.act_as(p_tag || '-assessor-' || v_area || '@test.local');
    perform public.approve_area(p_assessment_id, v_area);
    perform tests.act_as_postgres();
  end loop;
end;
$$;

create or replace function tests.wf_decide_all(p_assessment_id uuid, p_tag text, p_decision public.leaf_decision default 'met')
returns void
language plpgsql
as $$
declare
  v_leaf record;
begin
  for v_leaf in
    select leaf.id, coalesce(r.version, 0) as version
    from public.assessments a
    join public.indicators leaf on leaf.cycle_id = a.cycle_id and leaf.parent_id is not null and not leaf.is_profiling_only
    left join public.reviews r on r.assessment_id = a.id and r.leaf_id = leaf.id
    where a.id = p_assessment_id and r.decision is null
  loop
    perform tests.act_as(p_tag || '-validator@test.local');
    perform public.decide_leaf(p_assessment_id, v_leaf.id, p_decision, v_leaf.version);
    perform tests.act_as_postgres();
  end loop;
end;
$$;

-- Walks the assessment forward with the real functions until it reaches p_status.
create or replace function tests.wf_advance(p_assessment_id uuid, p_tag text, p_status public.assessment_status)
returns void
language plpgsql
as $$
begin
  if p_status = 'draft' then
    return;
  end if;
  perform tests.wf_submit_all(p_assessment_id, p_tag);
  if p_status = 'submitted' then
    return;
  end if;
  perform tests.wf_approve_all(p_assessment_id, p_tag);
  if p_status = 'awaiting_validation' then
    return;
  end if;
  perform tests.wf_decide_all(p_assessment_id, p_tag);
  perform tests.act_as(p_tag || '-validator@test.local');
  perform public.finalize_validation(p_assessment_id);
  perform tests.act_as_postgres();
  if p_status = 'awaiting_approval' then
    return;
  end if;
  perform tests.act_as(p_tag || '-mlgoo@test.local');
  perform public.approve_assessment(p_assessment_id);
  perform tests.act_as_postgres();
  if p_status <> 'completed' then
    raise exception 'tests.wf_advance does not reach %', p_status;
  end if;
end;
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;
commit;

begin;
select plan(4);

create temporary table fx as select tests.wf_fixture('helpers') as assessment;
select is(tests.wf_status((select assessment from fx)), 'draft', 'wf_fixture creates a draft assessment');
select lives_ok($$ select tests.wf_advance((select assessment from fx), 'helpers', 'completed') $$,
  'wf_advance walks an assessment to completed with the real functions');
select is(tests.wf_status((select assessment from fx)), 'completed', 'the walked assessment is completed');
select is(current_user::text, 'postgres', 'the drivers leave the session as the superuser');
select * from finish();
rollback;
