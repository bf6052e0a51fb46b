import type { Sql } from "./db.ts";

/**
 * Why the caller reads no official result of an assessment: `not_official` when it reads the
 * assessment but no official result of it yet (not yet validated, or a barangay's own before
 * completion), `forbidden` when it does not read the assessment (or it does not exist).
 */
export async function unreadableOfficialResult(
  tx: Sql,
  assessmentId: string,
): Promise<"forbidden" | "not_official"> {
  const [assessment] = await tx<{ status: string }[]>`
    select status from public.assessments where id = ${assessmentId}`;
  return assessment && assessment.status !== "completed" ? "not_official" : "forbidden";
}
