import process from "node:process";
import { parseArgs } from "node:util";
import { databaseUrl } from "../tools/lib/cluster.ts";
import { connect, type Sql } from "../tools/lib/database.ts";
import { runMain } from "../tools/lib/errors.ts";
import { exitOnSignals, onShutdown, shutdown } from "../tools/lib/lifecycle.ts";
import { resetWithPlatform, startThrowawayCluster } from "../tools/lib/stack.ts";
import { generateNation } from "./lib/national.ts";
import {
  deadlineMoments,
  deadlineWork,
  timeCommittedWork,
  type WriteTiming,
} from "./lib/writes.ts";

/**
 * The deadline rush, on loopback: on its own throwaway cluster with the national dataset
 * (bench/lib/national.sql), many barangays save answers (`save_answers`, as the user, the way
 * PostgREST calls it) and upload MOVs (the Storage API's insert) for a while with no scheduled work,
 * then again while the deadline work runs as pg_cron runs it (the administrator moves the national
 * deadline a week later and the run reschedules the drafts, then the 7-day reminders, then the locks
 * at the deadline, batch by batch). Prints p50/p95 of save_answers without and under the tick, the
 * tick's duration, its batches, deadlocks, lost writes (a save or upload that returned success but
 * is not stored afterwards) and the refusals after the lock, counted apart. Stops by itself.
 *
 *   deno run -A bench/rush.ts [--barangays 42000] [--clients 16] [--seconds 20] [--batch-size N]
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    barangays: { type: "string", default: "42000" },
    clients: { type: "string", default: "16" },
    seconds: { type: "string", default: "20" },
    "batch-size": { type: "string" },
  },
});
const BARANGAYS = Number(options.barangays);
const CLIENTS = Number(options.clients);
const SECONDS = Number(options.seconds);
/** The deadline work's batch size; by default the procedure's own. */
const BATCH_SIZE = options["batch-size"] ? Number(options["batch-size"]) : undefined;
const ASSESSMENTS_PER_CLIENT = 8;
const OVERALL_TIMEOUT_MS = 30 * 60_000;

type Leaf = { id: string; answers: string; slotKey: string | null; code: string };
/** A barangay in the rush: its draft assessment, its user, and what it last saved per leaf. */
type Barangay = {
  assessmentId: string;
  userId: string;
  versions: Map<string, number>;
  saved: Map<string, { version: number; answers: string }>;
};

type Outcome = {
  op: "save" | "upload";
  startedAt: number;
  ms: number;
  code: string | null;
};

async function pickBarangays(sql: Sql): Promise<{ barangays: Barangay[]; leaves: Leaf[] }> {
  const rows = await sql<{ id: string; user_id: string }[]>`
    select a.id, md5('blgu:' || b.psgc_code)::uuid as user_id
    from public.assessments a join public.barangays b on b.id = a.barangay_id
    join public.cycles c on c.id = a.cycle_id and c.is_active
    where b.name like 'Bench Barangay %' and a.status = 'draft' and a.submitted_area_codes = '{}' and not a.is_locked
    order by b.psgc_code limit ${CLIENTS * ASSESSMENTS_PER_CLIENT}`;
  const leaves = await sql<Leaf[]>`
    select i.id, i.code, r.answers::text as answers,
           (select s.slot_key from public.upload_slots s where s.indicator_id = i.id order by s.sort_order limit 1)
             as "slotKey"
    from public.indicators i
    join public.responses r on r.leaf_id = i.id and r.assessment_id = ${rows[0].id}
    where i.area_code = 1 and i.validation_rule is not null
    order by i.sort_order`;
  const versions = await sql<{ assessment_id: string; leaf_id: string; version: number }[]>`
    select assessment_id, leaf_id, version from public.responses
    where assessment_id = any(${rows.map((row) => row.id)}) and area_code = 1`;
  const barangays = rows.map((row) => ({
    assessmentId: row.id,
    userId: row.user_id,
    versions: new Map<string, number>(),
    saved: new Map<string, { version: number; answers: string }>(),
  }));
  const byId = new Map(barangays.map((b) => [b.assessmentId, b]));
  for (const v of versions) byId.get(v.assessment_id)!.versions.set(v.leaf_id, v.version);
  return { barangays, leaves: [...leaves] };
}

const codeOf = (error: unknown): string => {
  const { code, message } = error as { code?: string; message?: string };
  const va = message?.match(/^(VA\d{3}):/)?.[1];
  return va ?? code ?? "error";
};

