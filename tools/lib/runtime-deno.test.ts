import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./processes.ts";
import { runtimeDeno } from "./paths.ts";

/** Runs the edge runtime's Deno in `cwd`, as npm run lint and npm test do. */
const runtime = (args: string[], cwd?: string) =>
  run(runtimeDeno.command, [...runtimeDeno.args, ...args], {
    cwd,
    env: { ...runtimeDeno.env, NO_COLOR: "1" },
  });

/** `deno check` of one file with the edge runtime's Deno, as npm run lint checks functions. */
async function runtimeCheck(source: string) {
  const folder = await mkdtemp(path.join(tmpdir(), "vantage-runtime-deno-"));
  try {
    await writeFile(path.join(folder, "deno.json"), '{ "nodeModulesDir": "none", "lock": false }');
    await writeFile(path.join(folder, "index.ts"), source);
    return await runtime(["check", "index.ts"], folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe("the edge runtime's Deno", () => {
  it("is Deno 2.1", async () => {
    expect((await runtime(["--version"])).stdout).toMatch(/^deno 2\.1\./);
  });

  it("refuses an API newer than the runtime, and takes one it has", async () => {
    const newer = await runtimeCheck('console.log(Uint8Array.fromBase64("AA=="));\n');
    expect(newer.code).not.toBe(0);
    expect(newer.stdout + newer.stderr).toContain("fromBase64");
    const older = await runtimeCheck('console.log(atob("AA=="));\n');
    expect(older.code).toBe(0);
  }, 60_000);
});
