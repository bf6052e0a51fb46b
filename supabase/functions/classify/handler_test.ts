import assert from "node:assert/strict";
import type { Sql } from "../_shared/db.ts";
import type { ByteReader, HeadRead } from "./content-check.ts";
import { capdevPlan, type ClassificationResult } from "../../../packages/classifier/src/index.ts";
import { accomplishmentBelowHalf2024 } from "../../../packages/classifier/test/fixtures/shortfalls.ts";
import { createClassifyHandler } from "./handler.ts";
import { type ResultKind, storeResult } from "./store.ts";
import {
  asUser,
  asWorkflowWrite,
  createFixture,
  type Fixture,
  PDF_HEAD,
  slotKey,
  testDatabase,
  uploadAsStorageApi,
  withSettings,
} from "./test-fixtures.ts";

// The handler against the real test database. Dispatches go to a closed port so that only these
// tests run the jobs.

const SECRET = "handler-test-secret";
const UNREACHABLE = {
  vantage_functions_url: "http://127.0.0.1:9/functions/v1",
};

const sql = testDatabase();

const readerOf = (heads: Record<string, HeadRead>): ByteReader => (path) =>
  Promise.resolve(
    heads[path.split("-").at(-1)!] ?? { kind: "bytes", bytes: PDF_HEAD },
  );

function handlerWith(readHead: ByteReader = readerOf({})) {
  return createClassifyHandler({
    sql,
    webhookSecret: () => Promise.resolve(SECRET),
    readHead,
  });
}

