-- Test helpers shared by every pgTAP file: create users, cycles, barangays and assessments, act as a
-- given user (with the claims the access-token hook issues), as anon, as the service role or back as
-- the superuser, upload as Storage does, and the workflow helpers: one assessment with its cast
-- (barangay, six assessors, a validator, the MLGOO), drivers that walk it through the workflow with
-- the real functions, and a check that a refused call changed nothing. Committed (not rolled back)
-- so that every later file can use them; each file creates its own fixtures in its own transaction.

begin;

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

create or replace function tests.create_user(
  p_email text,
  p_role public.app_role,
  p_barangay_id uuid default null,
  p_area_code integer default null,
  p_city_municipality_code text default null
)
returns uuid
language plpgsql
as $$
declare
  v_id uuid := gen_random_uuid();
begin
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
    raw_user_meta_data, confirmation_token, recovery_token, email_change_token_new, email_change,
    created_at, updated_at
  )
  values (
    '00000000-0000-0000-0000-000000000000', v_id, 'authenticated', 'authenticated', p_email,
    extensions.crypt('test-password', extensions.gen_salt('bf', 4)), now(),
    '{"provider": "email", "providers": ["email"]}', '{}', '', '', '', '', now(), now()
  );
  perform private.declare_workflow_write();
  update public.profiles
  set role = p_role, barangay_id = p_barangay_id, area_code = p_area_code::smallint, must_change_password = false,
      city_municipality_code = case when p_role in ('mlgoo', 'assessor', 'validator')
        then coalesce(p_city_municipality_code, tests.create_city_municipality('990101000', 'Test Town')) end
  where id = v_id;
  return v_id;
end;
$$;

create or replace function tests.user_id(p_email text)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select id from auth.users where email = p_email;
$$;

-- Acts with the given claims, as PostgREST does with a verified token.
create or replace function tests.act_with_claims(p_claims jsonb)
returns void
language plpgsql
as $$
begin
  set local role none;
  perform set_config('request.jwt.claims', p_claims::text, true);
  execute format('set local role %I', coalesce(p_claims ->> 'role', 'anon'));
end;
$$;

-- The claims Supabase Auth would put in this user's access token, through the access-token hook.
create or replace function tests.claims_for(p_email text)
returns jsonb
language plpgsql
as $$
declare
  v_user auth.users;
  v_result jsonb;
begin
  select * into strict v_user from auth.users where email = p_email;
  v_result := public.custom_access_token_hook(jsonb_build_object(
    'user_id', v_user.id,
    'authentication_method', 'password',
    'claims', jsonb_build_object(
      'aud', 'authenticated',
      'exp', extract(epoch from now() + interval '1 hour')::bigint,
      'iat', extract(epoch from now())::bigint,
      'sub', v_user.id,
      'email', v_user.email,
      'phone', '',
      'role', 'authenticated',
      'aal', 'aal1',
      'session_id', gen_random_uuid(),
      'is_anonymous', false)));
  if v_result ? 'error' then
    raise exception 'No token for %: %', p_email, v_result -> 'error' ->> 'message'
      using errcode = '42501';
  end if;
  return v_result -> 'claims';
end;
$$;

create or replace function tests.act_as(p_email text)
returns void
language plpgsql
as $$
declare
  v_claims jsonb;
begin
  set local role none;
  v_claims := tests.claims_for(p_email);
  perform tests.act_with_claims(v_claims);
end;
$$;

create or replace function tests.act_as_anon()
returns void
language plpgsql
as $$
begin
  perform tests.act_with_claims('{"role": "anon"}');
end;
$$;

create or replace function tests.act_as_service_role()
returns void
language plpgsql
as $$
begin
  perform tests.act_with_claims('{"role": "service_role"}');
end;
$$;

create or replace function tests.act_as_postgres()
returns void
language plpgsql
as $$
begin
  set local role none;
  perform set_config('request.jwt.claims', '', true);
end;
$$;

