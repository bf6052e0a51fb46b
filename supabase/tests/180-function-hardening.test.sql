-- Every public security definer function (the workflow, administration and reading functions the API
-- exposes), as the catalog lists them, so that a new one cannot be forgotten: an empty search_path,
-- callable by signed-in users only (never anon), and described for Studio and rpc users.

begin;
select plan(4);

create temporary table definer_functions as
select p.oid, p.oid::regprocedure::text as signature from pg_proc p
where p.pronamespace = 'public'::regnamespace and p.prosecdef;

select isnt_empty('select * from definer_functions', 'pg_proc lists the public security definer functions');
select is_empty($$ select d.signature from definer_functions d join pg_proc p using (oid)
                   where not coalesce(p.proconfig @> array['search_path=""'], false) $$,
  'each has an empty search_path');
select is_empty($$ select signature from definer_functions
                   where not has_function_privilege('authenticated', oid, 'execute')
                      or has_function_privilege('anon', oid, 'execute') $$,
  'each is executable by authenticated and not by anon');
select is_empty($$ select signature from definer_functions where obj_description(oid, 'pg_proc') is null $$,
  'each has a comment');

select * from finish();
rollback;
