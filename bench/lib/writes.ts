import type postgres from "postgres";
import type { Executor } from "./national.ts";

const ACTIVE_CYCLE = "c0000000-0000-4000-8000-000000002025";
const ADMINISTRATOR = "00000000-0000-4000-8000-000000000601";

/**
 * A write as its caller makes it: `setup` (as the same caller, untimed, e.g. the comment a
 * calibration needs), then `call`, timed. `as` is the caller's user id, `service_role`, or
 * `postgres` for what pg_cron runs. `scope` says what the write's cost may depend on: one
 * assessment, or every affected assessment (a tick, an activation); a `control` depends on nothing
 * but the host, so its growth is how much the host's speed drifted between the steps.
 */
export type Write = {
  name: string;
  as: string;
  setup?: string[];
  /** Who runs the setup, when not the caller. */
  setupAs?: string;
  call: string;
  params?: unknown[];
  scope: "assessment" | "idle" | "batch" | "control";
};

/**
 * The generated assessments and people the writes act on, each in the state its write needs (a
 * state a small dataset lacks is undefined, and its writes are left out).
 */
export type WriteSubjects = Record<string, string | undefined>;

/** Picks, in the first generated city or municipality that has them, an assessment in each state a write needs. */
export async function pickWriteSubjects(sql: Executor): Promise<WriteSubjects> {
  const one = async (what: string, query: string): Promise<Record<string, string>> => {
    const [row] = await sql.unsafe<Record<string, string>[]>(query);
    if (!row) throw new Error(`The generated dataset has no ${what}`);
    return row;
  };
  const bench = `a.cycle_id = '${ACTIVE_CYCLE}' and b.name like 'Bench Barangay %'`;
  const assessment = (what: string, where: string) =>
    one(
      what,
      `select a.id, b.city_municipality_code as code, md5('blgu:' || b.psgc_code)::uuid::text as blgu,
              md5('mlgoo:' || b.city_municipality_code)::uuid::text as mlgoo,
              md5('validator:' || b.city_municipality_code || ':1')::uuid::text as validator
       from public.assessments a join public.barangays b on b.id = a.barangay_id
       where ${bench} and not a.is_locked and ${where}
       order by b.psgc_code limit 1`,
    );
  const draft = await assessment(
    "draft assessment with every area in draft",
    "a.status = 'draft' and a.submitted_area_codes = '{}'",
  );
  const submitted = await assessment(
    "submitted assessment with area 6 awaiting its assessor",
    `a.status = 'submitted' and exists (select 1 from public.assessment_areas aa
       where aa.assessment_id = a.id and aa.area_code = 6 and aa.status = 'submitted')`,
  );
  const validating = await assessment(
    "assessment awaiting validation with every leaf decided",
    `a.status = 'awaiting_validation' and not exists (select 1 from public.reviews r
       where r.assessment_id = a.id and r.decision is null)`,
  );
  const optional = (what: string, where: string) =>
    assessment(what, where).catch(() => ({}) as Record<string, string>);
  const calibration = await optional("assessment in calibration", "a.status = 'calibration'");
  const approval = await assessment(
    "assessment awaiting approval",
    "a.status = 'awaiting_approval'",
  );
  const recalibration = await optional("assessment in recalibration", "a.status = 'recalibration'");
  const leafOf = async (assessmentId: string, area: number) =>
    await one(
      `review of area ${area}`,
      `select r.leaf_id, r.version, coalesce(resp.version, 0) as answers_version, resp.answers::text as answers
       from public.reviews r join public.indicators i on i.id = r.leaf_id
       left join public.responses resp on resp.assessment_id = r.assessment_id and resp.leaf_id = r.leaf_id
       where r.assessment_id = '${assessmentId}' and r.area_code = ${area}
       order by i.sort_order limit 1`,
    );
  const draftLeaf = await one(
    "answer of a draft assessment",
    `select r.leaf_id, r.version, r.answers::text as answers, i.code as leaf_code
     from public.responses r join public.indicators i on i.id = r.leaf_id
     where r.assessment_id = '${draft.id}' and r.area_code = 1 order by i.sort_order limit 1`,
  );
  const slot = await one(
    "upload slot of area 1",
    `select i.code as leaf_code, s.slot_key from public.upload_slots s join public.indicators i on i.id = s.indicator_id
     where i.cycle_id = '${ACTIVE_CYCLE}' and i.area_code = 1 order by i.sort_order, s.sort_order limit 1`,
  );
  const submittedLeaf = await leafOf(submitted.id, 6);
  const validatingLeaf = await leafOf(validating.id, 1);
  const mov = await one(
    "live MOV of area 6",
    `select id from public.mov_files where assessment_id = '${submitted.id}' and area_code = 6 and deleted_at is null
     limit 1`,
  );
  const assessor6 = await one(
    "assessor of area 6",
    `select md5('assessor:${submitted.code}:6')::uuid::text as id`,
  );
  const blguUser = await one(
    "barangay user of the draft assessment's city or municipality",
    `select p.id from public.profiles p join public.barangays b on b.id = p.barangay_id
     where b.city_municipality_code = '${draft.code}' and p.role = 'blgu' and p.id <> '${draft.blgu}' limit 1`,
  );
  return {
    draft: draft.id,
    draftBlgu: draft.blgu,
    draftMlgoo: draft.mlgoo,
    draftLeaf: draftLeaf.leaf_id,
    draftLeafVersion: draftLeaf.version,
    draftLeafAnswers: draftLeaf.answers,
    draftPath: `${draft.id}/${slot.leaf_code}/${slot.slot_key}`,
    otherBlguUser: blguUser.id,
    submitted: submitted.id,
    submittedMlgoo: submitted.mlgoo,
    assessor6: assessor6.id,
    submittedLeaf: submittedLeaf.leaf_id,
    submittedLeafVersion: submittedLeaf.version,
    submittedMov: mov.id,
    validating: validating.id,
    validator: validating.validator,
    validatingLeaf: validatingLeaf.leaf_id,
    validatingLeafVersion: validatingLeaf.version,
    calibration: calibration.id,
    calibrationBlgu: calibration.blgu,
    approval: approval.id,
    approvalMlgoo: approval.mlgoo,
    approvalLeaf: (await leafOf(approval.id, 1)).leaf_id,
    recalibration: recalibration.id,
    recalibrationBlgu: recalibration.blgu,
  };
}

