import { type AuthError, createClient, type SupabaseClient } from "@supabase/supabase-js";
import postgres from "postgres";
import { asCaller, type Claims, type Sql } from "../_shared/db.ts";
import type { LogFields } from "../_shared/log.ts";
import { csvColumn, type CsvRow, type RowError } from "./csv.ts";
import { temporaryPassword } from "./password.ts";
import type { AccountRequest, Delivery, ScopeRequest } from "./requests.ts";

/**
 * The account operations. Each asks the database first, as the caller, whether the caller may do
 * it (public.admin_account_check / admin_user_check: the one rule, in SQL); only then does it act
 * in Supabase Auth with the service role, and it records the outcome as the caller again (role,
 * scope, must_change_password, the event). What Auth did is undone when that record is refused.
 */

export type AuthAdmin = SupabaseClient["auth"]["admin"];

/** Supabase Auth's admin API with the service role key, which never leaves this function. */
export function authAdmin(
  supabaseUrl: string,
  serviceRoleKey: string,
  fetch?: typeof globalThis.fetch,
): AuthAdmin {
  return createClient(supabaseUrl, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    ...(fetch ? { global: { fetch } } : {}),
  }).auth.admin;
}

export type Context = { sql: Sql; auth: AuthAdmin; claims: Claims; log: LogFields };

/** An answer other than success: HTTP status, error code, message, and the field or hint. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A database refusal as the answer it means; any other error stays an error (500). */
export function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof Refusal) return error;
  if (!(error instanceof postgres.PostgresError)) return undefined;
  const hint = error.hint ? { hint: error.hint } : {};
  switch (error.code) {
    case "VA008":
      return new Refusal(400, "invalid_field", error.message, {
        ...(error.column_name ? { field: error.column_name } : {}),
        ...hint,
      });
    case "23505":
      return new Refusal(409, "email_in_use", error.message, { field: "email", ...hint });
    case "42501":
      return new Refusal(403, "forbidden", error.message, {
        ...(error.column_name ? { field: error.column_name } : {}),
        ...hint,
      });
    case "VA007":
      return new Refusal(404, "not_found", error.message, hint);
  }
  return undefined;
}

function authRefusal(error: AuthError | null, delivery: Delivery = "password"): Refusal {
  if (error?.code === "email_exists") {
    return new Refusal(409, "email_in_use", "An account with this e-mail exists already", {
      field: "email",
    });
  }
  if (delivery === "invite" && (error?.status ?? 500) >= 500) {
    return new Refusal(
      503,
      "invitation_not_sent",
      "Supabase Auth could not send the invitation e-mail: the project needs SMTP for invitations. " +
        "Create the account with a temporary password instead (leave out delivery=invite)",
    );
  }
  return new Refusal(
    502,
    "auth_failed",
    `Supabase Auth refused: ${error?.message ?? "no user returned"}`,
  );
}

type Profile = {
  id: string;
  email: string;
  full_name: string;
  role: string | null;
  barangay_id: string | null;
  area_code: number | null;
  city_municipality_code: string | null;
  oversight_scope_code: string | null;
  preferred_language: string;
  is_active: boolean;
  must_change_password: boolean;
};

/** An account as the function answers it. */
export function accountJson(profile: Profile) {
  return {
    id: profile.id,
    email: profile.email,
    fullName: profile.full_name,
    role: profile.role,
    barangayId: profile.barangay_id,
    areaCode: profile.area_code,
    cityMunicipalityCode: profile.city_municipality_code,
    oversightScopeCode: profile.oversight_scope_code,
    language: profile.preferred_language,
    isActive: profile.is_active,
    mustChangePassword: profile.must_change_password,
  };
}
export type Account = ReturnType<typeof accountJson>;

type Plan = {
  email: string;
  role: string;
  barangayId: string | null;
  areaCode: number | null;
  cityMunicipalityCode: string | null;
  oversightScopeCode: string | null;
};

const checkAccount = (tx: Sql, account: AccountRequest) =>
  tx<{ plan: Plan }[]>`
    select public.admin_account_check(${account.email}, ${account.role}::public.app_role,
      ${account.barangay ?? null}::text, ${account.area ?? null}::smallint,
      ${account.cityMunicipality ?? null}::text, ${account.oversightScope ?? null}::text) as plan`;

const asTheCaller = <T>(context: Context, query: (tx: Sql) => Promise<T>) =>
  asCaller(context.sql, context.claims, query);

export type Created = { account: Account; temporaryPassword?: string; invited?: true };

/**
 * Creates one account: the caller's right to it first, then the Auth user (a temporary password,
 * or an invitation e-mail), then its role, scope and event. When that last step is refused, the
 * Auth user is deleted again, so no account is left without its role.
 */
export async function createAccount(
  context: Context,
  account: AccountRequest,
  delivery: Delivery,
): Promise<Created> {
  const [{ plan }] = await asTheCaller(context, (tx) => checkAccount(tx, account));
  const password = delivery === "password" ? temporaryPassword() : undefined;
  const metadata = { full_name: account.fullName };
  const { data, error } = password
    ? await context.auth.createUser({
      email: plan.email,
      password,
      email_confirm: true,
      user_metadata: metadata,
    })
    : await context.auth.inviteUserByEmail(plan.email, { data: metadata });
  if (error || !data.user) throw authRefusal(error, delivery);
  const userId = data.user.id;
  try {
    const [profile] = await asTheCaller(context, (tx) =>
      tx<Profile[]>`
        select * from public.admin_create_account(${userId}, ${account.fullName},
          ${account.language}::public.ui_language, ${plan.role}::public.app_role,
          ${plan.barangayId}::uuid, ${plan.areaCode}::smallint, ${plan.cityMunicipalityCode}::text,
          ${plan.oversightScopeCode}::text, ${delivery === "invite"})`);
    return {
      account: accountJson(profile),
      ...(password ? { temporaryPassword: password } : { invited: true }),
    };
  } catch (error) {
    const { error: undoError } = await context.auth.deleteUser(userId);
    context.log.compensated = { userId, authUserDeleted: !undoError };
    if (undoError) {
      throw new Error(
        `The account ${userId} was created in Auth but its role was refused, and deleting it failed: ${undoError.message}`,
      );
    }
    throw error;
  }
}