const post = (body: unknown, secret: string | null = SECRET) =>
  new Request("http://127.0.0.1/classify", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

/** The newest job of a kind; an upload queues a projection and the barangay's readiness. */
async function latestJob(assessmentId: string, kind: ResultKind = "projection"): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    select id::integer as id from public.jobs
    where assessment_id = ${assessmentId} and result_kind = ${kind} order by id desc limit 1`;
  return row.id;
}

const resultCount = async (assessmentId: string) =>
  (await sql<{ n: number }[]>`
    select count(*)::integer as n from public.classification_results where assessment_id = ${assessmentId}`)[
    0
  ].n;

async function indicatorId(fixture: Fixture, code: string): Promise<string> {
  const [{ id }] = await sql<{ id: string }[]>`
    select id from public.indicators where cycle_id = ${fixture.cycleId} and code = ${code}`;
  return id;
}

async function withFixture(
  body: (fixture: Fixture) => Promise<void>,
): Promise<void> {
  const fixture = await createFixture(sql);
  try {
    await withSettings(sql, UNREACHABLE, () => body(fixture));
  } finally {
    await fixture.cleanup();
  }
}

Deno.test("a dispatched job is classified, stored and acknowledged in one go", () =>
  withFixture(async (fixture) => {
    await uploadAsStorageApi(sql, fixture, {
      assessmentId: fixture.assessmentId,
      leafCode: "1.1.1",
      fileName: "budget.pdf",
      mimeType: "application/pdf",
    });
    const jobId = await latestJob(fixture.assessmentId);
    const response = await handlerWith()(post({ job_id: jobId }));
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.created, true);
    assert.equal(body.assessment_id, fixture.assessmentId);
    assert.match(body.input_hash, /^[0-9a-f]{64}$/);

    const [job] =
      await sql`select status, finished_at is not null as finished from public.jobs where id = ${jobId}`;
    assert.deepEqual({ ...job }, { status: "done", finished: true });
    const [stored] = await sql`
      select kind, input_hash, passed, readiness_percent::float8 as readiness,
             result -> 'projection' as projection, result -> 'leaves' as leaves
      from public.classification_results where assessment_id = ${fixture.assessmentId}`;
    assert.equal(stored.kind, "projection");
    assert.equal(stored.input_hash, body.input_hash);
    assert.equal(stored.projection.kind, "projection");
    assert.equal(
      stored.passed,
      stored.projection.passed,
      "a projection stores the projected verdict",
    );
    assert.equal(stored.readiness, stored.projection.readinessPercent);
    assert.equal(body.passed, stored.passed);
    assert.equal(body.readiness_percent, stored.readiness);
    const leaf = (stored.leaves as {
      code: string;
      completeness: { missingSlots: string[] };
    }[])
      .find((candidate) => candidate.code === "1.1.1")!;
    const [{ slot_key: uploadedSlot }] = await sql`
      select s.slot_key from public.mov_files m join public.upload_slots s on s.id = m.slot_id
      where m.assessment_id = ${fixture.assessmentId}`;
    assert.ok(
      !leaf.completeness.missingSlots.includes(uploadedSlot),
      "the uploaded slot counts as filled",
    );
    const [mov] =
      await sql`select content_check from public.mov_files where assessment_id = ${fixture.assessmentId}`;
    assert.equal(mov.content_check, "valid");
  }));

Deno.test("a wrong or missing secret is refused with 401 and changes nothing", () =>
  withFixture(async (fixture) => {
    await sql`select private.enqueue_classification(${fixture.assessmentId}, 'projection')`;
    const jobId = await latestJob(fixture.assessmentId);
    for (const secret of ["wrong-secret", null, `${SECRET}x`]) {
      const response = await handlerWith()(post({ job_id: jobId }, secret));
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error.code, "unauthorized");
    }
    const [job] = await sql`select status from public.jobs where id = ${jobId}`;
    assert.equal(job.status, "running");
    assert.equal(await resultCount(fixture.assessmentId), 0);
  }));

Deno.test("a bad payload is refused with 400 naming the field", async () => {
  const cases: [unknown, string][] = [
    [{ job_id: "12" }, "job_id"],
    [{ job_id: -1 }, "job_id"],
    [{}, "job_id"],
    [{ assessment_id: "not-a-uuid" }, "assessment_id"],
    [{ assessment_id: crypto.randomUUID(), kind: "final" }, "kind"],
    [{ job_id: 1, extra: true }, "extra"],
    ["{not json", "(body)"],
  ];
  for (const [body, field] of cases) {
    const response = await handlerWith()(post(body));
    assert.equal(response.status, 400, JSON.stringify(body));
    const { error } = await response.json();
    assert.equal(error.code, "invalid_payload");
    assert.equal(error.field, field, JSON.stringify(body));
  }
  assert.equal(
    (await handlerWith()(new Request("http://127.0.0.1/classify"))).status,
    405,
  );
});

Deno.test("an unknown job or assessment answers 404", async () => {
  const missingJob = await handlerWith()(post({ job_id: 2_000_000_000 }));
  assert.equal(missingJob.status, 404);
  assert.equal((await missingJob.json()).error.code, "job_not_found");
  const missingAssessment = await handlerWith()(
    post({ assessment_id: crypto.randomUUID() }),
  );
  assert.equal(missingAssessment.status, 404);
  assert.equal(
    (await missingAssessment.json()).error.code,
    "assessment_not_found",
  );
});

Deno.test("replaying a job or an unchanged input stores no second result", () =>
  withFixture(async (fixture) => {
    await sql`select private.enqueue_classification(${fixture.assessmentId}, 'official')`;
    const jobId = await latestJob(fixture.assessmentId, "official");
    const handler = handlerWith();
    const first = await (await handler(post({ job_id: jobId }))).json();
    const replay = await (await handler(post({ job_id: jobId }))).json();
    assert.equal(first.created, true);
    assert.deepEqual(replay, {
      job_id: jobId,
      status: "done",
      already_done: true,
    });
    const direct = await (await handler(
      post({ assessment_id: fixture.assessmentId, kind: "official" }),
    )).json();
    assert.equal(direct.created, false);
    assert.equal(direct.input_hash, first.input_hash);
    assert.equal(direct.result_id, first.result_id);
    assert.equal(await resultCount(fixture.assessmentId), 1);
    const [official] = await sql`
      select passed, (result -> 'overall' ->> 'passed')::boolean as overall
      from public.classification_results where assessment_id = ${fixture.assessmentId}`;
    assert.equal(official.passed, official.overall, "an official result stores the 3+1 verdict");
    assert.equal(first.passed, official.passed);
  }));

Deno.test("an official result is stored with its CapDev agenda, once; a projection has none", () =>
  withFixture(async (fixture) => {
    const handler = handlerWith();
    const projection = await (await handler(
      post({ assessment_id: fixture.assessmentId, kind: "projection" }),
    )).json();
    const first = await (await handler(
      post({ assessment_id: fixture.assessmentId, kind: "official" }),
    )).json();
    const again = await (await handler(
      post({ assessment_id: fixture.assessmentId, kind: "official" }),
    )).json();
    assert.equal(again.result_id, first.result_id);
    const agendas = await sql<{ result_id: string; fewest_fixes: number | null }[]>`
      select result_id, fewest_fixes from public.capdev_agendas
      where assessment_id = ${fixture.assessmentId}`;
    assert.deepEqual(agendas.map((agenda) => agenda.result_id), [first.result_id]);
    assert.notEqual(projection.result_id, first.result_id);

    // The stored items are the classifier's plan of the stored result, item for item.
    const [{ result }] = await sql<{ result: ClassificationResult }[]>`
      select result from public.classification_results where id = ${first.result_id}`;
    const plan = capdevPlan(result);
    const items = await sql`
      select rank, priority, leaf_code, reasons, answers, in_fewest_fixes
      from public.capdev_agenda_items where result_id = ${first.result_id} order by rank`;
    assert.deepEqual(
      items.map((i) => [i.rank, i.priority, i.leaf_code, i.reasons, i.answers, i.in_fewest_fixes]),
      plan.items.map((
        i,
      ) => [i.rank, i.priority, i.leafCode, i.reasons, i.answers, i.inFewestFixes]),
    );
    // Nothing decided yet: every scored sub-indicator is on it, the core ones first.
    assert.equal(items.length, 77);
    assert.equal(items[0].priority, "core");
    assert.equal(agendas[0].fewest_fixes, plan.fewestFixes.fixes);

    // A result stored without its agenda (e.g. before agendas existed) gets it when classified again.
    await sql`delete from public.capdev_agendas where result_id = ${first.result_id}`;
    const rerun = await (await handler(
      post({ assessment_id: fixture.assessmentId, kind: "official" }),
    )).json();
    assert.equal(rerun.result_id, first.result_id);
    const [{ count }] = await sql<{ count: number }[]>`
      select count(*)::integer as count from public.capdev_agenda_items where result_id = ${first.result_id}`;
    assert.equal(count, 77);
  }));

Deno.test("a result stores its kind's verdict: the 3+1 one when official, the projected one for a projection", () =>
  withFixture(async (fixture) => {
    // Only the fields storeResult reads; the two verdicts differ, so a swap would show.
    const result = {
      classifierVersion: "test",
      inputHash: "a".repeat(64),
      overall: { passed: true, coreAreasPassed: 3, essentialAreasPassed: 1 },
      projection: { kind: "projection", passed: false, readinessPercent: 50, areas: [] },
    } as unknown as ClassificationResult;
    const rollback = new Error("rolled back");
    await sql.begin(async (tx) => {
      const official = await storeResult(tx, fixture.assessmentId, "official", result);
      const projection = await storeResult(tx, fixture.assessmentId, "projection", result);
      assert.deepEqual([official.passed, projection.passed], [true, false]);
      throw rollback;
    }).catch((error) => {
      if (error !== rollback) throw error;
    });
  }));

Deno.test("concurrent jobs for one assessment serialize; the last committed state wins", () =>
  withFixture(async (fixture) => {
    const upload = (fileName: string) =>
      uploadAsStorageApi(sql, fixture, {
        assessmentId: fixture.assessmentId,
        leafCode: "1.1.1",
        fileName,
        mimeType: "application/pdf",
      });
    await upload("first.pdf");
    const firstJob = await latestJob(fixture.assessmentId);
    await upload("second.pdf");
    const secondJob = await latestJob(fixture.assessmentId);
    assert.notEqual(firstJob, secondJob);
    const handler = handlerWith();
    const bodies = await Promise.all(
      [firstJob, secondJob, firstJob, secondJob].map(async (job_id) =>
        (await handler(post({ job_id }))).json()
      ),
    );
    const computed = bodies.filter((body) => !body.already_done);
    assert.ok(computed.length >= 1);
    assert.equal(
      new Set(computed.map((body) => body.input_hash)).size,
      1,
      "every run saw the same committed state",
    );
    assert.equal(computed.filter((body) => body.created).length, 1, "one result was created");
    assert.deepEqual(
      computed[0].acknowledged_jobs.toSorted((a: number, b: number) => a - b),
      [firstJob, secondJob],
      "one run answers both jobs",
    );
    assert.equal(await resultCount(fixture.assessmentId), 1);
    const jobs = await sql`select status from public.jobs where id in (${firstJob}, ${secondJob})`;
    assert.deepEqual(jobs.map((job) => job.status), ["done", "done"]);

    // A later change (deletion) makes a new state: the newest result is that state.
    await sql.begin(async (tx) => {
      await tx`select set_config('storage.allow_delete_query', 'true', true)`;
      await tx`delete from storage.objects where bucket_id = 'movs' and name like ${`${fixture.assessmentId}/%`}`;
    });
    const third = await (await handler(
      post({ job_id: await latestJob(fixture.assessmentId) }),
    )).json();
    assert.equal(third.created, true);
    const [latest] = await sql`
      select input_hash from public.classification_results where assessment_id = ${fixture.assessmentId}
      order by created_at desc limit 1`;
    assert.equal(latest.input_hash, third.input_hash);
  }));

Deno.test("content that contradicts its type is rejected and no longer counts; unreadable content is not checked", () =>
  withFixture(async (fixture) => {
    const upload = (leafCode: string, fileName: string, mimeType: string) =>
      uploadAsStorageApi(sql, fixture, {
        assessmentId: fixture.assessmentId,
        leafCode,
        fileName,
        mimeType,
      });
    await upload("1.1.1", "virus.pdf", "application/pdf");
    await upload("2.1.1", "photo.png", "image/png");
    const reader = readerOf({
      "virus.pdf": {
        kind: "bytes",
        bytes: new TextEncoder().encode("MZ\u0090\u0000program"),
      },
      "photo.png": { kind: "unavailable", reason: "storage answered 503" },
    });
    const response = await handlerWith(reader)(
      post({ job_id: await latestJob(fixture.assessmentId) }),
    );
    assert.equal(response.status, 200);
    const movs = await sql`
      select original_name, content_check, content_check_reason from public.mov_files
      where assessment_id = ${fixture.assessmentId} order by original_name`;
    assert.equal(movs[0].original_name, "photo.png");
    assert.equal(movs[0].content_check, "not_checked");
    assert.match(movs[0].content_check_reason, /could not be checked/);
    assert.equal(movs[1].content_check, "rejected");
    assert.match(movs[1].content_check_reason, /program, not a document/);
    const [stored] = await sql`
      select result -> 'leaves' as leaves from public.classification_results where assessment_id = ${fixture.assessmentId}`;
    const [{ slot_key }] = await sql`
      select s.slot_key from public.mov_files m join public.upload_slots s on s.id = m.slot_id
      where m.assessment_id = ${fixture.assessmentId} and m.original_name = 'virus.pdf'`;
    const leaf = (stored.leaves as {
      code: string;
      completeness: { missingSlots: string[] };
    }[])
      .find((candidate) => candidate.code === "1.1.1")!;
    assert.ok(
      leaf.completeness.missingSlots.includes(slot_key),
      "the rejected file does not fill its slot",
    );
  }));

/** What `body` writes with console.log, line by line, and its result. */
async function capturingLogs<T>(body: () => Promise<T>): Promise<{ lines: string[]; value: T }> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (line: string) => lines.push(line);
  try {
    return { lines, value: await body() };
  } finally {
    console.log = original;
  }
}

Deno.test("every request is logged as exactly one JSON object", async () => {
  const { lines } = await capturingLogs(async () => {
    await handlerWith()(post({ job_id: 2_000_000_000 }));
    await handlerWith()(post({ job_id: 1 }, "wrong"));
  });
  assert.equal(lines.length, 2);
  const [notFound, unauthorized] = lines.map((line) => JSON.parse(line));
  assert.equal(notFound.status, 404);
  assert.equal(notFound.job_id, 2_000_000_000);
  assert.equal(unauthorized.status, 401);
  assert.equal(typeof unauthorized.duration_ms, "number");
});

Deno.test("an unexpected failure answers 500, saying the job will be retried, and is logged once", async () => {
  const { lines, value: response } = await capturingLogs(() =>
    createClassifyHandler({
      sql,
      webhookSecret: () => Promise.reject(new Error("settings unreadable")),
      readHead: readerOf({}),
    })(post({ job_id: 1 }))
  );
  assert.equal(response.status, 500);
  assert.deepEqual((await response.json()).error, {
    code: "internal_error",
    message: "The classification failed; it will be retried",
  });
  assert.equal(lines.length, 1);
  const logged = JSON.parse(lines[0]);
  assert.equal(logged.level, "error");
  assert.equal(logged.function, "classify");
  assert.equal(logged.status, 500);
  assert.equal(logged.error, "settings unreadable");
});

Deno.test("an override on a profiling-only indicator is refused by the database, so the official classification never meets it", () =>
  withFixture(async (fixture) => {
    await asWorkflowWrite(
      sql,
      (tx) =>
        tx`update public.assessments set status = 'awaiting_approval', validation_started_at = now()
         where id = ${fixture.assessmentId}`,
    );
    const mlgoo = await fixture.addUser("mlgoo");
    const overrideUnmet = async (code: string) => {
      const id = await indicatorId(fixture, code);
      await asUser(
        sql,
        mlgoo,
        (tx) =>
          tx`select public.override_decision(${fixture.assessmentId}, ${id}, 'unmet', 'Not functional')`,
      );
    };
    await assert.rejects(overrideUnmet("4.9"), (error: { code: string; message: string }) => {
      assert.equal(error.code, "VA008");
      assert.match(error.message, /^Indicator 4\.9 is profiling-only/);
      return true;
    });
    await overrideUnmet("4.1");
    const response = await handlerWith()(
      post({ job_id: await latestJob(fixture.assessmentId, "official") }),
    );
    assert.equal(response.status, 200);
    const [{ indicators }] = await sql<
      { indicators: { code: string; explicitUnmet: boolean }[] }[]
    >`
      select result -> 'indicators' as indicators from public.classification_results
      where assessment_id = ${fixture.assessmentId} and kind = 'official'`;
    assert.equal(indicators.find((indicator) => indicator.code === "4.1")?.explicitUnmet, true);

    // Written past the workflow, such an override still meets the classifier's own refusal.
    await sql`insert into public.indicator_overrides (assessment_id, indicator_id, area_code, decision, reason)
              values (${fixture.assessmentId}, ${await indicatorId(
      fixture,
      "4.9",
    )}, 4, 'unmet', 'Past the workflow')`;
    const refused = await handlerWith()(
      post({ assessment_id: fixture.assessmentId, kind: "official" }),
    );
    assert.equal(refused.status, 500);
  }));

Deno.test("checklist texts of the longest length the database accepts are hashed whole: a later change stores a new result", () =>
  withFixture(async (fixture) => {
    const [{ longest }] = await sql<
      { longest: number }[]
    >`select private.longest_item_text() as longest`;
    await asWorkflowWrite(
      sql,
      (tx) =>
        tx`update public.assessment_areas set status = 'submitted', first_submitted_at = now()
         where assessment_id = ${fixture.assessmentId} and area_code = 1`,
    );
    const assessor = await fixture.addUser("assessor", 1);
    const leaf = await indicatorId(fixture, "1.6.1");
    // Two texts of the longest length end just short of the encoding buffer's first 4 KB.
    const text = "a".repeat(longest);
    await asUser(
      sql,
      assessor,
      (tx) =>
        tx`select public.save_checklist(${fixture.assessmentId}, ${leaf}, ${
          tx.json({ "1_6_1_opt1_header": text, "1_6_1_or_1": text })
        }, 0)`,
    );
    const upload = (leafCode: string) =>
      uploadAsStorageApi(sql, fixture, {
        assessmentId: fixture.assessmentId,
        leafCode,
        fileName: "eo.pdf",
        mimeType: "application/pdf",
      });
    const classifyNow = async () =>
      await (await handlerWith()(post({ assessment_id: fixture.assessmentId }))).json();

    await upload("6.2.1");
    const before = await classifyNow();
    await upload("6.3.1");
    const after = await classifyNow();
    assert.equal(before.status, "done");
    assert.equal(after.created, true, "a file for 6.3.1, after the texts, is a new input");
    assert.notEqual(after.input_hash, before.input_hash);
  }));

Deno.test("the barangay's readiness shows what the classifier found of its files", () =>
  withFixture(async (fixture) => {
    type Readiness = {
      pending: boolean;
      leaves: { code: string; complete: boolean; missingSlots: { slotKey: string }[] }[];
    };
    const readiness = () =>
      asUser(sql, fixture.userId, async (tx) =>
        (await tx<{ readiness: Readiness }[]>`
          select public.barangay_readiness(${fixture.assessmentId}) as readiness`)[0].readiness);
    await uploadAsStorageApi(sql, fixture, {
      assessmentId: fixture.assessmentId,
      leafCode: "1.1.1",
      fileName: "budget.pdf",
      mimeType: "application/pdf",
    });
    assert.equal((await readiness()).pending, true, "the upload is being classified");
    await handlerWith()(post({ job_id: await latestJob(fixture.assessmentId, "readiness") }));

    const after = await readiness();
    assert.equal(after.pending, false);
    const [{ leaves }] = await sql<{ leaves: Readiness["leaves"] }[]>`
      select jsonb_agg(jsonb_build_object('code', leaf ->> 'code', 'complete', leaf -> 'completeness' -> 'complete',
                                          'missingSlots', leaf -> 'completeness' -> 'missingSlots')) as leaves
      from public.classification_results, jsonb_array_elements(result -> 'leaves') as leaf
      where assessment_id = ${fixture.assessmentId} and kind = 'readiness'`;
    const projected = new Map(leaves.map((leaf) => [leaf.code, leaf]));
    for (const leaf of after.leaves) {
      const found = projected.get(leaf.code)!;
      assert.equal(leaf.complete, found.complete, leaf.code);
      assert.deepEqual(
        leaf.missingSlots.map((slot) => slot.slotKey),
        found.missingSlots,
        leaf.code,
      );
    }
    const uploaded = await slotKey(sql, fixture.cycleId, "1.1.1");
    const budget = after.leaves.find((leaf) => leaf.code === "1.1.1")!;
    assert.ok(
      !budget.missingSlots.some((slot) => slot.slotKey === uploaded),
      "the uploaded slot is filled",
    );
  }));

Deno.test("the barangay's answers short of a requirement: its readiness names the shortfall, never the reviewers'", () =>
  withFixture(async (fixture) => {
    type Shortfall = { rule: string; actual: number | null; required?: number; text: string };
    type Readiness = {
      pending: boolean;
      leaves: { code: string; shortfalls: Shortfall[] | null }[];
    };
    const readiness = () =>
      asUser(sql, fixture.userId, async (tx) =>
        (await tx<{ readiness: Readiness }[]>`
          select public.barangay_readiness(${fixture.assessmentId}) as readiness`)[0].readiness);
    const saveAnswers = (code: string, answers: Record<string, unknown>) =>
      indicatorId(fixture, code).then((leaf) =>
        asUser(
          sql,
          fixture.userId,
          (tx) =>
            tx`select public.save_answers(${fixture.assessmentId}, ${leaf}, ${
              tx.json(answers as never)
            }, 0)`,
        )
      );
    // Two CIR transmittals of three, and both accomplishment shares under 50 %, documents declared.
    await saveAnswers("3.1.8", { "3_1_8_a": true, "3_1_8_count": 2, "3_1_8_b": true });
    await saveAnswers("2.1.4", accomplishmentBelowHalf2024);
    // A reviewer's checklist with a count of its own is no part of the barangay's readiness.
    const counted = await indicatorId(fixture, "3.1.8");
    await asWorkflowWrite(
      sql,
      (tx) =>
        tx`insert into public.reviews (assessment_id, leaf_id, area_code, checklist)
         values (${fixture.assessmentId}, ${counted}, 3,
                 '{"3_1_8_a": true, "3_1_8_count": 1, "3_1_8_b": true}')`,
    );
    assert.equal((await readiness()).pending, true, "the saved answers are being classified");

    const response = await handlerWith()(
      post({ job_id: await latestJob(fixture.assessmentId, "readiness") }),
    );
    assert.equal(response.status, 200);
    assert.equal((await response.json()).kind, "readiness");

    const after = await readiness();
    assert.equal(after.pending, false, "one run answers every readiness job queued so far");
    const leaf = (code: string) => after.leaves.find((candidate) => candidate.code === code)!;
    const [transmittals] = leaf("3.1.8").shortfalls!;
    assert.deepEqual(
      { rule: transmittals.rule, actual: transmittals.actual, required: transmittals.required },
      { rule: "count", actual: 2, required: 3 },
      "the barangay's own count, not the reviewer's",
    );
    assert.match(transmittals.text, /^2 of 3 CIR transmittals \(1st to 3rd quarter of \d{4}\)$/);
    assert.deepEqual(leaf("2.1.4").shortfalls!.map((shortfall) => shortfall.text), [
      "38 % of the physical targets accomplished and 41 % of the fund utilized; at least 50 % of either is needed",
    ]);
    assert.deepEqual(leaf("1.1.1").shortfalls, [], "a leaf without answers falls short of nothing");
    await sql`update public.profiles set preferred_language = 'fil' where id = ${fixture.userId}`;
    const inFilipino = (await readiness()).leaves.find((candidate) => candidate.code === "2.1.4")!;
    assert.deepEqual(inFilipino.shortfalls!.map((shortfall) => shortfall.text), [
      "38 % ng mga physical target ang naisakatuparan at 41 % ng pondo ang nagamit; kailangan ang hindi bababa sa 50 % sa alinman sa dalawa",
    ], "a barangay user who prefers Filipino reads it in Filipino");

    const seen = await asUser(
      sql,
      fixture.userId,
      (tx) =>
        tx`select count(*)::integer as n from public.classification_results
         where assessment_id = ${fixture.assessmentId}`,
    );
    assert.equal(seen[0].n, 0, "the barangay reads its readiness only through barangay_readiness");
  }));

Deno.test({
  name: "close the database client",
  fn: () => sql.end(),
  sanitizeOps: false,
  sanitizeResources: false,
});

export type { Sql };