const UPLOAD_METADATA = '{"size": 48213, "mimetype": "application/pdf", "eTag": "\\"bench\\""}';

/** Every workflow write, as the role that makes it (bench/README.md lists them); those without a subject left out. */
export function workflowWrites(s: WriteSubjects): Write[] {
  return allWorkflowWrites(s).filter((write) =>
    !write.params?.includes(undefined) && !write.setup?.some((line) => line.includes("undefined"))
  );
}

function allWorkflowWrites(s: WriteSubjects): Write[] {
  const w = (
    name: string,
    as: string,
    call: string,
    params: unknown[],
    setup?: string[],
  ): Write => ({
    name,
    as,
    call,
    params,
    setup,
    scope: "assessment",
  });
  const upload = (path: string) =>
    `insert into storage.objects (bucket_id, name, owner_id, metadata)
     values ('movs', '${path}', '${s.draftBlgu}', '${UPLOAD_METADATA}'::jsonb)`;
  const uploaded = `${s.draftPath}/00000000-0000-4000-8000-00000000b001-evidence.pdf`;
  return [
    w("save_answers", s.draftBlgu, "select public.save_answers($1, $2, $3::text::jsonb, $4)", [
      s.draft,
      s.draftLeaf,
      s.draftLeafAnswers,
      s.draftLeafVersion,
    ]),
    w("submit_area", s.draftBlgu, "select public.submit_area($1, 1::smallint)", [s.draft]),
    {
      ...w("storage: MOV upload (Storage API insert)", "service_role", upload(uploaded), []),
    },
    w(
      "storage: MOV delete (by its uploader)",
      s.draftBlgu,
      `delete from storage.objects where bucket_id = 'movs' and name = $1`,
      [uploaded],
      // The Storage API allows its own deletion statement this way.
      [upload(uploaded), "select set_config('storage.allow_delete_query', 'true', true)"],
    ),
    w("save_checklist", s.assessor6, "select public.save_checklist($1, $2, '{}'::jsonb, $3)", [
      s.submitted,
      s.submittedLeaf,
      s.submittedLeafVersion,
    ]),
    w("flag_mov", s.assessor6, "select public.flag_mov($1, true, 'The scan is unreadable.')", [
      s.submittedMov,
    ]),
    w(
      "add_comment",
      s.assessor6,
      "select public.add_comment($1, 'Attach the signed minutes.', 'public', null, 6::smallint)",
      [s.submitted],
    ),
    w("approve_area", s.assessor6, "select public.approve_area($1, 6::smallint)", [s.submitted]),
    w(
      "request_rework",
      s.assessor6,
      "select public.request_rework($1, 6::smallint, 'Attach the signed minutes.')",
      [s.submitted],
    ),
    w(
      "decide_leaf",
      s.validator,
      "select public.decide_leaf($1, $2, 'met', $3)",
      [s.validating, s.validatingLeaf, s.validatingLeafVersion],
    ),
    w(
      "request_calibration",
      s.validator,
      "select public.request_calibration($1, array[$2::uuid])",
      [s.validating, s.validatingLeaf],
      [
        `select public.add_comment('${s.validating}', 'Attach the signed minutes.', 'public', '${s.validatingLeaf}')`,
      ],
    ),
    w("finalize_validation", s.validator, "select public.finalize_validation($1)", [s.validating]),
    w("submit_calibration", s.calibrationBlgu, "select public.submit_calibration($1)", [
      s.calibration,
    ]),
    w(
      "override_decision",
      s.approvalMlgoo,
      "select public.override_decision($1, $2, 'met', 'The minutes were found.')",
      [s.approval, s.approvalLeaf],
    ),
    w(
      "request_recalibration",
      s.approvalMlgoo,
      "select public.request_recalibration($1, array[$2::uuid])",
      [s.approval, s.approvalLeaf],
      [
        `select public.add_comment('${s.approval}', 'Attach the signed minutes.', 'public', '${s.approvalLeaf}')`,
      ],
    ),
    w("approve_assessment", s.approvalMlgoo, "select public.approve_assessment($1)", [s.approval]),
    w("submit_recalibration", s.recalibrationBlgu, "select public.submit_recalibration($1)", [
      s.recalibration,
    ]),
    w(
      "reopen_assessment",
      s.submittedMlgoo,
      "select public.reopen_assessment($1, 'A document was missing.')",
      [s.submitted],
    ),
    w(
      "lock_assessment",
      s.draftMlgoo,
      "select public.lock_assessment($1, 'Under investigation.')",
      [s.draft],
    ),
    w(
      "unlock_assessment",
      s.draftMlgoo,
      "select public.unlock_assessment($1)",
      [s.draft],
      [`select public.lock_assessment('${s.draft}', 'Under investigation.')`],
    ),
    w(
      "extend_deadline",
      s.draftMlgoo,
      "select public.extend_deadline($1, now() + interval '60 days', 'Typhoon.')",
      [s.draft],
    ),
    w(
      "admin_set_user_active",
      s.draftMlgoo,
      "select public.admin_set_user_active($1, false)",
      [s.otherBlguUser],
    ),
  ];
}

