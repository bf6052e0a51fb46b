import { createClient } from "@supabase/supabase-js";
import { temporaryPassword } from "../../supabase/functions/admin-users/password.ts";
import { connect } from "./database.ts";
import { UserFacingError } from "./errors.ts";

/** Where the first central administrator is made: a project's URL, service role key and database. */
export type Project = { supabaseUrl: string; serviceRoleKey: string; databaseUrl: string };

export type Administrator = { userId: string; email: string; temporaryPassword?: string };

/**
 * Makes `email` a central administrator: creates the account through Supabase Auth's admin API
 * (a temporary password, to be changed at the first sign-in) unless it exists, then gives it the
 * role with `private.create_office_user` as the database owner. An account created here is deleted
 * again when the role cannot be given, so nothing is left half made.
 */
export async function createAdministrator(
  project: Project,
  email: string,
  fullName: string,
): Promise<Administrator> {
  const address = email.trim().toLowerCase();
  const auth = createClient(project.supabaseUrl, project.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  }).auth.admin;
  // Prepared statements off: a project's pooler in transaction mode does not keep them.
  const sql = connect(project.databaseUrl, { prepare: false });
  try {
    const [existing] = await sql<{ id: string }[]>`
      select id from public.profiles where lower(email) = ${address}`;
    let created: { userId: string; password: string } | undefined;
    if (!existing) {
      const password = temporaryPassword();
      const { data, error } = await auth.createUser({
        email: address,
        password,
        email_confirm: true,
        user_metadata: { full_name: fullName },
      });
      if (error || !data.user) {
        throw new UserFacingError(
          `Supabase Auth at ${project.supabaseUrl} refused to create the account: ${
            error?.message ?? "no user returned"
          }`,
        );
      }
      created = { userId: data.user.id, password };
    }
    try {
      const [profile] = await sql<{ id: string }[]>`
        select id from private.create_office_user(${address}, 'administrator')`;
      return { userId: profile.id, email: address, temporaryPassword: created?.password };
    } catch (error) {
      if (created) await auth.deleteUser(created.userId);
      throw error;
    }
  } finally {
    await sql.end();
  }
}