async function asUser<T>(sql: Sql, userId: string, work: (tx: Sql) => Promise<T>): Promise<T> {
  return await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: userId, role: "authenticated" })
    }, true)`;
    await tx`set local role authenticated`;
    return await work(tx as unknown as Sql);
  }) as T;
}

/** One client: its barangays in turn, four saves for each upload, until `until()` says stop. */
async function client(
  sql: Sql,
  barangays: Barangay[],
  leaves: Leaf[],
  uploads: string[],
  until: () => boolean,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let turn = 0; !until(); turn++) {
    const barangay = barangays[turn % barangays.length];
    const leaf = leaves[Math.floor(Math.random() * leaves.length)];
    const startedAt = performance.now();
    if (turn % 5 === 4 && leaf.slotKey) {
      const name =
        `${barangay.assessmentId}/${leaf.code}/${leaf.slotKey}/${crypto.randomUUID()}-evidence.pdf`;
      try {
        await sql.begin(async (tx) => {
          await tx`select set_config('request.jwt.claims', '{"role": "service_role"}', true),
                          set_config('request.headers', '{"x-client-info": "bench"}', true)`;
          await tx`set local role service_role`;
          await tx`insert into storage.objects (bucket_id, name, owner_id, metadata)
                   values ('movs', ${name}, ${barangay.userId},
                           ${tx.json({ size: 48_213, mimetype: "application/pdf" })})`;
        });
        uploads.push(name);
        outcomes.push({ op: "upload", startedAt, ms: performance.now() - startedAt, code: null });
      } catch (error) {
        outcomes.push({
          op: "upload",
          startedAt,
          ms: performance.now() - startedAt,
          code: codeOf(error),
        });
      }
      continue;
    }
    const expected = barangay.versions.get(leaf.id) ?? 0;
    // Alternate between the generated answers and none, so every save changes the row.
    const answers = barangay.saved.get(leaf.id)?.answers === "{}" ? leaf.answers : "{}";
    try {
      const [{ version }] = await asUser(
        sql,
        barangay.userId,
        (tx) =>
          tx<{ version: number }[]>`
            select public.save_answers(${barangay.assessmentId}, ${leaf.id}, ${answers}::text::jsonb, ${expected})
              as version`,
      );
      barangay.versions.set(leaf.id, version);
      barangay.saved.set(leaf.id, { version, answers });
      outcomes.push({ op: "save", startedAt, ms: performance.now() - startedAt, code: null });
    } catch (error) {
      outcomes.push({
        op: "save",
        startedAt,
        ms: performance.now() - startedAt,
        code: codeOf(error),
      });
    }
  }
  return outcomes;
}

/** Every client at once for the phase: returns the outcomes of all. */
async function load(
  sql: Sql,
  barangays: Barangay[],
  leaves: Leaf[],
  uploads: string[],
  until: () => boolean,
): Promise<Outcome[]> {
  const results = await Promise.all(
    Array.from(
      { length: CLIENTS },
      (_, index) =>
        client(
          sql,
          barangays.slice(index * ASSESSMENTS_PER_CLIENT, (index + 1) * ASSESSMENTS_PER_CLIENT),
          leaves,
          uploads,
          until,
        ),
    ),
  );
  return results.flat();
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
    : NaN;
};

function saves(outcomes: Outcome[], from = -Infinity, to = Infinity) {
  const ok = outcomes.filter((o) =>
    o.op === "save" && o.code === null && o.startedAt >= from && o.startedAt <= to
  ).map((o) => o.ms);
  return {
    n: ok.length,
    p50: Number(percentile(ok, 50).toFixed(2)),
    p95: Number(percentile(ok, 95).toFixed(2)),
  };
}

async function lostWrites(sql: Sql, barangays: Barangay[], uploads: string[]) {
  let lostSaves = 0;
  for (const barangay of barangays) {
    const stored = await sql<{ leaf_id: string; version: number; answers: string }[]>`
      select leaf_id, version, answers::text as answers from public.responses
      where assessment_id = ${barangay.assessmentId} and area_code = 1`;
    const byLeaf = new Map(stored.map((row) => [row.leaf_id, row]));
    for (const [leafId, saved] of barangay.saved) {
      const row = byLeaf.get(leafId);
      if (
        !row || row.version !== saved.version ||
        JSON.stringify(JSON.parse(row.answers)) !== JSON.stringify(JSON.parse(saved.answers))
      ) {
        lostSaves++;
      }
    }
  }
  const [{ found }] = await sql<{ found: number }[]>`
    select count(*)::int as found from public.mov_files where storage_path = any(${uploads})`;
  return { lostSaves, lostUploads: uploads.length - found };
}

function tally(outcomes: Outcome[]) {
  const count = (code: string) => outcomes.filter((o) => o.code === code).length;
  const others: Record<string, number> = {};
  for (const o of outcomes) {
    if (o.code && !["40P01", "VA005"].includes(o.code)) others[o.code] = (others[o.code] ?? 0) + 1;
  }
  return {
    saves: outcomes.filter((o) => o.op === "save" && o.code === null).length,
    uploads: outcomes.filter((o) => o.op === "upload" && o.code === null).length,
    deadlocks: count("40P01"),
    refusedAfterLock: count("VA005"),
    otherErrors: others,
  };
}

async function main() {
  exitOnSignals();
  const watchdog = setTimeout(() => {
    console.error(`[rush] stopped after ${OVERALL_TIMEOUT_MS / 60_000} minutes`);
    void shutdown().then(() => process.exit(2));
  }, OVERALL_TIMEOUT_MS);
  const startedAt = performance.now();

  const cluster = await startThrowawayCluster();
  console.log(
    `[rush] throwaway cluster on port ${cluster.port}: applying platform, migrations and seed`,
  );
  await resetWithPlatform(cluster.port);
  const admin = connect(databaseUrl(cluster.port), { max: 1 });
  onShutdown(() => admin.end({ timeout: 2 }));
  await admin.unsafe("alter system set max_wal_size = '32GB'");
  await admin`select pg_reload_conf()`;
  // The rush runs the deadline work itself, at the moments it acts for.
  await admin`select cron.alter_job(jobid, active => false) from cron.job`;
  console.log(`[rush] generating ${BARANGAYS.toLocaleString("en")} barangays`);
  await admin.unsafe("set maintenance_work_mem = '512MB'");
  await admin.begin((tx) => generateNation(tx, BARANGAYS));
  await admin.unsafe("vacuum analyze");
  const moments = await deadlineMoments(admin);
  const { barangays, leaves } = await pickBarangays(admin);
  const pool = connect(databaseUrl(cluster.port), { max: CLIENTS });
  onShutdown(() => pool.end({ timeout: 2 }));
  const uploads: string[] = [];
  console.log(
    `[rush] ${CLIENTS} clients, ${barangays.length} barangays saving answers and uploading; ${SECONDS} s without the deadline work`,
  );

  const quietEnds = performance.now() + SECONDS * 1000;
  const quiet = await load(pool, barangays, leaves, uploads, () => performance.now() > quietEnds);

  console.log(
    `[rush] ${SECONDS} s more, the deadline work running (the deadline moved a week later, its 7-day reminders, then the locks)`,
  );
  let tickRunning = true;
  const tick: Pick<WriteTiming, "name" | "ms" | "affected" | "batches" | "longestBatchMs">[] = [];
  const tickWindow = { from: 0, to: 0 };
  const runTicks = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    tickWindow.from = performance.now();
    for (const work of deadlineWork(moments, BATCH_SIZE)) {
      const worker = connect(databaseUrl(cluster.port), { max: 1 });
      // Its rows and notifications are left out: the load's own writes fall in the same window.
      const { name, ms, affected, batches, longestBatchMs } = await timeCommittedWork(worker, work);
      tick.push({ name, ms: Number(ms.toFixed(1)), affected, batches, longestBatchMs });
      await worker.end();
    }
    tickWindow.to = performance.now();
    tickRunning = false;
  };
  const busyEnds = performance.now() + SECONDS * 1000;
  const [busy] = await Promise.all([
    load(pool, barangays, leaves, uploads, () => !tickRunning && performance.now() > busyEnds),
    runTicks(),
  ]);

  const lost = await lostWrites(admin, barangays, uploads);
  const withoutTick = saves(quiet);
  const underTick = saves(busy, tickWindow.from, tickWindow.to);
  const summary = {
    barangays: BARANGAYS,
    clients: CLIENTS,
    withoutTick: { ...withoutTick, ...tally(quiet) },
    underTick: { ...underTick, ...tally(busy) },
    p95Ratio: Number((underTick.p95 / withoutTick.p95).toFixed(2)),
    tick,
    deadlocks: tally([...quiet, ...busy]).deadlocks,
    ...lost,
    totalSeconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)),
  };
  console.log("");
  console.log(
    `save_answers without the tick: p50 ${withoutTick.p50} ms, p95 ${withoutTick.p95} ms (${withoutTick.n} saves)`,
  );
  console.log(
    `save_answers under the tick:   p50 ${underTick.p50} ms, p95 ${underTick.p95} ms (${underTick.n} saves), ratio ${summary.p95Ratio}`,
  );
  for (const t of tick) {
    console.log(
      `${t.name}: ${
        t.ms.toFixed(1)
      } ms, ${t.affected} assessments in ${t.batches} batches, longest ${t.longestBatchMs} ms`,
    );
  }
  console.log(
    `deadlocks ${summary.deadlocks}, lost saves ${lost.lostSaves}, lost uploads ${lost.lostUploads}, refused after the lock ${summary.underTick.refusedAfterLock}`,
  );
  console.log(JSON.stringify(summary));
  clearTimeout(watchdog);
  await shutdown();
  process.exit(summary.deadlocks + lost.lostSaves + lost.lostUploads > 0 ? 1 : 0);
}

await runMain(main);
