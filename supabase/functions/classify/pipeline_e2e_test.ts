import assert from "node:assert/strict";
import {
  createFixture,
  type Fixture,
  testDatabase,
  uploadAsStorageApi,
  waitFor,
  withSettings,
} from "./test-fixtures.ts";

// End to end on the local stack that `npm test` runs: storage.objects insert (as the Storage API
// does it) -> trigger -> job -> net.http_post -> local pg_net worker -> functions server ->
// classify -> stored projection. Failure injection points the configured URL at a small server of
// this test's own, and drives the sweep with future times instead of waiting for pg_cron.

const sql = testDatabase();

type Job = {
  id: number;
  status: string;
  attempts: number;
  request_id: number | null;
  last_error: string | null;
};

type Kind = "projection" | "readiness";

/** The newest job of a kind; an upload queues a projection and the barangay's readiness. */
async function jobOf(assessmentId: string, kind: Kind = "projection"): Promise<Job> {
  const [job] = await sql<Job[]>`
    select id::integer as id, status, attempts, request_id::integer as request_id, last_error
    from public.jobs where assessment_id = ${assessmentId} and result_kind = ${kind}
    order by id desc limit 1`;
  return job;
}

const results = async (assessmentId: string, kind: Kind = "projection") =>
  await sql<{ input_hash: string }[]>`
    select input_hash from public.classification_results
    where assessment_id = ${assessmentId} and kind = ${kind}`;

/** Waits until pg_net recorded the answer to the job's current request; returns its status code. */
async function answered(assessmentId: string): Promise<number | null> {
  const { request_id } = await jobOf(assessmentId);
  const [response] = await waitFor(async () => {
    const rows = await sql<{ status_code: number | null }[]>`
      select status_code from net._http_response where id = ${request_id}`;
    return rows.length > 0 ? rows : undefined;
  });
  return response.status_code;
}

const sweepAt = async (hoursAhead: number) =>
  (await sql`select private.sweep_jobs(now() + make_interval(hours => ${hoursAhead})) as counts`)[
    0
  ].counts;

async function uploadPdf(fixture: Fixture): Promise<void> {
  await uploadAsStorageApi(sql, fixture, {
    assessmentId: fixture.assessmentId,
    leafCode: "1.1.1",
    fileName: "budget.pdf",
    mimeType: "application/pdf",
  });
}

type Mode = "fail" | "hang" | "forward";

