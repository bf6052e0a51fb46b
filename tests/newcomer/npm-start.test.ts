// The README's run command as a newcomer uses it: `npm start` on a fresh data directory, a
// health check, a token from `npm run token`, one workflow call as that user, the MLGOO onboarding a
// barangay secretary through admin-users (the Auth admin stand-in behind it), the seeded failing
// assessments' CapDev agendas once the pipeline has run, Ctrl-C, and nothing
// left behind; then a second start that reuses the cluster, and `npm run db:reset` against it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, isPortInUse } from "../../tools/lib/cluster.ts";
import { connect } from "../../tools/lib/database.ts";
import { repoRoot } from "../../tools/lib/paths.ts";
import { run } from "../../tools/lib/processes.ts";
import { NpmProcess } from "./npm-process.ts";

const ALIPIT = {
  email: "blgu-alipit@vantage.local",
  assessmentId: "a0000000-0000-4000-8000-000000000001",
};
const STARTUP_MS = 240_000;
const SEEDED_COMPLETED = 10;
const AGENDA_MS = 120_000;

/** Polls `probe` every second until it returns a value, or fails after `ms`. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

describe("npm start, as a newcomer runs it", () => {
  // A `mktemp -d` folder is private to its owner: as root, the postgres OS user cannot enter it.
  const parent = mkdtempSync(path.join(tmpdir(), "vantage-start-"));
  const env: Record<string, string> = { VANTAGE_DATA_DIR: path.join(parent, "db") };
  const clusterDirs = new Set<string>();
  const started: NpmProcess[] = [];

  const start = async () => {
    const stack = NpmProcess.spawn(["start"], env);
    started.push(stack);
    await stack.waitFor(/Vantage local stack is running/, STARTUP_MS);
    clusterDirs.add(stack.clusterDir());
    return stack;
  };
  const npmRun = (args: string[], overrides: Record<string, string> = {}) =>
    run("npm", ["run", "--silent", ...args], { cwd: repoRoot, env: { ...env, ...overrides } });

  beforeAll(async () => {
    env.VANTAGE_DB_PORT = String(await freePort());
    env.VANTAGE_FUNCTIONS_PORT = String(await freePort());
  });

  afterAll(async () => {
    await Promise.all(started.map((stack) => stack.interrupt()));
    for (const folder of [...clusterDirs, parent]) rmSync(folder, { recursive: true, force: true });
  });

  it("starts on a fresh data directory, serves, and stops everything on Ctrl-C", async () => {
    const stack = await start();
    expect(stack.output).toContain("applying platform, migrations and seed");
    if (process.getuid?.() === 0) {
      expect(stack.output).toContain(`the postgres OS user cannot enter ${env.VANTAGE_DATA_DIR}`);
    }

    const health = await fetch(
      `http://127.0.0.1:${env.VANTAGE_FUNCTIONS_PORT}/functions/v1/health`,
    );
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });

    const token = await npmRun(["token", "--", ALIPIT.email]);
    expect(token.code, token.stderr).toBe(0);
    const claims = decodeJwt(token.stdout.trim());
    expect(claims).toMatchObject({ role: "authenticated", app_role: "blgu" });

    const sql = connect(stack.databaseUrl());
    try {
      const [{ result }] = await sql.begin(async (tx) => {
        await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
        await tx`set local role authenticated`;
        return await tx`select public.submit_area(${ALIPIT.assessmentId}, 3::smallint) as result`;
      });
      expect(result).toHaveProperty("incompleteLeaves");
      const [{ status }] = await sql`
        select status from public.assessment_areas
        where assessment_id = ${ALIPIT.assessmentId} and area_code = 3`;
      expect(status).toBe("submitted");

      // The pipeline classifies the seeded completed assessments; each failing one gets its CapDev
      // agenda, every sub-indicator its result fails listed once.
      const agendas = await eventually(async () => {
        const rows = await sql<{ passed: boolean; items: number; failing: number }[]>`
          select o.passed,
                 (select count(*)::integer from public.capdev_agenda_items i where i.result_id = g.result_id) as items,
                 (select count(distinct f ->> 'leafCode')::integer
                  from jsonb_array_elements(o.result -> 'areas') area,
                       jsonb_array_elements(area -> 'failures') f) as failing
          from public.official_results o
          join public.capdev_agendas g on g.result_id = o.result_id
          where o.completed`;
        return rows.length === SEEDED_COMPLETED ? rows : undefined;
      }, AGENDA_MS);
      const failing = agendas.filter((agenda) => !agenda.passed);
      expect(failing).toHaveLength(5);
      for (const agenda of failing) {
        expect(agenda.items).toBeGreaterThan(0);
        expect(agenda.items).toBe(agenda.failing);
      }
    } finally {
      await sql.end();
    }

    // The MLGOO onboards a barangay secretary of Santa Cruz, and none of Pagsanjan's barangays.
    const mlgoo = await npmRun(["token", "--", "mlgoo@vantage.local"]);
    expect(mlgoo.code, mlgoo.stderr).toBe(0);
    const onboard = (barangay: string) =>
      fetch(`http://127.0.0.1:${env.VANTAGE_FUNCTIONS_PORT}/functions/v1/admin-users`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${mlgoo.stdout.trim()}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          email: `secretary-${barangay}@newcomer.test`,
          fullName: "New Secretary",
          role: "blgu",
          barangay,
        }),
      });
    const own = await onboard("Alipit");
    const created = await own.json() as { account: { role: string }; temporaryPassword: string };
    expect(own.status, JSON.stringify(created)).toBe(201);
    expect(created.account.role).toBe("blgu");
    expect(created.temporaryPassword).toMatch(/^\S{19}$/);
    const other = await onboard("043422001");
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: "forbidden", field: "barangay" } });

    await stack.interrupt();
    expect(await stack.leftovers()).toEqual([]);
    for (const port of [env.VANTAGE_DB_PORT, env.VANTAGE_FUNCTIONS_PORT]) {
      expect(await isPortInUse(Number(port)), `port ${port}`).toBe(false);
    }
  }, STARTUP_MS + AGENDA_MS + 60_000);

  it("refuses a port the Supabase CLI reserves in one line, without a stack trace", async () => {
    const refused = await npmRun(["start"], { VANTAGE_DB_PORT: "54322" });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      "Port 54322 is reserved for the Supabase CLI's Docker database; choose another VANTAGE_DB_PORT.",
    );
  });

  it(
    "a second start reuses the cluster without a reset, and db:reset works while it runs",
    async () => {
      const stack = await start();
      expect(stack.output).toContain("reusing the cluster in");
      expect(stack.output).not.toContain("Applying migration");
      expect(clusterDirs.size).toBe(1);

      // Starting it again says so in one line and leaves the running stack alone.
      const again = await npmRun(["start"]);
      expect(again.code).toBe(1);
      expect(again.stderr.trim()).toMatch(/^Port \d+ is in use: the stack may be running already/);
      expect(again.stderr.trim().split("\n")).toHaveLength(1);

      const sql = connect(stack.databaseUrl());
      const areaStatus = async () =>
        (await sql`
        select status from public.assessment_areas
        where assessment_id = ${ALIPIT.assessmentId} and area_code = 3`)[0].status;
      try {
        expect(await areaStatus()).toBe("submitted");
        const reset = await npmRun(["db:reset"]);
        expect(reset.code, reset.stderr).toBe(0);
        expect(await areaStatus()).toBe("draft");
      } finally {
        await sql.end();
      }

      await stack.interrupt();
      expect(await stack.leftovers()).toEqual([]);
    },
    STARTUP_MS + 120_000,
  );
});
