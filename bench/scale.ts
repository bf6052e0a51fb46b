import process from "node:process";
import { parseArgs } from "node:util";
import { databaseUrl } from "../tools/lib/cluster.ts";
import { connect } from "../tools/lib/database.ts";
import { runMain } from "../tools/lib/errors.ts";
import { exitOnSignals, shutdown } from "../tools/lib/lifecycle.ts";
import { resetWithPlatform, startThrowawayCluster } from "../tools/lib/stack.ts";
import {
  type Executor,
  explainAsRole,
  generateNation,
  mainQueries,
  meetsTarget,
  pickSubjects,
  rollupQueries,
  summarize,
  tableSizes,
  timeQuery,
  type Timing,
} from "./lib/national.ts";
import {
  activationRequest,
  committedWork,
  deadlineChangeRequest,
  deadlineMoments,
  hostControl,
  idleTicks,
  pickWriteSubjects,
  rolledBackTransactions,
  timeCommittedWork,
  timeWrites,
  workflowWrites,
  writeGrowth,
  type WriteTiming,
} from "./lib/writes.ts";

/**
 * National scale: on its own throwaway cluster (platform stand-in, migrations and seed, as
 * `npm test` builds it), generates a national dataset (bench/lib/national.sql) at each step of
 * `--steps`, resetting the database between steps. At each step it times each role's main queries
 * as the role with RLS and as the superuser without, the roll-ups of the published cycle, every
 * workflow write as the role that makes it, the Storage triggers, each pg_cron job with nothing due
 * and at a deadline, a change of the national deadline, the activation of a new national cycle, and
 * a control that reads no table (bench/lib/writes.ts). Prints one row per query and per write, the
 * growth of each write from the smallest step to the largest, and a JSON summary (maxRatio,
 * rollupMs, maxWriteGrowth, controlGrowth, idleTickMs, longestBatchMs).
 *
 * `--explain` also prints each query's plan as its role.
 *
 *   deno run -A bench/scale.ts [--steps 420,4200,42000 | --barangays N] [--runs 9] [--write-runs 9] [--explain]
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    steps: { type: "string", default: "420,4200,42000" },
    barangays: { type: "string" },
    runs: { type: "string", default: "9" },
    "write-runs": { type: "string", default: "9" },
    explain: { type: "boolean", default: false },
  },
});
const STEPS = (options.barangays ?? options.steps).split(",").map(Number);
if (STEPS.some((n) => !Number.isInteger(n) || n < 50)) {
  throw new Error("--steps and --barangays take whole numbers of barangays, 50 or more");
}
const RUNS = Number(options.runs);
const WRITE_RUNS = Number(options["write-runs"]);

const ms = (value: number | null) => value === null ? "—" : `${value.toFixed(2)} ms`;

type Step = Awaited<ReturnType<typeof measureStep>>;

async function measureStep(port: number, barangays: number, resetFirst: boolean) {
  if (resetFirst) {
    console.log(`[bench] resetting the database for ${barangays.toLocaleString("en")} barangays`);
    await resetWithPlatform(port);
  }
  console.log(`[bench] generating ${barangays.toLocaleString("en")} barangays`);
  const generationStartedAt = performance.now();
  const loader = connect(databaseUrl(port), { max: 1 });
  let generatedAt: number;
  try {
    await loader.unsafe("set maintenance_work_mem = '512MB'");
    await loader.begin((tx) => generateNation(tx, barangays));
    generatedAt = performance.now();
    await loader.unsafe("vacuum analyze");
  } finally {
    await loader.end({ timeout: 2 });
  }
  const generationSeconds = (generatedAt - generationStartedAt) / 1000;
  const vacuumSeconds = (performance.now() - generatedAt) / 1000;
  // Timed in a session of its own, as an API call is served: not in the one that held the bulk
  // load's memory.
  const sql = connect(databaseUrl(port), { max: 1 });
  try {
    const [{ bytes }] = await sql<{ bytes: number }[]>`
      select pg_database_size(current_database())::float8 as bytes`;
    const sizes = await tableSizes(sql);
    console.log(
      `[bench] generated in ${generationSeconds.toFixed(1)} s, vacuum analyze ${
        vacuumSeconds.toFixed(1)
      } s, database ${(bytes / 2 ** 30).toFixed(2)} GiB`,
    );
    console.log(
      Object.entries(sizes).map(([table, rows]) => `  ${table}: ${rows.toLocaleString("en")}`)
        .join("\n"),
    );

    const readers = await pickSubjects(sql);
    const transaction = <T>(work: (tx: Executor) => Promise<T>) =>
      sql.begin((tx) => work(tx)) as Promise<T>;
    const timings: Timing[] = [];
    for (const query of mainQueries(readers)) {
      timings.push(await timeQuery(transaction, query, RUNS));
      if (options.explain) {
        console.log(`\n${query.role}: ${query.name}\n${await explainAsRole(transaction, query)}`);
      }
    }
    const rollups: Timing[] = [];
    for (const query of rollupQueries(readers)) {
      rollups.push(await timeQuery(transaction, query, RUNS, false));
    }

    const rolledBack = rolledBackTransactions(sql);
    const subjects = await pickWriteSubjects(sql);
    const writes: WriteTiming[] = await timeWrites(
      rolledBack,
      [
        ...workflowWrites(subjects),
        ...idleTicks(),
        activationRequest(),
        deadlineChangeRequest(),
        hostControl(),
      ],
      WRITE_RUNS,
    );
    for (const work of committedWork(await deadlineMoments(sql))) {
      writes.push(await timeCommittedWork(sql, work));
    }

    console.log("");
    console.log(
      `${"query".padEnd(56)} ${"rows".padStart(5)} ${"with RLS".padStart(12)} ${
        "bypassed".padStart(12)
      } ${"ratio".padStart(8)}`,
    );
    for (const t of [...timings, ...rollups]) {
      console.log(
        `${`${t.role}: ${t.name}`.padEnd(56)} ${String(t.rows).padStart(5)} ${
          ms(t.rlsMs).padStart(12)
        } ${ms(t.bypassedMs).padStart(12)} ${
          (t.ratio === null ? "—" : `${t.ratio.toFixed(2)}×`).padStart(8)
        }${meetsTarget(t) ? "" : "  over target"}`,
      );
    }
    console.log("");
    console.log(
      `${`write (${barangays.toLocaleString("en")} barangays)`.padEnd(56)} ${"ms".padStart(12)} ${
        "rows changed".padStart(13)
      } ${"notifications".padStart(14)}  batches`,
    );
    for (const t of writes) {
      const batches = t.batches === undefined
        ? ""
        : `  ${t.affected} assessments in ${t.batches}, longest ${ms(t.longestBatchMs ?? 0)}`;
      console.log(
        `${t.name.padEnd(56)} ${ms(t.ms).padStart(12)} ${String(t.rowsChanged).padStart(13)} ${
          String(t.notifications).padStart(14)
        }${batches}`,
      );
    }
    return {
      barangays,
      generationSeconds: Number(generationSeconds.toFixed(1)),
      vacuumAnalyzeSeconds: Number(vacuumSeconds.toFixed(1)),
      databaseBytes: bytes,
      rows: sizes,
      queries: timings,
      rollups,
      writes,
      ...summarize(timings, rollups),
    };
  } finally {
    await sql.end({ timeout: 2 });
  }
}

async function main() {
  exitOnSignals();
  const startedAt = performance.now();
  const cluster = await startThrowawayCluster();
  console.log(
    `[bench] throwaway cluster on port ${cluster.port}: applying platform, migrations and seed`,
  );
  await resetWithPlatform(cluster.port);
  const admin = connect(databaseUrl(cluster.port), { max: 1 });
  // A bulk load on a throwaway cluster: no checkpoint in the middle of it.
  await admin.unsafe("alter system set max_wal_size = '32GB'");
  await admin.unsafe("alter system set checkpoint_timeout = '1h'");
  await admin`select pg_reload_conf()`;
  // The bench runs the scheduled jobs itself, at the moments it times them for.
  await admin`select cron.alter_job(jobid, active => false) from cron.job`;
  await admin.end();

  const steps: Step[] = [];
  for (const [index, barangays] of STEPS.entries()) {
    steps.push(await measureStep(cluster.port, barangays, index > 0));
  }

  const growth = writeGrowth(steps.map((step) => step.writes));
  const largest = steps[steps.length - 1];
  if (steps.length > 1) {
    console.log("");
    console.log(
      `${"write".padEnd(56)} ${
        steps.map((s) => `${s.barangays.toLocaleString("en")}`.padStart(11)).join(" ")
      } ${"growth".padStart(8)}`,
    );
    for (const g of growth) {
      console.log(
        `${g.name.padEnd(56)} ${
          steps.map((s) => ms(s.writes.find((w) => w.name === g.name)!.ms).padStart(11)).join(" ")
        } ${`${g.growth.toFixed(2)}×`.padStart(8)}${g.scope === "batch" ? " per assessment" : ""}`,
      );
    }
  }
  const single = growth.filter((g) => g.scope === "assessment" || g.scope === "idle")
    .map((g) => g.growth);
  const control = growth.find((g) => g.scope === "control");
  const batch = growth.filter((g) => g.scope === "batch").map((g) => g.growth);
  const idleTicks = largest.writes.filter((w) => w.scope === "idle").map((w) => w.ms);
  const batches = largest.writes.filter((w) => w.scope === "batch").map((w) =>
    w.longestBatchMs ?? w.ms
  );
  const { queries: _q, rollups: _r, writes: _w, ...largestSummary } = largest;
  console.log("");
  console.log(JSON.stringify({
    ...largestSummary,
    steps,
    writeGrowth: growth,
    maxWriteGrowth: Math.max(...single),
    controlGrowth: control?.growth,
    maxBatchGrowthPerAssessment: Math.max(...batch),
    idleTickMs: Math.max(...idleTicks),
    longestBatchMs: Math.max(...batches),
    totalSeconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)),
  }));
  await shutdown();
}

await runMain(main);