/**
 * What pg_cron runs with nothing due, each in a transaction rolled back: the job sweep, the audit
 * verifications, the deadline work and the cycle activations (the last two end before their first
 * commit when nothing is due). The deadline work acts for `at` (now by default).
 */
export function idleTicks(at = "now()"): Write[] {
  const tick = (name: string, call: string): Write => ({
    name,
    as: "postgres",
    call,
    scope: "idle",
  });
  return [
    tick("cron: sweep jobs, nothing due", "select private.sweep_jobs()"),
    tick("cron: audit verifications, nothing due", "select private.run_audit_verifications()"),
    tick("cron: deadline work, nothing due", `call private.run_deadline_work(${at})`),
    tick("cron: cycle activations, nothing due", "call private.run_cycle_activations()"),
  ];
}

/** A fixed computation that reads no table, timed in the rounds beside the writes. */
export function hostControl(): Write {
  return {
    name: "control: a fixed computation, no table",
    as: "postgres",
    call: "select sum(i) from generate_series(1, 20000) as i",
    scope: "control",
  };
}

/** The central administrator asks for the activation of a new national cycle (created, untimed, just before). */
export function activationRequest(): Write {
  return {
    name: "activate_cycle (the request)",
    as: ADMINISTRATOR,
    setupAs: "postgres",
    setup: [NEW_CYCLE],
    call: `select public.activate_cycle('${NEW_CYCLE_ID}')`,
    scope: "assessment",
  };
}

