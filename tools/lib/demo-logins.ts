import type { Sql } from "./database.ts";

export type DemoLogin = { email: string; role: string | null };

/** Seeded login users with their app role, once the seed and `public.profiles` exist. */
export async function demoLogins(sql: Sql): Promise<DemoLogin[]> {
  const [{ exists }] = await sql<{ exists: boolean }[]>`
    select to_regclass('public.profiles') is not null as exists`;
  if (!exists) return [];
  return await sql<DemoLogin[]>`
    select u.email, to_jsonb(p) ->> 'role' as role
    from auth.users u
    left join public.profiles p on p.id = u.id
    order by to_jsonb(p) ->> 'role', u.email`;
}