export type RowOutcome =
  & { line: number; email: string }
  & (
    | { outcome: "created"; account: Account; temporaryPassword?: string; invited?: true }
    | { outcome: "exists" }
    | { outcome: "failed"; error: { code: string; message: string } & Record<string, unknown> }
  );

/**
 * Checks every row as the caller (each in its own savepoint), then creates nothing when any row is
 * refused (here, or already when it was read: `rowErrors`); otherwise creates each row's account,
 * reporting an e-mail already in use as "exists".
 */
export async function importAccounts(
  context: Context,
  rows: CsvRow[],
  rowErrors: RowError[],
  delivery: Delivery,
): Promise<RowOutcome[]> {
  const errors = [...rowErrors];
  const existing = new Set<number>();
  await asTheCaller(context, async (tx) => {
    for (const row of rows) {
      try {
        await (tx as unknown as postgres.TransactionSql).savepoint((savepoint) =>
          checkAccount(savepoint as unknown as Sql, row.account)
        );
      } catch (error) {
        const refusal = refusalOf(error);
        const rowRefusal = error instanceof postgres.PostgresError && error.column_name;
        if (refusal?.status === 409) existing.add(row.line);
        else if (refusal && rowRefusal) {
          errors.push({
            line: row.line,
            field: csvColumn(String(refusal.details.field ?? error.column_name)),
            message: refusal.message,
          });
        } else throw error;
      }
    }
  });
  if (errors.length > 0) {
    throw new Refusal(
      400,
      "invalid_rows",
      `${errors.length} row(s) cannot be onboarded: nothing was created`,
      { rows: errors.sort((a, b) => a.line - b.line) },
    );
  }
  const outcomes: RowOutcome[] = [];
  for (const { line, account } of rows) {
    const email = account.email;
    if (existing.has(line)) {
      outcomes.push({ line, email, outcome: "exists" });
      continue;
    }
    try {
      outcomes.push({
        line,
        email,
        outcome: "created",
        ...await createAccount(context, account, delivery),
      });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal?.status === 409) outcomes.push({ line, email, outcome: "exists" });
      else if (refusal) {
        outcomes.push({
          line,
          email,
          outcome: "failed",
          error: { code: refusal.code, message: refusal.message, ...refusal.details },
        });
      } else throw error;
    }
  }
  return outcomes;
}

/** A new temporary password for an account the caller administers, to be changed at next sign-in. */
export async function resetPassword(
  context: Context,
  userId: string,
): Promise<{ account: Account; temporaryPassword: string }> {
  await asTheCaller(context, (tx) => tx`select public.admin_user_check(${userId})`);
  const password = temporaryPassword();
  const { error } = await context.auth.updateUserById(userId, { password });
  if (error) throw authRefusal(error);
  try {
    const [profile] = await asTheCaller(
      context,
      (tx) => tx<Profile[]>`select * from public.admin_reset_password(${userId})`,
    );
    return { account: accountJson(profile), temporaryPassword: password };
  } catch (error) {
    // The old password is gone and the new one is not handed out: a new reset is needed.
    context.log.passwordChangedUnrecorded = userId;
    throw error;
  }
}

const BANNED = "876000h";

/**
 * Deactivates (a ban in Auth, which ends sign-in and token refresh; the profile, which ends data
 * access at once) or reactivates an account the caller administers. The ban is undone when the
 * profile's change is refused.
 */
export async function setActive(
  context: Context,
  userId: string,
  active: boolean,
): Promise<{ account: Account }> {
  const [before] = await asTheCaller(
    context,
    (tx) => tx<Profile[]>`select * from public.admin_user_check(${userId})`,
  );
  const { error } = await context.auth.updateUserById(userId, {
    ban_duration: active ? "none" : BANNED,
  });
  if (error) throw authRefusal(error);
  try {
    const [profile] = await asTheCaller(
      context,
      (tx) => tx<Profile[]>`select * from public.admin_set_user_active(${userId}, ${active})`,
    );
    return { account: accountJson(profile) };
  } catch (error) {
    await context.auth.updateUserById(userId, { ban_duration: before.is_active ? "none" : BANNED });
    throw error;
  }
}

/** Gives an account the caller administers another role or scope (no change in Auth). */
export async function changeRole(
  context: Context,
  userId: string,
  scope: ScopeRequest,
): Promise<{ account: Account }> {
  const [profile] = await asTheCaller(context, (tx) =>
    tx<Profile[]>`
      select * from public.admin_set_user_role(${userId}, ${scope.role}::public.app_role,
        case when ${scope.barangay ?? null}::text is null then null
             else public.admin_find_barangay(${scope.barangay ?? null}::text) end,
        ${scope.area ?? null}::smallint, ${scope.cityMunicipality ?? null}::text,
        ${scope.oversightScope ?? null}::text)`);
  return { account: accountJson(profile) };
}
