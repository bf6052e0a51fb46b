import process from "node:process";
import { parseArgs } from "node:util";
import { databaseUrl } from "../tools/lib/cluster.ts";
import { connect } from "../tools/lib/database.ts";
import { runMain } from "../tools/lib/errors.ts";
import { exitOnSignals, onShutdown, shutdown } from "../tools/lib/lifecycle.ts";
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

/**
 * National scale, reads: on its own throwaway cluster (platform stand-in, migrations and seed, as
 * `npm test` builds it), generates a national dataset (bench/lib/national.sql), then times each
 * role's main queries as the role with RLS and as the superuser without, and the roll-ups of the
 * published cycle. Prints one row per query and a JSON summary with maxRatio and rollupMs.
 *
 * `--explain` also prints each query's plan as its role.
 *
 *   deno run -A bench/scale.ts [--barangays 42000] [--runs 5] [--explain]
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    barangays: { type: "string", default: "42000" },
    runs: { type: "string", default: "5" },
    explain: { type: "boolean", default: false },
  },
});
const BARANGAYS = Number(options.barangays);
const RUNS = Number(options.runs);

const ms = (value: number | null) => value === null ? "—" : `${value.toFixed(2)} ms`;

async function main() {
  exitOnSignals();
  const cluster = await startThrowawayCluster();
  console.log(
    `[bench] throwaway cluster on port ${cluster.port}: applying platform, migrations and seed`,
  );
  await resetWithPlatform(cluster.port);
  const sql = connect(databaseUrl(cluster.port), { max: 1 });
  onShutdown(() => sql.end({ timeout: 2 }));

  console.log(`[bench] generating ${BARANGAYS.toLocaleString("en")} barangays`);
  const generationStartedAt = performance.now();
  // A bulk load on a throwaway cluster: no checkpoint in the middle of it.
  await sql.unsafe("alter system set max_wal_size = '32GB'");
  await sql.unsafe("alter system set checkpoint_timeout = '1h'");
  await sql`select pg_reload_conf()`;
  await sql.unsafe("set maintenance_work_mem = '512MB'");
  await sql.begin((tx) => generateNation(tx, BARANGAYS));
  const generatedAt = performance.now();
  await sql.unsafe("vacuum analyze");
  const generationSeconds = (generatedAt - generationStartedAt) / 1000;
  const vacuumSeconds = (performance.now() - generatedAt) / 1000;
  const [{ bytes }] = await sql<{ bytes: number }[]>`
    select pg_database_size(current_database())::float8 as bytes`;
  const sizes = await tableSizes(sql);
  console.log(
    `[bench] generated in ${generationSeconds.toFixed(1)} s, vacuum analyze ${
      vacuumSeconds.toFixed(1)
    } s, database ${(bytes / 2 ** 30).toFixed(2)} GiB`,
  );
  console.log(
    Object.entries(sizes).map(([table, rows]) => `  ${table}: ${rows.toLocaleString("en")}`).join(
      "\n",
    ),
  );

  const subjects = await pickSubjects(sql);
  const transaction = <T>(work: (tx: Executor) => Promise<T>) =>
    sql.begin((tx) => work(tx)) as Promise<T>;
  const timings: Timing[] = [];
  for (const query of mainQueries(subjects)) {
    timings.push(await timeQuery(transaction, query, RUNS));
    if (options.explain) {
      console.log(`\n${query.role}: ${query.name}\n${await explainAsRole(transaction, query)}`);
    }
  }
  const rollups: Timing[] = [];
  for (const query of rollupQueries(subjects)) {
    rollups.push(await timeQuery(transaction, query, RUNS, false));
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
  const summary = summarize(timings, rollups);
  console.log("");
  console.log(JSON.stringify({
    barangays: BARANGAYS,
    generationSeconds: Number(generationSeconds.toFixed(1)),
    vacuumAnalyzeSeconds: Number(vacuumSeconds.toFixed(1)),
    databaseBytes: bytes,
    rows: sizes,
    queries: timings,
    rollups,
    ...summary,
  }));
  await shutdown();
}

await runMain(main);
