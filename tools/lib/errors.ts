import { shutdown } from "./lifecycle.ts";

/** A failure the person running a command can fix; printed as its message, without a stack trace. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}

type ErrorDetails = Error & { code?: string; hint?: string };

/**
 * At most two lines for a failure nobody anticipated: what happened, and where to look next. The
 * stack trace is for whoever debugs the tooling, behind VANTAGE_DEBUG=1.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  const details = (error instanceof Error ? error : new Error(String(error))) as ErrorDetails;
  const firstLine = details.message.split("\n")[0];
  const what = details.name === "PostgresError"
    ? `Database error ${details.code}: ${firstLine}${details.hint ? ` (${details.hint})` : ""}`
    : `${details.name}: ${firstLine}`;
  return `${what}\nIf it persists, npm run db:reset rebuilds the database; ` +
    "VANTAGE_DEBUG=1 prints the full error.";
}

/**
 * Runs a command's main function. On failure, everything it started is stopped first, then the
 * failure is printed as `describeFailure` words it.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    await shutdown();
    console.error(process.env.VANTAGE_DEBUG ? error : describeFailure(error));
    process.exit(1);
  }
}
