import type { Sql } from "../_shared/db.ts";
import { insertUser, waitFor } from "../classify/test-fixtures.ts";

/**
 * The demo data of supabase/seed.sql the reports tests read: its cycle, users and completed
 * assessments, whose official results the classify function stores once the test stack runs.
 */

export const CYCLE = "c0000000-0000-4000-8000-000000002025";
export const assessment = (n: number) =>
  `a0000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
export const barangay = (n: number) =>
  `b0000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;
export const COMPLETED = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map(assessment);
export const USERS = {
  mlgoo: "00000000-0000-4000-8000-000000000001",
  assessor: "00000000-0000-4000-8000-000000000101",
  validator: "00000000-0000-4000-8000-000000000201",
  alipit: "00000000-0000-4000-8000-000000000301",
  calios: "00000000-0000-4000-8000-000000000304",
  katuparan: "00000000-0000-4000-8000-000000000401",
  oversightLaguna: "00000000-0000-4000-8000-000000000501",
  administrator: "00000000-0000-4000-8000-000000000601",
  mlgooPagsanjan: "00000000-0000-4000-8000-000000001001",
  validatorPagsanjan: "00000000-0000-4000-8000-000000001201",
};

/**
 * Waits for the seeded official results, then adds a barangay user of Patimbao (13), which the
 * seed gives no login; `remove` deletes that user.
 */
export async function seededReports(
  sql: Sql,
): Promise<{ patimbao: string; remove: () => Promise<void> }> {
  await waitFor(async () => {
    const [{ n }] = await sql<{ n: number }[]>`
      select count(distinct assessment_id)::integer as n from public.classification_results
      where kind = 'official' and assessment_id = any(${COMPLETED})`;
    return n === COMPLETED.length ? n : undefined;
  }, 90_000);
  const patimbao = await insertUser(sql, "blgu", barangay(13), null);
  return {
    patimbao,
    remove: async () => void await sql`delete from auth.users where id = ${patimbao}`,
  };
}
