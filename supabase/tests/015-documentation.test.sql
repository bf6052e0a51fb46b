-- Studio explains every table, column, function and policy of the API to administrators, and
-- public.error_codes explains every SQLSTATE a Vantage function raises.
begin;
select plan(6);

select is_empty($$
  select c.relname from pg_class c
  where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v') and obj_description(c.oid, 'pg_class') is null
$$, 'every public table and view has a comment');

select is_empty($$
  select c.relname || '.' || a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
  where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v')
    and a.attnum > 0 and not a.attisdropped and col_description(c.oid, a.attnum) is null
$$, 'every column of a public table or view has a comment');

select is_empty($$
  select p.proname from pg_proc p
  where p.pronamespace = 'public'::regnamespace and obj_description(p.oid, 'pg_proc') is null
$$, 'every public function has a comment');

-- Postgres cuts identifiers at 63 bytes: a name that long was cut (and Studio, pg_policies and the
-- advisors show it cut). Policies have short sentence names; the full rule is their comment.
select is_empty($$
  select c.relname || ': ' || pol.polname from pg_policy pol join pg_class c on c.oid = pol.polrelid
  where octet_length(pol.polname) >= 63
$$, 'every policy name is shorter than 63 bytes, so none is cut');

select is_empty($$
  select c.relnamespace::regnamespace || '.' || c.relname || ': ' || pol.polname
  from pg_policy pol join pg_class c on c.oid = pol.polrelid
  where c.relnamespace in ('public'::regnamespace, 'storage'::regnamespace)
    and obj_description(pol.oid, 'pg_policy') is null
$$, 'every policy (public tables and storage) has a comment stating its full rule');

select set_eq($$
  select distinct raised[1] from pg_proc p
  cross join lateral regexp_matches(p.prosrc, '(?:errcode\s*=|code\s*:=)\s*''([^'']+)''', 'g') as raised
  where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
$$, 'select code from public.error_codes',
  'public.error_codes lists exactly the SQLSTATEs that Vantage functions raise, and the codes that lead Storage''s refusals');

select * from finish();
rollback;
