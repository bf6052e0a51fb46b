-- Every workflow function: security definer with an empty search_path, callable by signed-in users
-- only (never anon), and described for Studio and rpc users.

begin;
select plan(4);

create temporary table workflow_functions as
select p.oid, p.proname from pg_proc p
where p.pronamespace = 'public'::regnamespace and p.proname in (
  'submit_area', 'approve_area', 'request_rework', 'flag_mov', 'add_comment', 'save_answers', 'save_checklist',
  'decide_leaf', 'request_calibration', 'submit_calibration', 'finalize_validation', 'approve_assessment',
  'override_decision', 'request_recalibration', 'submit_recalibration', 'reopen_assessment', 'lock_assessment',
  'unlock_assessment', 'extend_deadline', 'activate_cycle', 'publish_cycle');

select is((select count(*)::int from workflow_functions), 21, 'All 21 workflow functions exist');
select is_empty($$ select w.proname from workflow_functions w join pg_proc p using (oid)
                   where not p.prosecdef or not coalesce(p.proconfig @> array['search_path=""'], false) $$,
  'Each is security definer with an empty search_path');
select is_empty($$ select proname from workflow_functions
                   where not has_function_privilege('authenticated', oid, 'execute')
                      or has_function_privilege('anon', oid, 'execute') $$,
  'Each is executable by authenticated and not by anon');
select is_empty($$ select proname from workflow_functions where obj_description(oid, 'pg_proc') is null $$,
  'Each has a comment');

select * from finish();
rollback;
