-- Studio explains every table, column and function of the API to administrators, and
-- public.error_codes explains every SQLSTATE a Vantage function raises.
begin;
select plan(4);

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

select set_eq($$
  select distinct raised[1] from pg_proc p
  cross join lateral regexp_matches(p.prosrc, '(?:errcode\s*=|code\s*:=)\s*''([^'']+)''', 'g') as raised
  where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
$$, 'select code from public.error_codes',
  'public.error_codes lists exactly the SQLSTATEs that Vantage functions raise, and the codes that lead Storage''s refusals');

select * from finish();
rollback;