const NEW_CYCLE_ID = "c0000000-0000-4000-8000-000000002026";
const NEW_CYCLE = `
  insert into public.cycles (id, year, title, reviewed_year, catalog_edition, submission_deadline)
  values ('${NEW_CYCLE_ID}', 2026, 'SGLGB 2026 (reviews CY 2025)', 2025, '2024', now() + interval '120 days')`;

/** The central administrator moves the active cycle's submission deadline (by default a week later). */
function deadlineChange(until = "submission_deadline + interval '7 days'"): string {
  return `update public.cycles set submission_deadline = ${until} where id = '${ACTIVE_CYCLE}'`;
}

/** The administrator's change of the national deadline: one row, its drafts left to the deadline work. */
export function deadlineChangeRequest(): Write {
  return {
    name: "cycle deadline change (the update)",
    as: ADMINISTRATOR,
    call: deadlineChange(),
    scope: "assessment",
  };
}

/**
 * The deadline work, committed, batch by batch as pg_cron runs it (batches of `batchSize`, by default
 * the procedure's own), in this order: the national deadline moved a week later by the administrator
 * and the run that reschedules the drafts (acting for now, when nothing else is due), then the 7-day
 * reminders (a minute after their moment) and the locks at the deadline (a minute after it), by the
 * moved deadline.
 */
export function deadlineWork(moments: DeadlineMoments, batchSize?: number): CommittedWork[] {
  const minute = 60_000;
  const day = 24 * 60 * minute;
  const deadline = new Date(moments.deadline).getTime() + 7 * day;
  const batches = batchSize === undefined ? "" : `, ${batchSize}`;
  const deadlineRun = (name: string, at: number, setup: string[] = []): CommittedWork => ({
    name,
    setup,
    call: `call private.run_deadline_work('${new Date(at).toISOString()}'${batches})`,
    progress: `
      select rescheduled + reminded + locked as affected, batches,
             longest_batch_ms::float8 as "longestBatchMs"
      from public.deadline_runs order by id desc limit 1`,
  });
  return [
    deadlineRun(
      "cron: deadline work, the deadline moved a week later",
      new Date(moments.now).getTime(),
      [
        `select set_config('request.jwt.claims', '{"sub": "${ADMINISTRATOR}", "role": "authenticated"}', true)`,
        "set local role authenticated",
        deadlineChange(`'${new Date(deadline).toISOString()}'`),
      ],
    ),
    deadlineRun("cron: deadline work, 7-day reminders", deadline - 7 * day + minute),
    deadlineRun("cron: deadline work at the deadline", deadline + minute),
  ];
}

/**
 * The scheduled work that changes the dataset, committed, last in a step: the deadline work
 * (`deadlineWork`), then the activation of a new national cycle (asked for, then its batches).
 */
