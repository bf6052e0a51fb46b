// The README's account administration example ("Accounts: onboarding by the MLGOO"), type-checked
// by `npm run lint`; readme.test.ts keeps the README's copy identical, and the admin-users
// function's tests (supabase/functions/admin-users) prove the answers it relies on.
// What a real frontend gets from its own state:
declare const SUPABASE_URL: string;
declare const SUPABASE_ANON_KEY: string;
declare const csvText: string;
declare const userId: string;
declare function showOnce(email: string, temporaryPassword: string): void;
declare function markField(field: string, message: string): void;

// #region readme
import { createClient, FunctionsHttpError } from "@supabase/supabase-js";
import type { Database } from "../../supabase/database.types.ts";

const supabase = createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY);
// Signed in as the MLGOO (or the central administrator): invoke sends the session's token.

type Account = {
  id: string;
  email: string;
  fullName: string;
  role: string;
  barangayId: string | null;
  areaCode: number | null;
  cityMunicipalityCode: string | null;
  mustChangePassword: boolean;
};
type Problem = {
  code: string;
  message: string;
  field?: string;
  hint?: string;
  rows?: { line: number; field: string; message: string }[];
};

// A refusal is JSON {"error": {code, message, field?, hint?, rows?}} with a 4xx status.
async function problemOf(error: unknown): Promise<Problem | undefined> {
  return error instanceof FunctionsHttpError
    ? ((await error.context.json()) as { error: Problem }).error
    : undefined;
}

// One account: a barangay secretary of the MLGOO's municipality (the barangay by name or code).
const { data: created, error } = await supabase.functions.invoke<
  { account: Account; temporaryPassword: string }
>("admin-users", {
  body: {
    email: "secretary.alipit@example.gov.ph",
    fullName: "Maria Santos",
    role: "blgu",
    barangay: "Alipit",
    language: "fil",
  },
});
if (created) showOnce(created.account.email, created.temporaryPassword); // never shown again
else {
  const problem = await problemOf(error); // 400 field, 403 scope, 409 e-mail in use
  if (problem) markField(problem.field ?? "email", problem.message);
}

// A CSV file: every row checked first (nothing created if one is refused), then one outcome each.
const { data: imported, error: importError } = await supabase.functions.invoke<{
  created: number;
  exists: number;
  failed: number;
  rows: { line: number; email: string; outcome: string; temporaryPassword?: string }[];
}>("admin-users/import", { body: csvText, headers: { "content-type": "text/csv" } });
for (const row of imported?.rows ?? []) {
  if (row.temporaryPassword) showOnce(row.email, row.temporaryPassword);
}
for (const row of (await problemOf(importError))?.rows ?? []) {
  markField(`line ${row.line}: ${row.field}`, row.message);
}

// A new temporary password (changed at the next sign-in); deactivation; a new role or scope.
const { data: reset } = await supabase.functions.invoke<
  { account: Account; temporaryPassword: string }
>(`admin-users/${userId}/password`, { method: "POST" });
if (reset) showOnce(reset.account.email, reset.temporaryPassword);
await supabase.functions.invoke(`admin-users/${userId}/deactivate`, { method: "POST" });
await supabase.functions.invoke(`admin-users/${userId}`, {
  method: "PATCH",
  body: { role: "assessor", area: 2 },
});
// #endregion readme
