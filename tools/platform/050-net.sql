-- Platform stand-in: pg_net's `net` schema. `net.http_post` has pg_net's signature and queues the
-- request; the local worker (tools/pgnet-worker.ts) sends it after commit, woken by NOTIFY, and
-- records the outcome in `net._http_response` as pg_net does. Used only where pg_net itself is
-- not installed.

create schema if not exists net authorization supabase_admin;

create unlogged table if not exists net.http_request_queue (
  id bigserial primary key,
  method text not null,
  url text not null,
  headers jsonb not null,
  body bytea,
  timeout_milliseconds integer not null
);

create unlogged table if not exists net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out boolean,
  error_msg text,
  created timestamptz not null default now()
);
create index if not exists _http_response_created_idx on net._http_response (created);

create or replace function net.http_post(
  url text,
  body jsonb default '{}'::jsonb,
  params jsonb default '{}'::jsonb,
  headers jsonb default '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds integer default 5000
) returns bigint
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  request_id bigint;
  query_string text;
begin
  select string_agg(pg_catalog.format('%s=%s', key, value), '&')
    into query_string
    from pg_catalog.jsonb_each_text(coalesce(params, '{}'::jsonb));

  insert into net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  values (
    'POST',
    case when query_string is null then url else url || '?' || query_string end,
    coalesce(headers, '{}'::jsonb),
    pg_catalog.convert_to(body::text, 'UTF8'),
    timeout_milliseconds
  )
  returning id into request_id;

  perform pg_catalog.pg_notify('net_http_request_queue', request_id::text);
  return request_id;
end
$$;

revoke all on function net.http_post(text, jsonb, jsonb, jsonb, integer) from public;
grant execute on function net.http_post(text, jsonb, jsonb, jsonb, integer) to postgres, service_role;
-- pg_net's own grants: its schema, tables and sequences to PUBLIC (its functions are granted by
-- the platform to the API roles and postgres only).
grant usage on schema net to public;
grant all on all tables in schema net to public;
grant all on all sequences in schema net to public;
