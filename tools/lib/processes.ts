import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type CommandResult = { code: number; stdout: string; stderr: string };
export type CommandOptions = {
  cwd?: string;
  env?: Record<string, string | undefined>;
};

export const runningAsRoot = process.getuid?.() === 0;

/** Postgres refuses to run as root: when we are root, its programs run as the `postgres` OS user. */
export function asDatabaseUser(
  command: string,
  args: string[],
): [string, string[]] {
  return runningAsRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

/** Whether the `postgres` OS user may enter `folder` (and so every folder on the way to it). */
export async function databaseUserMayEnter(folder: string): Promise<boolean> {
  const [command, args] = asDatabaseUser("test", ["-x", folder]);
  return (await run(command, args)).code === 0;
}

/** The home folder of the `postgres` OS user (Debian: /var/lib/postgresql). */
export async function databaseUserHome(): Promise<string> {
  const { stdout } = await runChecked("getent", ["passwd", "postgres"]);
  return stdout.trim().split(":")[5];
}

/** Runs a command to completion and collects its output. */
export function run(
  command: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like `run`, but a non-zero exit becomes an error carrying the command's output. */
export async function runChecked(
  command: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${result.code}\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

/** Prefixes every line a long-running child prints, so several services can share one terminal. */
export function pipeLines(child: ChildProcess, prefix: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on(
      "line",
      (line) => console.log(`${prefix} ${line}`),
    );
  }
}

/** Sends SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
export function terminate(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
