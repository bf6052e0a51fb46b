import { strict as assert } from "node:assert";
import { asUser, testDatabase } from "../classify/test-fixtures.ts";
import { assessment, CYCLE, seededReports, USERS } from "./test-seed.ts";

// The dashboard and gap analysis functions (migration 20261207500000_reports.sql) as each role
// calls them with supabase.rpc, over the seed's completed assessments and their official results.

const sql = testDatabase();
const seeded = seededReports(sql);
const patimbao = seeded.then(({ patimbao }) => patimbao);

type Row = Record<string, unknown>;

/** postgres.js results as plain arrays of plain rows, for deepEqual. */
const plain = (rows: readonly Row[]) => rows.map((row) => ({ ...row }));

/** Every dashboard function of the cycle as `userId`. */
async function dashboard(userId: string) {
  return await asUser(sql, userId, async (tx) => ({
    status: plain(await tx<Row[]>`select * from public.report_status_distribution(${CYCLE})`),
    passRates: plain(await tx<Row[]>`select * from public.report_area_pass_rates(${CYCLE})`),
    mostFailed: plain(await tx<Row[]>`select * from public.report_most_failed_leaves(${CYCLE})`),
    bbis: plain(await tx<Row[]>`select * from public.report_bbi_distribution(${CYCLE})`),
    ranking: plain(await tx<Row[]>`select * from public.report_cycle_rollup(${CYCLE})`),
    weeks: plain(await tx<Row[]>`select * from public.report_submissions_per_week(${CYCLE})`),
    gaps: plain(await tx<Row[]>`select * from public.report_cycle_gap_analysis(${CYCLE})`),
  }));
}

const total = (rows: Row[], column: string) =>
  rows.reduce((sum, row) => sum + Number(row[column]), 0);

Deno.test("the MLGOO's dashboard covers every barangay and agrees with the official results", async () => {
  await seeded;
  const board = await dashboard(USERS.mlgoo);
  assert.equal(total(board.status, "assessments"), 26);
  assert.deepEqual(board.status.find((row) => row.status === "completed")?.assessments, 10);
  const overall = board.passRates.find((row) => row.area_code === null)!;
  assert.deepEqual([overall.assessed, overall.passed, overall.pass_rate], [10, 5, "50.0"]);
  assert.equal(board.passRates.length, 7);
  // 4.1.1 was decided unmet in Jasaan and Oogong.
  assert.deepEqual(board.mostFailed.find((row) => row.leaf_code === "4.1.1")?.failed, 2);
  assert.equal(Number(board.mostFailed[0].failed) >= 2, true);
  for (const bbi of board.bbis) {
    assert.equal(
      Number(bbi.highly_functional) + Number(bbi.moderately_functional) +
        Number(bbi.low_functional) + Number(bbi.non_functional),
      10,
    );
  }
  assert.equal(board.ranking.length, 26);
  assert.deepEqual(board.ranking.slice(0, 5).map((row) => row.passed), Array(5).fill(true));
  assert.equal(board.weeks.at(-1)?.cumulative, 13);
  const sentBack = board.gaps.filter((row) => Number(row.sent_back) > 0).map((row) =>
    row.leaf_code
  );
  assert.ok(sentBack.includes("2.1.4"));
});

Deno.test("a barangay's dashboard is its own assessment only", async () => {
  await seeded;
  const board = await dashboard(await patimbao);
  assert.deepEqual(board.status, [{ status: "completed", assessments: 1 }]);
  assert.deepEqual(board.ranking.map((row) => row.barangay), ["Patimbao"]);
  assert.deepEqual(
    board.passRates.find((row) => row.area_code === null),
    { area_code: null, area_name: "Overall (3+1)", assessed: 1, passed: 0, pass_rate: "0.0" },
  );
  assert.equal(board.weeks.at(-1)?.cumulative, 1);
  // Before completion a barangay sees its state, never a result.
  const calios = await dashboard(USERS.calios);
  assert.deepEqual(calios.status, [{ status: "awaiting_validation", assessments: 1 }]);
  assert.deepEqual([calios.passRates, calios.mostFailed, calios.bbis], [[], [], []]);
});

Deno.test("Katuparan reads no assessment through the dashboard; an assessor no result", async () => {
  await seeded;
  const katuparan = await dashboard(USERS.katuparan);
  for (const [name, rows] of Object.entries(katuparan)) assert.deepEqual(rows, [], name);
  const assessor = await dashboard(USERS.assessor);
  assert.deepEqual([assessor.passRates, assessor.mostFailed, assessor.bbis], [[], [], []]);
});

Deno.test("the gap analysis compares the frozen first submission with the official result", async () => {
  await seeded;
  const gaps = async (userId: string) =>
    plain(
      await asUser(sql, userId, (tx) =>
        tx<Row[]>`select * from public.report_gap_analysis(${assessment(13)})`),
    );
  const rows = await gaps(USERS.mlgoo);
  const byLeaf = new Map(rows.map((row) => [row.leaf_code, row]));
  assert.equal(byLeaf.get("2.1.2")?.change, "fixed");
  assert.equal(byLeaf.get("2.1.4")?.change, "still_unmet");
  assert.deepEqual(byLeaf.get("2.1.4")?.sent_back, ["rework", "calibration"]);
  assert.equal(byLeaf.get("1.1.1")?.change, "kept");
  assert.deepEqual(byLeaf.get("1.1.1")?.sent_back, []);
  assert.deepEqual(await gaps(await patimbao), rows);
  assert.deepEqual(await gaps(USERS.alipit), []);
});

const rollback = new Error("rolled back");

/** Katuparan's dashboard, with the demo cycle published first when asked; nothing is kept. */
async function katuparanDashboard(published: boolean): Promise<Row | string> {
  let outcome: Row | string = "";
  await sql.begin(async (tx) => {
    if (published) {
      await tx`select private.declare_workflow_write()`;
      await tx`update public.cycles set is_published = true, published_at = now() where id = ${CYCLE}`;
    }
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: USERS.katuparan, role: "authenticated" })
    }, true)`;
    await tx`set local role authenticated`;
    await tx`savepoint attempt`;
    try {
      const [row] = await tx<{ dashboard: Row }[]>`
        select public.report_published_dashboard(${CYCLE}) as dashboard`;
      outcome = row.dashboard;
    } catch (error) {
      outcome = (error as { code: string }).code;
      await tx`rollback to savepoint attempt`;
    }
    throw rollback;
  }).catch((error) => {
    if (error !== rollback) throw error;
  });
  return outcome;
}

Deno.test("Katuparan's dashboard of a published cycle is counts over at least 5 barangays", async () => {
  await seeded;
  assert.equal(await katuparanDashboard(false), "VA001");
  const board = await katuparanDashboard(true) as Row;
  assert.equal(board.completed, 10);
  assert.equal(board.suppressed, false);
  const mlgoo = await dashboard(USERS.mlgoo);
  assert.deepEqual(
    board.passRates,
    JSON.parse(JSON.stringify(mlgoo.passRates)).map(
      (row: Row) => ({ ...row, pass_rate: Number(row.pass_rate) }),
    ),
  );
  assert.equal((board.mostFailedLeaves as Row[]).length, mlgoo.mostFailed.length);
  assert.equal((board.bbiDistribution as Row[]).length, mlgoo.bbis.length);
  assert.ok(!JSON.stringify(board).includes("Patimbao"));
});

Deno.test("cleanup", async () => {
  await (await seeded).remove();
  await sql.end();
});
