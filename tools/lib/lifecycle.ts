type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let shuttingDown: Promise<void> | undefined;

/** Registers work to undo on exit; runs in reverse order of registration. */
export function onShutdown(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

/** Runs every registered cleanup once, even if some of them fail. */
export function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(
          `cleanup failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
  })();
  return shuttingDown;
}

/** On Ctrl-C or SIGTERM: clean up, then exit with the conventional signal status. */
export function exitOnSignals(): void {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.on(signal, () => {
      void shutdown().then(() => process.exit(code));
    });
  }
}
