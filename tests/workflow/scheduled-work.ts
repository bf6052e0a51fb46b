// Running the scheduled work as pg_cron does, for tests of procedures that commit per batch.
import type { Sql } from "postgres";
import { connect } from "../../tools/lib/database.ts";

/**
 * Calls a procedure as pg_cron does: in a session of its own, outside any transaction (a procedure
 * may commit only there). `call` is the statement, with its parameters bound by the caller.
 */
export async function callAsCron(
  databaseUrl: string,
  call: (session: Sql) => Promise<unknown>,
): Promise<void> {
  const session = connect(databaseUrl, { max: 1 });
  try {
    await call(session);
  } finally {
    await session.end({ timeout: 1 });
  }
}

/** Pauses (or resumes) a pg_cron job, so that only a test's own runs act meanwhile. */
export function setCronJobActive(admin: Sql, jobName: string, active: boolean) {
  return admin`select cron.alter_job(jobid, active => ${active}) from cron.job where jobname = ${jobName}`;
}
