import { databaseUrl } from "./cluster.ts";
import { connect } from "./database.ts";
import { UserFacingError } from "./errors.ts";
import { signClaims, userClaims } from "./jwt.ts";

type AuthUser = {
  id: string;
  email: string;
  phone: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  is_anonymous: boolean;
};

type HookResult = { claims?: Record<string, unknown>; error?: { message: string } };

/**
 * The access token Supabase Auth would issue to a seeded user at sign-in: the standard claims
 * with the user's own, passed through `public.custom_access_token_hook` (called as
 * supabase_auth_admin, as Auth does) when the hook exists.
 */
export async function userToken(
  port: number,
  email: string,
): Promise<{ token: string; claims: Record<string, unknown> }> {
  const sql = connect(databaseUrl(port));
  const auth = connect(databaseUrl(port, "supabase_auth_admin"));
  try {
    const [user] = await sql<AuthUser[]>`
      select id, email, phone, raw_app_meta_data, raw_user_meta_data, is_anonymous
      from auth.users where email = ${email}`;
    if (!user) {
      throw new UserFacingError(
        `No user with the e-mail ${email}: npm start lists the demo logins (README, "Demo logins")`,
      );
    }
    let claims = userClaims(user.id, {
      email: user.email,
      phone: user.phone ?? "",
      is_anonymous: user.is_anonymous,
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
    });
    const [{ hook }] = await sql<{ hook: boolean }[]>`
      select to_regprocedure('public.custom_access_token_hook(jsonb)') is not null as hook`;
    if (hook) {
      const event = { user_id: user.id, claims, authentication_method: "password" };
      const [{ result }] = await auth<{ result: HookResult }[]>`
        select public.custom_access_token_hook(${JSON.stringify(event)}::text::jsonb) as result`;
      if (result.error) throw new UserFacingError(`Sign-in refused: ${result.error.message}`);
      claims = result.claims ?? claims;
    }
    // Auth signs the hook's claims as they are.
    return { token: await signClaims(claims), claims };
  } finally {
    await Promise.all([sql.end(), auth.end()]);
  }
}
