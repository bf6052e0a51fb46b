import { shutdown } from "./lifecycle.ts";

/** A failure the person running a command can fix; printed as one line, without a stack trace. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}

/**
 * Runs a command's main function. On failure, everything it started is stopped first; a
 * UserFacingError is then printed as its message alone.
 */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    await shutdown();
    console.error(error instanceof UserFacingError ? error.message : error);
    process.exit(1);
  }
}
