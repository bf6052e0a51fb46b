import process from "node:process";
import { parseArgs } from "node:util";
import { databaseUrl } from "../tools/lib/cluster.ts";
import { connect, type Sql } from "../tools/lib/database.ts";
import { runMain } from "../tools/lib/errors.ts";
import { exitOnSignals, onShutdown, shutdown } from "../tools/lib/lifecycle.ts";
import { resetWithPlatform, startThrowawayCluster } from "../tools/lib/stack.ts";

/**
 * What the audit trail's hash chain costs a workflow write, on its own throwaway cluster: the
 * seeded MLGOO locks and unlocks assessments (each call one transaction that bumps the version,
 * records one event and notifies), in rounds alternating with and without the chaining trigger.
 * Prints the median time of a call both ways and the overhead (target: under 10 %).
 *
 *   deno run -A bench/audit.ts [--assessments 40] [--rounds 10]
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    assessments: { type: "string", default: "40" },
    rounds: { type: "string", default: "10" },
  },
});
const ASSESSMENTS = Number(options.assessments);
const ROUNDS = Number(options.rounds);
const MLGOO = "00000000-0000-4000-8000-000000000001";

async function seed(sql: Sql): Promise<string[]> {
  const [{ id: cycleId }] = await sql<{ id: string }[]>`
    insert into public.cycles (year, title, reviewed_year, catalog_edition)
    values (2098, 'Audit benchmark', 2097, '2024') returning id`;
  const rows = await sql<{ id: string }[]>`
    with barangays as (
      insert into public.barangays (psgc_code, name, city_municipality_code)
      select (970000000 + n)::text, 'Audit ' || n, '043426000'
      from generate_series(1, ${ASSESSMENTS}) as n
      returning id
    )
    insert into public.assessments (cycle_id, barangay_id)
    select ${cycleId}, id from barangays returning id`;
  return rows.map((row) => row.id);
}

type Timing = { call: number; transaction: number };

/**
 * One workflow call as the MLGOO, the way PostgREST makes it (claims, role, call, in one
 * transaction); returns the milliseconds of the call alone and of the whole transaction.
 */
async function call(
  sql: Sql,
  fn: "lock_assessment" | "unlock_assessment",
  assessmentId: string,
): Promise<Timing> {
  const begunAt = performance.now();
  const callMs = await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: MLGOO, role: "authenticated" })
    }, true)`;
    await tx`set local role authenticated`;
    const startedAt = performance.now();
    if (fn === "lock_assessment") {
      await tx`select public.lock_assessment(${assessmentId}, 'Benchmark')`;
    } else {
      await tx`select public.unlock_assessment(${assessmentId})`;
    }
    return performance.now() - startedAt;
  });
  return { call: callMs, transaction: performance.now() - begunAt };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function main() {
  exitOnSignals();
  const cluster = await startThrowawayCluster();
  console.log(
    `[bench] throwaway cluster on port ${cluster.port}: applying platform, migrations and seed`,
  );
  await resetWithPlatform(cluster.port);
  const sql = connect(databaseUrl(cluster.port), { max: 2 });
  onShutdown(() => sql.end({ timeout: 2 }));
  const assessments = await seed(sql);

  const timings = { chained: [] as Timing[], unchained: [] as Timing[] };
  const round = async (mode: keyof typeof timings) => {
    await sql.unsafe(
      `alter table public.events ${mode === "chained" ? "enable" : "disable"} trigger chain_event`,
    );
    for (const assessmentId of assessments) {
      timings[mode].push(await call(sql, "lock_assessment", assessmentId));
      timings[mode].push(await call(sql, "unlock_assessment", assessmentId));
    }
  };
  await round("chained"); // warm-up: plans and caches
  timings.chained.length = 0;
  for (let index = 0; index < ROUNDS; index++) {
    const order: (keyof typeof timings)[] = index % 2 === 0
      ? ["chained", "unchained"]
      : ["unchained", "chained"];
    for (const mode of order) await round(mode);
  }
  await sql`alter table public.events enable trigger chain_event`;

  const figures = (part: keyof Timing) => {
    const chained = median(timings.chained.map((timing) => timing[part]));
    const unchained = median(timings.unchained.map((timing) => timing[part]));
    return { chained, unchained, overhead: (chained - unchained) / unchained * 100 };
  };
  const transaction = figures("transaction");
  const callOnly = figures("call");
  console.log("");
  console.log(
    `Audit chain: ${timings.chained.length} workflow writes each way (lock_assessment, unlock_assessment as the MLGOO)`,
  );
  for (
    const [label, figure] of [["write (transaction)", transaction], [
      "function call alone",
      callOnly,
    ]] as const
  ) {
    console.log(
      `  ${label}: median ${figure.chained.toFixed(3)} ms chained, ${
        figure.unchained.toFixed(3)
      } ms without the chain trigger: overhead ${figure.overhead.toFixed(1)} %`,
    );
  }
  console.log(`  target: under 10 % of the write's time`);
  console.log(JSON.stringify({ transaction, call: callOnly }));
  await shutdown();
  process.exit(transaction.overhead < 10 ? 0 : 1);
}

await runMain(main);
