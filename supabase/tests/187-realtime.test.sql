-- Realtime streams the changes of the tables in the supabase_realtime publication: in-app
-- notifications reach the frontend live (README, "In-app notifications, live"), and nothing else
-- is published.
begin;
select plan(1);

select set_eq(
  $$select schemaname::text || '.' || tablename::text from pg_publication_tables
    where pubname = 'supabase_realtime'$$,
  array['public.notifications'],
  'public.notifications, and only it, is in the supabase_realtime publication'
);

select * from finish();
rollback;
