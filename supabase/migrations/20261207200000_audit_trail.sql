-- Audit trail: a timeline that proves itself untouched. Events and leaf history refuse TRUNCATE (as
-- they refuse UPDATE and DELETE). Every event is chained: it stores a SHA-256 over its canonical
-- content and the previous event's hash, in events.id order, one chain per assessment and one per
-- cycle for the events of no assessment (cycle actions; user administration, filed under the cycle
-- active at the time, or under the administration chain when none is). Each chain's head hash and
-- length are kept in private.event_chains, so removing the newest event shows as well as altering,
-- removing or inserting one. The MLGOO verifies an assessment's chain with verify_audit_trail; a
-- whole cycle is verified by a job (request_audit_verification) that stores its verdict.

-- TRUNCATE --------------------------------------------------------------------------------------------

create trigger append_only_truncate before truncate on public.events
  for each statement execute function private.refuse_change();
create trigger append_only_truncate before truncate on public.leaf_history
  for each statement execute function private.refuse_change();

-- Chains ----------------------------------------------------------------------------------------------

create function private.event_chain_key(p_assessment_id uuid, p_cycle_id uuid)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select coalesce(p_assessment_id, p_cycle_id, '00000000-0000-0000-0000-000000000000'::uuid);
$$;
comment on function private.event_chain_key(uuid, uuid) is
  'The chain an event belongs to: its assessment, else its cycle, else the administration chain (the nil uuid).';

alter table public.events
  add column chain_key uuid generated always as (private.event_chain_key(assessment_id, cycle_id)) stored,
  add column hash text check (hash ~ '^[0-9a-f]{64}$');
comment on column public.events.chain_key is
  'The audit chain of the event: the assessment, else the cycle, else the nil uuid (administration outside any cycle).';
comment on column public.events.hash is
  'SHA-256 (hex) over the event''s canonical content and the hash of the previous event of its chain; set on insert.';
create index events_chain on public.events (chain_key, id);

create table private.event_chains (
  chain_key uuid primary key,
  head_hash text not null,
  length bigint not null check (length > 0),
  head_event_id bigint not null
);
comment on table private.event_chains is
  'Head of every audit chain: the hash and id of its newest event and its length, so that removing the newest events is detected.';
comment on column private.event_chains.chain_key is 'The chain (events.chain_key).';
comment on column private.event_chains.head_hash is 'Hash of the newest event.';
comment on column private.event_chains.length is 'Number of events in the chain.';
comment on column private.event_chains.head_event_id is 'Id of the newest event.';

create function private.event_hash(p_event public.events, p_previous_hash text)
returns text
language sql
stable
set search_path = ''
as $$
  -- Canonical content: the recorded columns in a fixed order as JSON, the time in UTC.
  select encode(sha256(convert_to(coalesce(p_previous_hash, '') || jsonb_build_array(
    p_event.id, p_event.assessment_id, p_event.cycle_id, p_event.actor_id, p_event.action, p_event.from_status,
    p_event.to_status, p_event.area_code, p_event.leaf_id, p_event.reason, p_event.details,
    p_event.visible_to_barangay, p_event.created_at at time zone 'UTC')::text, 'UTF8')), 'hex');
$$;
comment on function private.event_hash(public.events, text) is
  'SHA-256 (hex) of the previous event''s hash followed by the event''s canonical content.';

-- Not security definer: only the events' owner writes them (directly, or through the security
-- definer workflow functions), so the trigger already runs as the owner.
create function private.chain_event()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_key uuid;
  v_chain private.event_chains;
begin
  if new.assessment_id is null and new.cycle_id is null then
    new.cycle_id := (select id from public.cycles where is_active);
  end if;
  v_key := private.event_chain_key(new.assessment_id, new.cycle_id);
  -- Every writer of the chain takes its lock before reading the previous hash; the id is drawn under
  -- the lock, so that the chain's order is the order of events.id.
  perform pg_advisory_xact_lock(hashtextextended('vantage.event_chain:' || v_key::text, 0));
  select * into v_chain from private.event_chains where chain_key = v_key;
  new.id := nextval('public.events_id_seq');
  new.hash := private.event_hash(new, v_chain.head_hash);
  if v_chain.chain_key is null then
    insert into private.event_chains (chain_key, head_hash, length, head_event_id)
    values (v_key, new.hash, 1, new.id);
  else
    update private.event_chains set head_hash = new.hash, length = v_chain.length + 1, head_event_id = new.id
    where chain_key = v_key;
  end if;
  return new;
end;
$$;
comment on function private.chain_event() is
  'Before an event is recorded: files it under its chain, takes the chain''s lock, draws its id and stores its hash over the previous one; advances the chain''s head.';

create trigger chain_event before insert on public.events
  for each row execute function private.chain_event();

-- Verification ------------------------------------------------------------------------------------------

create type public.audit_verdict as (holds boolean, events bigint, first_broken_event_id bigint, problem text);
comment on type public.audit_verdict is
  'Whether an audit chain holds, how many events it has and, when broken, the first broken event and what is wrong.';

create function private.verify_event_chain(p_chain_key uuid)
returns public.audit_verdict
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_chain private.event_chains;
  v_event public.events;
  v_previous text;
  v_verdict public.audit_verdict := (true, 0, null, null);
