-- Platform stand-in: the publication Supabase Realtime streams `postgres_changes` from. The
-- platform's image creates it empty and owned by `postgres`; a migration adds the tables whose
-- changes clients may subscribe to.

do $$
begin
  if not exists (select from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime with (publish = 'insert, update, delete, truncate');
  end if;
end
$$;

alter publication supabase_realtime owner to postgres;
