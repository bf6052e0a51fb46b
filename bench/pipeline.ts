import process from "node:process";
import { parseArgs } from "node:util";
import { databaseUrl, freePort } from "../tools/lib/cluster.ts";
import { connect, type Sql } from "../tools/lib/database.ts";
import { runMain } from "../tools/lib/errors.ts";
import { exitOnSignals, onShutdown, shutdown } from "../tools/lib/lifecycle.ts";
import {
  apiKeys,
  resetWithPlatform,
  startServices,
  startThrowawayCluster,
} from "../tools/lib/stack.ts";

/**
 * Upload -> stored result latency of the MOV pipeline on its own local stack (throwaway cluster,
 * pg_net worker, functions server, as `npm test` builds it): single uploads one after another,
 * then a sustained rate, counting lost and duplicated results. Loopback only; stops by itself.
 *
 *   deno run -A bench/pipeline.ts [--single 200] [--rate 50] [--seconds 60] [--assessments 100]
 */

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    single: { type: "string", default: "200" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    assessments: { type: "string", default: "100" },
  },
});
const SINGLE_UPLOADS = Number(options.single);
const RATE = Number(options.rate);
const SECONDS = Number(options.seconds);
const ASSESSMENTS = Number(options.assessments);
const DRAIN_TIMEOUT_MS = 60_000;
const OVERALL_TIMEOUT_MS = 15 * 60_000;

type Target = { assessmentId: string; userId: string };
type Slot = { leafCode: string; slotKey: string };

async function seed(sql: Sql): Promise<{ targets: Target[]; slots: Slot[] }> {
  const [{ id: cycleId }] = await sql<{ id: string }[]>`
    insert into public.cycles (year, title, reviewed_year, catalog_edition)
    values (2099, 'Pipeline benchmark', 2098, '2024') returning id`;
  const targets: Target[] = [];
  for (let index = 0; index < ASSESSMENTS; index++) {
    const userId = crypto.randomUUID();
    const [{ id: barangayId }] = await sql<{ id: string }[]>`
      insert into public.barangays (psgc_code, name, city_municipality_code)
      values (${String(980_000_000 + index)}, ${`Bench ${index}`}, '043426000')
      returning id`;
    await sql`
      insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                              confirmation_token, recovery_token, email_change_token_new, email_change)
      values ('00000000-0000-0000-0000-000000000000', ${userId}, 'authenticated', 'authenticated',
              ${`bench-${index}@bench.local`}, '{"provider": "email"}', '{}', '', '', '', '')`;
    await sql.begin(async (tx) => {
      await tx`select private.declare_workflow_write()`;
      await tx`
        insert into public.profiles (id, email, role, barangay_id, must_change_password)
        values (${userId}, ${`bench-${index}@bench.local`}, 'blgu', ${barangayId}, false)
        on conflict (id) do update
        set role = 'blgu', barangay_id = excluded.barangay_id, must_change_password = false`;
    });
    const [{ id: assessmentId }] = await sql<{ id: string }[]>`
      insert into public.assessments (cycle_id, barangay_id) values (${cycleId}, ${barangayId}) returning id`;
    targets.push({ assessmentId, userId });
  }
  const slots = await sql<Slot[]>`
    select l.code as "leafCode", s.slot_key as "slotKey"
    from public.upload_slots s join public.indicators l on l.id = s.indicator_id
    where l.cycle_id = ${cycleId}`;
  return { targets, slots: [...slots] };
}

class PermissionChecked extends Error {}