create or replace function tests.create_cycle(p_year integer default 2090, p_activate boolean default false)
returns uuid
language plpgsql
as $$
declare
  v_id uuid;
begin
  if p_activate then
    update public.cycles set is_active = false where is_active;
  end if;
  insert into public.cycles (year, title, reviewed_year, catalog_edition, is_active, activated_at)
  values (p_year, format('SGLGB %s (reviews CY %s)', p_year, p_year - 1), p_year - 1, '2024',
          p_activate, case when p_activate then now() end)
  returning id into v_id;
  return v_id;
end;
$$;

-- A city or municipality of the test province (created with its region and province when missing).
create or replace function tests.create_city_municipality(p_psgc text, p_name text)
returns text
language sql
as $$
  insert into public.regions (psgc_code, name) values ('990000000', 'Test Region') on conflict do nothing;
  insert into public.provinces (psgc_code, region_code, name) values ('990100000', '990000000', 'Test Province')
  on conflict do nothing;
  insert into public.cities_municipalities (psgc_code, province_code, name) values (p_psgc, '990100000', p_name)
  on conflict do nothing;
  select p_psgc;
$$;

-- A barangay of the given city or municipality, by default Test Town (990101000).
create or replace function tests.create_barangay(p_psgc text, p_name text, p_city_municipality_code text default null)
returns uuid
language plpgsql
as $$
declare
  v_code text := coalesce(p_city_municipality_code, tests.create_city_municipality('990101000', 'Test Town'));
  v_id uuid;
begin
  insert into public.barangays (psgc_code, name, city_municipality_code)
  select p_psgc, p_name, m.psgc_code
  from public.cities_municipalities m where m.psgc_code = v_code
  returning id into v_id;
  return v_id;
end;
$$;

create or replace function tests.create_assessment(p_cycle_id uuid, p_barangay_id uuid)
returns uuid
language sql
as $$
  insert into public.assessments (cycle_id, barangay_id) values (p_cycle_id, p_barangay_id)
  returning id;
$$;

create or replace function tests.leaf_id(p_cycle_id uuid, p_code text)
returns uuid
language sql
stable
as $$
  select id from public.indicators
  where cycle_id = p_cycle_id and code = p_code and parent_id is not null;
$$;

create or replace function tests.slot_key(p_cycle_id uuid, p_leaf_code text)
returns text
language sql
stable
as $$
  select s.slot_key
  from public.upload_slots s
  where s.indicator_id = tests.leaf_id(p_cycle_id, p_leaf_code)
  order by s.sort_order
  limit 1;
$$;

-- The hint a refusal gives its caller (null when the statement succeeds): what a user is told to do.
create or replace function tests.hint_of(p_statement text)
returns text
language plpgsql
as $$
declare
  v_hint text;
begin
  execute p_statement;
  return null;
exception when others then
  get stacked diagnostics v_hint = pg_exception_hint;
  return v_hint;
end;
$$;

-- How a refusal reaches its caller: SQLSTATE and message (null when the statement succeeds). The
-- Storage API shows the message of a 42501 error (HTTP 403) and nothing of any other.
create or replace function tests.refusal_of(p_statement text)
returns text
language plpgsql
as $$
begin
  execute p_statement;
  return null;
exception when others then
  return sqlstate || ' ' || sqlerrm;
end;
$$;