/** Answers 500, hangs past the dispatch timeout, or forwards to the real classify function. */
function flakyFunction(classifyUrl: string) {
  let mode: Mode = "fail";
  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: () => {},
  }, async (request) => {
    const body = await request.text();
    if (mode === "fail") {
      return Response.json({ error: { code: "internal_error" } }, {
        status: 500,
      });
    }
    if (mode === "hang") {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return new Response("late", { status: 200 });
    }
    return await fetch(classifyUrl, {
      method: "POST",
      headers: request.headers,
      body,
    });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/functions/v1`,
    setMode: (next: Mode) => (mode = next),
    stop: () => server.shutdown(),
  };
}

async function configuredClassifyUrl(): Promise<string> {
  const [{ url }] = await sql<
    { url: string | null }[]
  >`select private.setting('vantage_functions_url') as url`;
  assert.ok(url, "the stack configured vantage_functions_url");
  return `${url.replace(/\/$/, "")}/classify`;
}

Deno.test("an upload reaches a stored projection and readiness through pg_net and the functions server", async () => {
  const fixture = await createFixture(sql);
  try {
    const startedAt = performance.now();
    await uploadPdf(fixture);
    const job = await waitFor(async () => {
      const current = await jobOf(fixture.assessmentId);
      return current.status === "done" ? current : undefined;
    });
    const elapsed = performance.now() - startedAt;
    assert.equal(job.attempts, 1);
    assert.equal(await answered(fixture.assessmentId), 200);
    assert.equal((await results(fixture.assessmentId)).length, 1);
    assert.ok(elapsed < 5000, `stored after ${Math.round(elapsed)} ms`);
    await waitFor(async () =>
      (await jobOf(fixture.assessmentId, "readiness")).status === "done" || undefined
    );
    assert.equal((await results(fixture.assessmentId, "readiness")).length, 1);
    const [mov] = await sql`
      select content_check, content_check_reason from public.mov_files where assessment_id = ${fixture.assessmentId}`;
    assert.equal(
      mov.content_check,
      "not_checked",
      "no Storage API on this stack: not checked, never valid",
    );
    assert.match(mov.content_check_reason, /could not be checked/);
  } finally {
    await fixture.cleanup();
  }
});

Deno.test("a function answering 500 or timing out is retried until the job succeeds", async () => {
  const fixture = await createFixture(sql);
  const flaky = flakyFunction(await configuredClassifyUrl());
  try {
    await withSettings(sql, {
      vantage_functions_url: flaky.url,
      vantage_dispatch_timeout_ms: "300",
    }, async () => {
      await uploadPdf(fixture);
      assert.equal(await answered(fixture.assessmentId), 500);
      await sweepAt(1);
      let job = await jobOf(fixture.assessmentId);
      assert.equal(job.status, "queued");
      assert.match(job.last_error!, /^HTTP 500/);

      flaky.setMode("hang");
      await sweepAt(2);
      assert.equal(await answered(fixture.assessmentId), null);
      await sweepAt(3);
      job = await jobOf(fixture.assessmentId);
      assert.equal(job.status, "queued");
      assert.match(job.last_error!, /Timeout/);

      flaky.setMode("forward");
      await sweepAt(4);
      job = await waitFor(async () => {
        const current = await jobOf(fixture.assessmentId);
        return current.status === "done" ? current : undefined;
      });
      assert.equal(job.attempts, 3);
    });
    const stored = await results(fixture.assessmentId);
    assert.equal(stored.length, 1, "one result, no duplicate");
    const [{ jobs }] = await sql`
      select count(*)::integer as jobs from public.jobs
      where assessment_id = ${fixture.assessmentId} and result_kind = 'projection'`;
    assert.equal(jobs, 1, "the job was retried, not re-created");
  } finally {
    await flaky.stop();
    await fixture.cleanup();
  }
});

Deno.test("a job failing for good is dead-lettered with its last error, and nothing is stored twice", async () => {
  const fixture = await createFixture(sql);
  const flaky = flakyFunction(await configuredClassifyUrl());
  try {
    await withSettings(sql, { vantage_functions_url: flaky.url }, async () => {
      await uploadPdf(fixture);
      const { id } = await jobOf(fixture.assessmentId);
      await sql`update public.jobs set max_attempts = 2 where id = ${id}`;
      assert.equal(await answered(fixture.assessmentId), 500);
      await sweepAt(1);
      await sweepAt(2);
      assert.equal(await answered(fixture.assessmentId), 500);
      await sweepAt(3);
    });
    const job = await jobOf(fixture.assessmentId);
    assert.equal(job.status, "dead");
    assert.equal(job.attempts, 2);
    assert.match(
      job.last_error!,
      /^HTTP 500: \{"error":\{"code":"internal_error"\}\}/,
    );
    assert.equal((await results(fixture.assessmentId)).length, 0);

    // The dead job stays visible until a later run, which answers it too and keeps its last error.
    await sql`select private.enqueue_classification(${fixture.assessmentId}, 'projection')`;
    await waitFor(async () => (await jobOf(fixture.assessmentId)).status === "done" || undefined);
    const [dead] = await sql`select status, last_error from public.jobs where id = ${job.id}`;
    assert.equal(dead.status, "done");
    assert.match(dead.last_error, /^HTTP 500/);
    assert.equal((await results(fixture.assessmentId)).length, 1);
  } finally {
    await flaky.stop();
    await fixture.cleanup();
  }
});

Deno.test({
  name: "close the database client",
  fn: () => sql.end(),
  sanitizeOps: false,
  sanitizeResources: false,
});
