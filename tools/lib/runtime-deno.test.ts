import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./processes.ts";
import { runtimeDeno, runtimeDenoEnv } from "./paths.ts";

/** `deno check` of one file with the edge runtime's Deno, as npm run lint checks functions. */
async function runtimeCheck(source: string) {
  const folder = await mkdtemp(path.join(tmpdir(), "vantage-runtime-deno-"));
  try {
    await writeFile(path.join(folder, "deno.json"), '{ "nodeModulesDir": "none", "lock": false }');
    await writeFile(path.join(folder, "index.ts"), source);
    return await run("node", [runtimeDeno, "check", path.join(folder, "index.ts")], {
      cwd: folder,
      env: { ...runtimeDenoEnv, NO_COLOR: "1" },
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe("the edge runtime's Deno", () => {
  it("is Deno 2.1", async () => {
    const { stdout } = await run("node", [runtimeDeno, "--version"], { env: runtimeDenoEnv });
    expect(stdout).toMatch(/^deno 2\.1\./);
  });

  it("refuses an API newer than the runtime, which the project's Deno accepts", async () => {
    const newer = await runtimeCheck('console.log(Uint8Array.fromBase64("AA=="));\n');
    expect(newer.code).not.toBe(0);
    expect(newer.stdout + newer.stderr).toContain("fromBase64");
    const older = await runtimeCheck('console.log(atob("AA=="));\n');
    expect(older.code).toBe(0);
  }, 60_000);
});