-- Storage's uploads, exactly as the Storage API writes them to storage.objects, in two phases:
-- 1. the permission test, as the signed-in user (role authenticated, the user's claims), an insert
--    (an upsert when the client asked for one) that is rolled back. A standard upload declares
--    {mimetype, contentLength}; a resumable (TUS) upload and a signed upload URL declare nothing
--    (TUS tests on creating the upload and on every chunk; a signed URL when it is signed, and
--    never again when the bytes arrive, which may be hours later);
-- 2. once the bytes are stored, as service_role (auth.uid() null) with the request's headers:
--    insert ... on conflict (bucket_id, name) do update with the full metadata, owner and owner_id.
-- Triggers fire in both; RLS is checked only in the first.
-- The upload rule is written once (private.mov_refusal): the insert policy allows what it does not
-- refuse, and the upload trigger raises its refusal. A real insert runs the trigger first, so the
-- policy's verdict is evaluated apart, from its text in the catalog, for the same row as the same
-- user; every permission test of bucket movs compares the two (tests.storage_rule_checks counts).
create sequence if not exists tests.storage_rule_checks;
grant usage on sequence tests.storage_rule_checks to anon, authenticated, service_role;

create or replace function tests.storage_policy_allows(p_object storage.objects)
returns boolean
language plpgsql
as $$
declare
  v_check text;
  v_allows boolean;
begin
  select string_agg(format('(%s)', with_check), ' or ') into v_check
  from pg_policies
  where schemaname = 'storage' and tablename = 'objects' and cmd in ('INSERT', 'ALL')
    and roles && array[current_user, 'public']::name[];
  execute format('select coalesce(%s, false) from unnest(array[$1]) as objects', coalesce(v_check, 'false'))
    into v_allows using p_object;
  return v_allows;
end;
$$;

-- Refuses (VT001) a permission test where the policy and the trigger decide differently: the
-- trigger refused (a '<VA code>: ...' message) what the policy allows, or the policy alone refused
-- (any other message, such as Postgres's row-level security one) what the trigger let through.
create or replace function tests.storage_rules_agree(p_name text, p_policy_allows boolean, p_refusal text)
returns void
language plpgsql
as $$
begin
  perform nextval('tests.storage_rule_checks');
  if not ((p_refusal is null and p_policy_allows) or (p_refusal ~ '^VA[0-9]{3}: ' and not p_policy_allows)) then
    raise exception 'The storage policy and the upload trigger disagree on %: the policy %, the trigger %', p_name,
      case when p_policy_allows then 'allows' else 'refuses' end, coalesce(p_refusal, 'allows')
      using errcode = 'VT001';
  end if;
end;
$$;

create or replace function tests.storage_permission_test(
  p_name text,
  p_metadata jsonb,
  p_upsert boolean default false,
  p_bucket text default 'movs'
)
returns void
language plpgsql
as $$
declare
  v_policy_allows constant boolean := tests.storage_policy_allows(jsonb_populate_record(null::storage.objects,
    jsonb_build_object('bucket_id', p_bucket, 'name', p_name, 'owner', auth.uid(), 'owner_id', auth.uid()::text,
                       'version', '1', 'metadata', p_metadata)));
begin
  begin
    if p_upsert then
      insert into storage.objects (bucket_id, name, owner, owner_id, version, metadata)
      values (p_bucket, p_name, auth.uid(), auth.uid()::text, '1', p_metadata)
      on conflict (bucket_id, name) do update
      set owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version,
          metadata = excluded.metadata;
    else
      insert into storage.objects (bucket_id, name, owner, owner_id, version, metadata)
      values (p_bucket, p_name, auth.uid(), auth.uid()::text, '1', p_metadata);
    end if;
    raise sqlstate 'VT000';
  exception
    when sqlstate 'VT000' then
      if p_bucket = 'movs' then
        perform tests.storage_rules_agree(p_name, v_policy_allows, null);
      end if;
    when others then
      if p_bucket = 'movs' then
        perform tests.storage_rules_agree(p_name, v_policy_allows, sqlerrm);
      end if;
      raise;
  end;
end;
$$;

create or replace function tests.storage_complete_upload(
  p_name text,
  p_owner uuid,
  p_mimetype text default 'application/pdf',
  p_size bigint default 1024,
  p_bucket text default 'movs'
)
returns uuid
language plpgsql
as $$
declare
  v_claims constant text := current_setting('request.jwt.claims', true);
  v_role constant text := current_user;
  v_id uuid;
begin
  perform tests.act_as_service_role();
  perform set_config('request.headers', json_build_object('content-type', p_mimetype,
    'content-length', p_size::text, 'x-client-info', 'supabase-js/2.109.0')::text, true);
  insert into storage.objects (bucket_id, name, owner, owner_id, version, metadata)
  values (p_bucket, p_name, p_owner, p_owner::text, gen_random_uuid()::text, jsonb_build_object(
    'eTag', format('"%s"', md5(p_name)), 'size', p_size, 'mimetype', p_mimetype,
    'cacheControl', 'max-age=3600', 'lastModified', to_char(now() at time zone 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS "GMT"'),
    'contentLength', p_size, 'httpStatusCode', 200))
  on conflict (bucket_id, name) do update
  set owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version,
      metadata = excluded.metadata
  returning id into v_id;
  perform set_config('request.headers', '', true);
  if v_role = 'authenticated' then
    perform tests.act_with_claims(v_claims::jsonb);
  else
    perform tests.act_as_postgres();
  end if;
  return v_id;
end;
$$;

-- p_via: 'standard' (supabase.storage.upload), 'resumable' (TUS) or 'signed' (createSignedUploadUrl
-- then uploadToSignedUrl). Returns the stored object's id.
create or replace function tests.storage_upload(
  p_name text,
  p_mimetype text default 'application/pdf',
  p_size bigint default 1024,
  p_via text default 'standard',
  p_upsert boolean default false
)
returns uuid
language plpgsql
as $$
begin
  perform tests.storage_permission_test(p_name,
    case p_via when 'standard' then jsonb_build_object('mimetype', p_mimetype, 'contentLength', p_size) end,
    p_upsert);
  return tests.storage_complete_upload(p_name, auth.uid(), p_mimetype, p_size);
end;
$$;

-- supabase.storage.from('movs').remove([name]) as the signed-in user: the deleted names (none when
-- the user cannot see the file: Storage then answers data: [] without an error).
create or replace function tests.storage_remove(p_name text)
returns setof text
language plpgsql
as $$
begin
  perform set_config('storage.allow_delete_query', 'true', true);
  return query delete from storage.objects where bucket_id = 'movs' and name = any(array[p_name]) returning name;
end;
$$;

-- Workflow --------------------------------------------------------------------------------------

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
select plan(12);

select has_function('tests'::name, 'act_as'::name, array['text'], 'tests.act_as exists');

select tests.create_barangay('999000001', 'Helper Check');
select tests.create_user('helper-check-blgu@test.local', 'blgu',
  (select id from public.barangays where psgc_code = '999000001'));
select tests.act_as('helper-check-blgu@test.local');
select is(current_user::text, 'authenticated', 'act_as switches to the authenticated role');
select is((select private.current_barangay_id()),
  (select id from public.barangays where psgc_code = '999000001'),
  'act_as makes auth.uid() the user, so the helpers see the profile');
select is(auth.jwt() ->> 'app_role', 'blgu', 'act_as carries the claims the access-token hook adds');
select tests.act_as_postgres();
select is(current_setting('request.jwt.claims', true), '', 'act_as_postgres clears the claims');
select tests.create_cycle(2091);
select is(
  (select count(*)::integer from public.indicators i join public.cycles c on c.id = i.cycle_id
   where c.year = 2091 and i.parent_id is not null),
  84, 'create_cycle installs the catalog');

select is(tests.hint_of($q$do $d$ begin raise exception 'no' using hint = 'Do this.'; end $d$$q$), 'Do this.',
  'hint_of returns the hint of a refusal');
select is(tests.hint_of('select 1'), null, 'hint_of returns null when the statement succeeds');

create temporary table fx as select tests.wf_fixture('helpers') as assessment;
select is(tests.wf_status((select assessment from fx)), 'draft', 'wf_fixture creates a draft assessment');
select lives_ok($$ select tests.wf_advance((select assessment from fx), 'helpers', 'completed') $$,
  'wf_advance walks an assessment to completed with the real functions');
select is(tests.wf_status((select assessment from fx)), 'completed', 'the walked assessment is completed');
select is(current_user::text, 'postgres', 'the drivers leave the session as the superuser');

select * from finish();
rollback;