/** Inserts as the Storage API does (user's permission check rolled back, then service_role); returns the job id. */
async function upload(sql: Sql, target: Target, slot: Slot): Promise<number> {
  const name =
    `${target.assessmentId}/${slot.leafCode}/${slot.slotKey}/${crypto.randomUUID()}-evidence.pdf`;
  const metadata = {
    size: 48_213,
    mimetype: "application/pdf",
    eTag: '"bench"',
  };
  await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: target.userId, role: "authenticated" })
    }, true)`;
    await tx`set local role authenticated`;
    await tx`insert into storage.objects (bucket_id, name, owner_id, metadata)
             values ('movs', ${name}, ${target.userId}, ${tx.json(metadata)})`;
    throw new PermissionChecked();
  }).catch((error) => {
    if (!(error instanceof PermissionChecked)) throw error;
  });
  return await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', '{"role": "service_role"}', true),
                    set_config('request.headers', '{"x-client-info": "bench"}', true)`;
    await tx`set local role service_role`;
    await tx`insert into storage.objects (bucket_id, name, owner_id, metadata)
             values ('movs', ${name}, ${target.userId}, ${tx.json(metadata)})`;
    const [{ id }] = await tx<{ id: number }[]>`
      select id::integer as id from public.jobs
      where assessment_id = ${target.assessmentId} and result_kind = 'projection' order by id desc limit 1`;
    return id;
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function summary(label: string, latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const figures = {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
  console.log(
    `${label.padEnd(22)} n=${figures.n}  p50 ${figures.p50.toFixed(1)} ms  p95 ${
      figures.p95.toFixed(1)
    } ms  ` +
      `p99 ${figures.p99.toFixed(1)} ms  max ${figures.max.toFixed(1)} ms`,
  );
  return figures;
}

/**
 * Resolves when a job is acknowledged. The benchmark's own cluster gets a trigger that notifies at
 * the commit that marks a job done, so observing adds no polling load to the system measured.
 */
async function jobWatcher(sql: Sql) {
  await sql`
    create or replace function public.bench_job_done() returns trigger language plpgsql as $$
    begin
      perform pg_notify('bench_job_done', new.id::text);
      return null;
    end;
    $$`;
  await sql`
    create or replace trigger bench_job_done after update of status on public.jobs
    for each row when (new.status = 'done' and old.status <> 'done') execute function public.bench_job_done()`;
  const waiting = new Map<number, (at: number) => void>();
  const early = new Map<number, number>();
  const listener = await sql.listen("bench_job_done", (payload) => {
    const at = performance.now();
    const id = Number(payload);
    const resolve = waiting.get(id);
    if (resolve) {
      waiting.delete(id);
      resolve(at);
    } else {
      early.set(id, at);
    }
  });
  return {
    /** When the job was seen done, or undefined if not within `timeoutMs`. */
    done: (jobId: number, timeoutMs = DRAIN_TIMEOUT_MS) =>
      new Promise<number | undefined>((resolve) => {
        const seen = early.get(jobId);
        if (seen !== undefined) {
          early.delete(jobId);
          return resolve(seen);
        }
        const timer = setTimeout(() => {
          waiting.delete(jobId);
          resolve(undefined);
        }, timeoutMs);
        waiting.set(jobId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }),
    stop: () => listener.unlisten(),
  };
}

async function integrity(sql: Sql, targets: Target[]) {
  const ids = targets.map((target) => target.assessmentId);
  const [counts] = await sql<
    {
      uploads: number;
      jobs_open: number;
      dead: number;
      retried: number;
      duplicates: number;
      unreflected: number;
    }[]
  >`
    select
      (select count(*)::integer from public.mov_files where assessment_id = any(${ids})) as uploads,
      (select count(*)::integer from public.jobs where assessment_id = any(${ids}) and status in ('queued', 'running')) as jobs_open,
      (select count(*)::integer from public.jobs where assessment_id = any(${ids}) and status = 'dead') as dead,
      (select count(*)::integer from public.jobs where assessment_id = any(${ids}) and attempts > 1) as retried,
      (select count(*)::integer from (
         select 1 from public.classification_results where assessment_id = any(${ids})
         group by assessment_id, kind, input_hash having count(*) > 1) duplicate) as duplicates,
      (select count(*)::integer
       from public.mov_files m
       join public.indicators l on l.id = m.leaf_id
       join public.upload_slots s on s.id = m.slot_id
       cross join lateral (
         select r.result from public.classification_results r
         where r.assessment_id = m.assessment_id and r.kind = 'projection'
         order by r.created_at desc limit 1) latest
       where m.assessment_id = any(${ids})
         and (latest.result is null or exists (
           select 1 from jsonb_array_elements(latest.result -> 'leaves') leaf
           where leaf ->> 'code' = l.code and leaf -> 'completeness' -> 'missingSlots' ? s.slot_key))) as unreflected`;
  return counts;
}

async function main() {
  exitOnSignals();
  const watchdog = setTimeout(() => {
    console.error(
      `[bench] stopped after ${OVERALL_TIMEOUT_MS / 60_000} minutes`,
    );
    void shutdown().then(() => process.exit(2));
  }, OVERALL_TIMEOUT_MS);

  const cluster = await startThrowawayCluster();
  console.log(
    `[bench] throwaway cluster on port ${cluster.port}: applying platform, migrations and seed`,
  );
  await resetWithPlatform(cluster.port);
  await startServices(cluster.port, await freePort(), await apiKeys());
  const sql = connect(databaseUrl(cluster.port), { max: 16 });
  onShutdown(() => sql.end({ timeout: 2 }));
  const { targets, slots } = await seed(sql);
  const pick = <T>(items: T[], index: number) => items[index % items.length];
  console.log(
    `[bench] seeded ${targets.length} assessments, ${slots.length} upload slots`,
  );

  // Warm-up: first requests compile the function and load the catalog.
  const watcher = await jobWatcher(sql);
  for (let index = 0; index < 5; index++) {
    await watcher.done(
      await upload(sql, pick(targets, index), pick(slots, index)),
    );
  }

  const single: number[] = [];
  let lost = 0;
  for (let index = 0; index < SINGLE_UPLOADS; index++) {
    const startedAt = performance.now();
    const doneAt = await watcher.done(
      await upload(
        sql,
        pick(targets, index * 7 + 1),
        pick(slots, index * 13 + 3),
      ),
    );
    if (doneAt === undefined) lost++;
    else single.push(doneAt - startedAt);
  }

  const sustained: number[] = [];
  const afterCommit: number[] = [];
  const [{ firstSustainedJob }] = await sql<{ firstSustainedJob: number }[]>`
    select coalesce(max(id), 0)::integer + 1 as "firstSustainedJob" from public.jobs`;
  const total = RATE * SECONDS;
  const intervalMs = 1000 / RATE;
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  let uploadErrors = 0;
  for (let index = 0; index < total; index++) {
    const due = startedAt + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const begun = performance.now();
    inFlight.push(
      upload(sql, pick(targets, index * 31 + 5), pick(slots, index * 17 + 11))
        .then(async (jobId) => {
          const committedAt = performance.now();
          const doneAt = await watcher.done(jobId);
          if (doneAt === undefined) return void lost++;
          sustained.push(doneAt - begun);
          afterCommit.push(doneAt - committedAt);
        })
        .catch(() => void uploadErrors++),
    );
  }
  const offeredSeconds = (performance.now() - startedAt) / 1000;
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  await watcher.stop();
  const [database] = await sql<{ p50: number; p95: number; p99: number }[]>`
    select percentile_cont(0.5) within group (order by ms) as p50,
           percentile_cont(0.95) within group (order by ms) as p95,
           percentile_cont(0.99) within group (order by ms) as p99
    from (select extract(epoch from finished_at - created_at) * 1000 as ms
          from public.jobs where id >= ${firstSustainedJob} and status = 'done') latency`;

  console.log("");
  console.log(
    `MOV pipeline: upload (Storage API's two inserts) -> classify -> stored result`,
  );
  const singleFigures = summary("single uploads", single);
  const sustainedFigures = summary(`sustained ${RATE}/s`, sustained);
  const afterCommitFigures = summary("  from upload commit", afterCommit);
  console.log(
    `  in the database (job queued -> classify transaction): p50 ${database.p50.toFixed(1)} ms  ` +
      `p95 ${database.p95.toFixed(1)} ms  p99 ${database.p99.toFixed(1)} ms`,
  );
  const counts = await integrity(sql, targets);
  console.log(
    `sustained: ${total} uploads offered in ${offeredSeconds.toFixed(1)} s, ` +
      `${sustained.length} stored within ${
        elapsedSeconds.toFixed(1)
      } s, upload errors ${uploadErrors}`,
  );
  console.log(
    `integrity: ${counts.uploads} MOVs recorded, lost ${lost} (jobs open ${counts.jobs_open}, dead ${counts.dead}, ` +
      `uploads missing from the latest result ${counts.unreflected}), duplicated results ${counts.duplicates}, ` +
      `jobs retried ${counts.retried}`,
  );
  console.log(
    JSON.stringify({
      single: singleFigures,
      sustained: sustainedFigures,
      sustainedFromCommit: afterCommitFigures,
      sustainedInDatabase: database,
      lost,
      ...counts,
    }),
  );
  clearTimeout(watchdog);
  await shutdown();
  process.exit(
    lost === 0 && uploadErrors === 0 && counts.duplicates === 0 &&
      counts.unreflected === 0
      ? 0
      : 1,
  );
}

await runMain(main);
