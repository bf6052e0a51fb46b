import { type ChildProcess, spawn } from "node:child_process";
import { repoRoot } from "../../tools/lib/paths.ts";
import { run } from "../../tools/lib/processes.ts";

/**
 * An npm script run as a person runs it in a terminal: in a process group of its own, so that
 * `interrupt` delivers Ctrl-C to every process of the group, as the terminal would.
 */
export class NpmProcess {
  output = "";
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on("data", (chunk) => (this.output += chunk));
    }
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
  }

  static spawn(args: string[], env: Record<string, string>): NpmProcess {
    return new NpmProcess(
      spawn("npm", args, {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves once the output matches `pattern`; rejects, with the output, on exit or timeout. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (!this.running) throw new Error(`exited before ${pattern}:\n${this.output}`);
      if (Date.now() > deadline) {
        throw new Error(`no ${pattern} in ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The data directory the stack reports using. */
  clusterDir(): string {
    const match = this.output.match(/(?:reusing the cluster in|cluster in) (\S+)/);
    if (!match) throw new Error(`no cluster folder in:\n${this.output}`);
    return match[1];
  }

  databaseUrl(): string {
    const match = this.output.match(/Database URL\s+(\S+)/);
    if (!match) throw new Error(`no database URL in:\n${this.output}`);
    return match[1];
  }

  /** Ctrl-C: SIGINT to the whole group; waits for the npm process to exit (then SIGKILL). */
  async interrupt(graceMs = 60_000): Promise<void> {
    if (!this.running || this.child.pid === undefined) return;
    process.kill(-this.child.pid, "SIGINT");
    const timer = setTimeout(() => this.signalGroup("SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /**
   * Processes still alive after the stack stopped: any member of its process group, and any
   * Postgres serving its cluster (pg_ctl starts Postgres in a session of its own).
   */
  async leftovers(): Promise<string[]> {
    const { stdout } = await run("ps", ["-eo", "pgid=,args="]);
    const cluster = this.clusterDir();
    return stdout.split("\n").map((line) => line.trim()).filter((line) => {
      const [pgid, ...args] = line.split(/\s+/);
      return Number(pgid) === this.child.pid || args.join(" ").includes(cluster);
    });
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-(this.child.pid ?? 0), signal);
    } catch {
      // The group has gone already.
    }
  }
}