export function committedWork(moments: DeadlineMoments): CommittedWork[] {
  return [
    ...deadlineWork(moments),
    {
      name: "cron: cycle activations, a new national cycle",
      setup: [
        NEW_CYCLE,
        `select set_config('request.jwt.claims', '{"sub": "${ADMINISTRATOR}", "role": "authenticated"}', true)`,
        `select public.activate_cycle('${NEW_CYCLE_ID}')`,
      ],
      call: "call private.run_cycle_activations()",
      progress: `
        select assessments_created as affected, batches, longest_batch_ms::float8 as "longestBatchMs"
        from public.cycle_activations order by id desc limit 1`,
    },
  ];
}

/** Scheduled work run for real: setup committed, then the call outside any transaction, then its progress row. */
export type CommittedWork = { name: string; setup: string[]; call: string; progress: string };

export type WriteTiming = {
  name: string;
  scope: Write["scope"];
  ms: number;
  rowsChanged: number;
  notifications: number;
  /** For a batch write: the assessments it acted on (reminded, locked, created). */
  affected: number;
  /** For a batch write: its batches, each its own transaction, and the longest of them. */
  batches?: number;
  longestBatchMs?: number;
};

const CHANGES = `
  select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::float8 as rows,
         coalesce(sum(n_tup_ins) filter (where schemaname = 'public' and relname = 'notifications'), 0)::float8
           as notifications
  from pg_stat_xact_user_tables`;

/** The same, over every committed transaction (after this session's statistics are flushed). */
const COMMITTED_CHANGES = `
  select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::float8 as rows,
         coalesce(sum(n_tup_ins) filter (where schemaname = 'public' and relname = 'notifications'), 0)::float8
           as notifications
  from pg_stat_user_tables`;