begin
  select * into v_chain from private.event_chains where chain_key = p_chain_key;
  for v_event in select * from public.events where chain_key = p_chain_key order by id loop
    v_verdict.events := v_verdict.events + 1;
    if v_event.hash is distinct from private.event_hash(v_event, v_previous) then
      return (false, v_verdict.events, v_event.id,
              format('Event %s does not match its hash: it was changed, or an event before it was removed or inserted.', v_event.id));
    end if;
    v_previous := v_event.hash;
  end loop;
  if v_verdict.events is distinct from coalesce(v_chain.length, 0) or v_previous is distinct from v_chain.head_hash then
    return (false, v_verdict.events, v_chain.head_event_id,
            format('The chain ends at event %s after %s events, but its head records %s events ending with event %s: the newest events were removed.',
                   (select max(id) from public.events where chain_key = p_chain_key), v_verdict.events,
                   coalesce(v_chain.length, 0), v_chain.head_event_id));
  end if;
  return v_verdict;
end;
$$;
comment on function private.verify_event_chain(uuid) is
  'Walks one chain in id order, recomputing every hash, then compares with the chain''s head: whether it holds, how many events it has, and the first broken link.';

create function public.verify_audit_trail(p_assessment_id uuid)
returns public.audit_verdict
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_assessment public.assessments;
begin
  perform private.require_role('{mlgoo}', 'verify an audit trail');
  select * into v_assessment from public.assessments where id = p_assessment_id;
  -- Not found, or of another city or municipality: the same refusal as every workflow function.
  perform private.require_found_assessment(v_assessment, p_assessment_id, 'mlgoo');
  return private.verify_event_chain(p_assessment_id);
end;
$$;
comment on function public.verify_audit_trail(uuid) is
  'MLGOO (of the assessment''s city or municipality): checks that the timeline of an assessment is exactly as recorded (no event changed, removed or inserted since). Returns holds, the number of events and, when broken, the first broken event and what is wrong. Errors: 42501, VA007.';

revoke all on function public.verify_audit_trail(uuid) from public, anon;
grant execute on function public.verify_audit_trail(uuid) to authenticated;

-- Whole cycles: a job that stores its verdict -------------------------------------------------------------

create table public.audit_verifications (
  id bigint generated always as identity primary key,
  cycle_id uuid not null references public.cycles (id) on delete cascade,
  requested_by uuid references auth.users (id) on delete set null,
  requested_at timestamptz not null default now(),
  finished_at timestamptz,
  chains integer,
  events bigint,
  holds boolean,
  broken jsonb
);
comment on table public.audit_verifications is
  'Verifications of every audit chain of a cycle (its assessments and the cycle''s own), run by a job; each keeps its verdict.';
comment on column public.audit_verifications.id is 'Verification id.';
comment on column public.audit_verifications.cycle_id is 'The cycle verified.';
comment on column public.audit_verifications.requested_by is 'The central administrator who asked (null for the scheduled one).';
comment on column public.audit_verifications.requested_at is 'When it was asked.';
comment on column public.audit_verifications.finished_at is 'When the job finished (null while queued).';
comment on column public.audit_verifications.chains is 'Chains verified.';
comment on column public.audit_verifications.events is 'Events verified.';
comment on column public.audit_verifications.holds is 'True when every chain holds.';
comment on column public.audit_verifications.broken is 'The broken chains: chain (assessment or cycle id), first broken event and what is wrong.';

create index audit_verifications_cycle on public.audit_verifications (cycle_id, requested_at desc);
create index audit_verifications_queued on public.audit_verifications (requested_at) where finished_at is null;

alter table public.audit_verifications enable row level security;
grant select on public.audit_verifications to authenticated, service_role;
create policy "The central administrator reads the audit verifications" on public.audit_verifications
  for select to authenticated using ((select private.is_administrator()));
comment on policy "The central administrator reads the audit verifications" on public.audit_verifications is
  'Only an active central administrator reads the verdicts of whole cycles'' audit verifications.';

create function public.request_audit_verification(p_cycle_id uuid)
returns public.audit_verifications
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_verification public.audit_verifications;
begin
  perform private.cycle_for_update(p_cycle_id, 'verify the audit trail of a cycle');
  insert into public.audit_verifications (cycle_id, requested_by) values (p_cycle_id, (select auth.uid()))
  returning * into v_verification;
  return v_verification;
end;
$$;
comment on function public.request_audit_verification(uuid) is
  'Central administrator: queues a verification of every audit chain of the cycle; a job runs it within a minute and stores the verdict in audit_verifications. Errors: 42501, VA007.';

revoke all on function public.request_audit_verification(uuid) from public, anon;
grant execute on function public.request_audit_verification(uuid) to authenticated;

create function private.run_audit_verifications()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_verification public.audit_verifications;
  v_done integer := 0;
begin
  for v_verification in
    select * from public.audit_verifications where finished_at is null order by requested_at, id
    for update skip locked
  loop
    update public.audit_verifications v
    set finished_at = clock_timestamp(), chains = verdict.chains, events = verdict.events,
        holds = verdict.broken = '[]', broken = verdict.broken
    from (
      select count(*)::integer as chains, coalesce(sum(chain.events), 0)::bigint as events,
             coalesce(jsonb_agg(jsonb_build_object('chain', keys.chain_key, 'eventId', chain.first_broken_event_id,
                                                   'problem', chain.problem) order by keys.chain_key)
                      filter (where not chain.holds), '[]') as broken
      from (select id as chain_key from public.assessments where cycle_id = v_verification.cycle_id
            union all select v_verification.cycle_id) as keys
      cross join lateral private.verify_event_chain(keys.chain_key) as chain
    ) as verdict
    where v.id = v_verification.id;
    v_done := v_done + 1;
  end loop;
  return v_done;
end;
$$;
comment on function private.run_audit_verifications() is
  'Run every minute by pg_cron: verifies every chain of each queued cycle verification (its assessments and the cycle''s own) and stores the verdict. Returns how many it ran.';

select cron.schedule('vantage-audit-verifications', '* * * * *', 'select private.run_audit_verifications()');