async function actAs(tx: Executor, as: string) {
  if (as === "postgres") return;
  const claims = as === "service_role"
    ? { role: "service_role" }
    : { sub: as, role: "authenticated" };
  await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
                  set_config('request.headers', '{"x-client-info": "bench"}', true)`;
  await tx.unsafe(`set local role ${as === "service_role" ? "service_role" : "authenticated"}`);
}

/** A runner that executes work in a transaction (or savepoint) that is always rolled back. */
export type RolledBackRunner = <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;

class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super("rolled back");
  }
}

/** Runs work in a new transaction on `sql` and rolls it back, returning what the work returned. */
export function rolledBackTransactions(sql: postgres.Sql): RolledBackRunner {
  return async <T>(work: (tx: Executor) => Promise<T>) => {
    try {
      await sql.begin(async (tx) => {
        throw new RolledBack(await work(tx));
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.value as T;
      throw error;
    }
    throw new Error("unreachable");
  };
}

/** Runs work in a savepoint of `tx` and rolls it back (the test's single transaction). */
export function rolledBackSavepoints(tx: postgres.TransactionSql): RolledBackRunner {
  return async <T>(work: (inner: Executor) => Promise<T>) => {
    try {
      await tx.savepoint(async (sp) => {
        throw new RolledBack(await work(sp));
      });
    } catch (error) {
      if (error instanceof RolledBack) return error.value as T;
      throw error;
    }
    throw new Error("unreachable");
  };
}

type WriteSample = { ms: number; rows: number; notifications: number };

/** One run of a write as its caller, in a transaction that is rolled back. */
async function sampleWrite(run: RolledBackRunner, write: Write): Promise<WriteSample> {
  return await run(async (tx) => {
    await actAs(tx, write.setupAs ?? write.as);
    for (const statement of write.setup ?? []) await tx.unsafe(statement);
    await tx`reset role`;
    const [before] = await tx.unsafe<{ rows: number; notifications: number }[]>(CHANGES);
    await actAs(tx, write.as);
    const startedAt = performance.now();
    await tx.unsafe(write.call, (write.params ?? []) as postgres.ParameterOrJSON<never>[], {
      prepare: true,
    });
    const ms = performance.now() - startedAt;
    await tx`reset role`;
    const [after] = await tx.unsafe<{ rows: number; notifications: number }[]>(CHANGES);
    return {
      ms,
      rows: after.rows - before.rows,
      notifications: after.notifications - before.notifications,
    };
  });
}

/**
 * Times writes as their callers, each run in a transaction that is rolled back: `runs` rounds after
 * a warm-up round (one round, no warm-up, when `runs` is 1), each round running every write once, and
 * each write's median over the rounds. Rounds rather than a write's runs back to back, so that a
 * burst of load on a shared host falls on one run of many writes instead of every run of one. Rows
 * changed and notifications written are read from the transaction's own statistics
 * (pg_stat_xact_user_tables) around the call.
 */
export async function timeWrites(
  run: RolledBackRunner,
  writes: Write[],
  runs: number,
): Promise<WriteTiming[]> {
  const samples: WriteSample[][] = writes.map(() => []);
  for (let round = runs === 1 ? 1 : 0; round <= runs; round++) {
    for (const [index, write] of writes.entries()) {
      const sample = await sampleWrite(run, write);
      if (round > 0) samples[index].push(sample);
    }
  }
  return writes.map((write, index) => {
    const sorted = samples[index].sort((a, b) => a.ms - b.ms);
    const median = sorted[Math.floor(sorted.length / 2)];
    return {
      name: write.name,
      scope: write.scope,
      ms: median.ms,
      rowsChanged: median.rows,
      notifications: median.notifications,
      affected: 0,
    };
  });
}

/**
 * Runs scheduled work for real on `sql` (a session of its own, as pg_cron's): the setup committed,
 * then the call, timed, outside any transaction so that the procedure commits batch by batch. Rows
 * changed and notifications written are read from the server's statistics around it.
 */
export async function timeCommittedWork(
  sql: postgres.Sql,
  work: CommittedWork,
): Promise<WriteTiming> {
  const changes = async () => {
    await sql`select pg_stat_force_next_flush()`;
    await sql`select pg_stat_clear_snapshot()`;
    const [row] = await sql.unsafe<{ rows: number; notifications: number }[]>(COMMITTED_CHANGES);
    return row;
  };
  if (work.setup.length) {
    await sql.begin(async (tx) => {
      for (const statement of work.setup) await tx.unsafe(statement);
    });
  }
  const before = await changes();
  const startedAt = performance.now();
  await sql.unsafe(work.call);
  const ms = performance.now() - startedAt;
  const after = await changes();
  const [progress] = await sql.unsafe<
    { affected: number; batches: number; longestBatchMs: number }[]
  >(
    work.progress,
  );
  return {
    name: work.name,
    scope: "batch",
    ms,
    rowsChanged: after.rows - before.rows,
    notifications: after.notifications - before.notifications,
    affected: progress?.affected ?? 0,
    batches: progress?.batches ?? 0,
    longestBatchMs: progress?.longestBatchMs ?? 0,
  };
}

/** The active cycle's submission deadline and the database's clock, as ISO timestamps. */
export type DeadlineMoments = { deadline: string; now: string };

export async function deadlineMoments(sql: Executor): Promise<DeadlineMoments> {
  const [{ deadline, now }] = await sql<{ deadline: Date; now: Date }[]>`
    select submission_deadline as deadline, now() as now from public.cycles where id = ${ACTIVE_CYCLE}`;
  return { deadline: deadline.toISOString(), now: now.toISOString() };
}

/** One write's growth from the smallest to the largest step, per call or per affected assessment. */
export type WriteGrowth = {
  name: string;
  scope: Write["scope"];
  growth: number;
};

/** Growth per write (smallest step → largest): ms for single-assessment writes and idle ticks, ms per affected assessment for batches. */
export function writeGrowth(steps: WriteTiming[][]): WriteGrowth[] {
  const first = steps[0];
  const last = steps[steps.length - 1];
  return first.map((small) => {
    const large = last.find((t) => t.name === small.name);
    const cost = (t: WriteTiming) => t.scope === "batch" ? t.ms / Math.max(1, t.affected) : t.ms;
    return {
      name: small.name,
      scope: small.scope,
      growth: large ? cost(large) / cost(small) : Number.NaN,
    };
  }).filter((g) => !Number.isNaN(g.growth));
}
