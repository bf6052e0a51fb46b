// The scheduled deadline work as pg_cron runs it: `call private.run_deadline_work(...)`, a procedure
// that commits each batch. A batch that fails, or a session killed between batches, loses nothing:
// what the committed batches did stays, the failed batch leaves no trace, and the next run does the
// rest, each assessment locked exactly once. With nothing due a run writes nothing.
//
// The fixture's assessments are the only ones due at the moment the runs act for (their extended
// deadlines are in 2000), so the seeded and concurrent tests' assessments are never touched; the
// pg_cron job is paused meanwhile, so that only the test's runs act on them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../tools/lib/database.ts";
import { callAsCron, setCronJobActive } from "./scheduled-work.ts";

const databaseUrl = process.env.SUPABASE_DB_URL;

const ACTING_FOR = "2000-01-02T00:00:00Z";
const ASSESSMENTS = 5;

describe.skipIf(!databaseUrl)("the deadline work in batches", () => {
  const admin = connect(databaseUrl ?? "");
  const year = 2060 + Math.floor(Math.random() * 10);
  const town = `99${String(year).slice(2)}01000`;
  const mlgoo = randomUUID();
  const users = Array.from({ length: ASSESSMENTS }, () => randomUUID());
  const trap = `public.trap_deadline_work_${year}`;
  let cycleId = "";
  let assessmentIds: string[] = [];

  const locks = async () =>
    await admin<{ id: string; locked: boolean; events: number; notified: number }[]>`
      select a.id, a.is_locked as locked,
             (select count(*)::int from public.events e where e.assessment_id = a.id and e.action = 'assessment_locked') as events,
             (select count(*)::int from public.notifications n where n.assessment_id = a.id and n.kind = 'assessment_locked') as notified
      from public.assessments a where a.cycle_id = ${cycleId} order by a.id`;
  const runs = async () =>
    await admin<
      { batches: number; locked: number; finished: boolean; failure: string | null }[]
    >`
      select batches, locked, finished_at is not null as finished, failure
      from public.deadline_runs where acting_for = ${ACTING_FOR} order by id`;
  /** A run as pg_cron makes it. */
  const runDeadlineWork = (batchSize: number) =>
    callAsCron(
      databaseUrl ?? "",
      (session) =>
        session`call private.run_deadline_work(${ACTING_FOR}::timestamptz, ${batchSize})`,
    );

  const pauseCron = (active: boolean) => setCronJobActive(admin, "vantage-deadline-work", active);

  beforeAll(async () => {
    await pauseCron(false);
    await admin.begin(async (tx) => {
      await tx`select private.declare_workflow_write()`;
      await tx`insert into public.cities_municipalities (psgc_code, province_code, name)
               values (${town}, '043400000', ${`Deadline Town ${year}`})`;
      [{ id: cycleId }] = await tx`
        insert into public.cycles (year, title, reviewed_year, catalog_edition, submission_deadline)
        values (${year}, ${`Deadline work ${year}`}, ${
        year - 1
      }, '2024', '2000-01-01T00:00:00Z') returning id`;
      for (const [index, userId] of [mlgoo, ...users].entries()) {
        await tx`
          insert into auth.users (id, aud, role, email, raw_app_meta_data, created_at, updated_at)
          values (${userId}, 'authenticated', 'authenticated', ${`dw-${index}-${year}@deadline.local`},
                  '{"provider": "email"}', now(), now())`;
      }
      await tx`update public.profiles set role = 'mlgoo', city_municipality_code = ${town}, must_change_password = false
               where id = ${mlgoo}`;
      for (const [index, userId] of users.entries()) {
        const [{ id: barangayId }] = await tx`
          insert into public.barangays (psgc_code, name, city_municipality_code)
          values (${`${town.slice(0, 6)}${String(index + 1).padStart(3, "0")}`}, ${`Deadline ${
          index + 1
        }`}, ${town})
          returning id`;
        await tx`update public.profiles set role = 'blgu', barangay_id = ${barangayId}, must_change_password = false
                 where id = ${userId}`;
        await tx`
          insert into public.assessments (cycle_id, barangay_id, deadline_extended_until, extension_reason)
          values (${cycleId}, ${barangayId}, '2000-01-01T00:00:00Z', 'Past deadline for the test')`;
      }
    });
    assessmentIds = (await locks()).map((row) => row.id);
  });

  afterAll(async () => {
    await admin.begin(async (tx) => {
      await tx.unsafe(
        `drop trigger if exists trap on public.events; drop function if exists ${trap}()`,
      );
      await tx`alter table public.events disable trigger append_only`;
      await tx`delete from public.notifications where recipient_id in ${tx([mlgoo, ...users])}`;
      await tx`delete from public.events where assessment_id in ${tx(assessmentIds)}`;
      await tx`delete from public.assessments where cycle_id = ${cycleId}`;
      await tx`delete from public.events where cycle_id = ${cycleId}`;
      await tx`alter table public.events enable trigger append_only`;
      await tx`delete from public.cycles where id = ${cycleId}`;
      await tx`delete from public.deadline_runs where acting_for = ${ACTING_FOR}`;
      await tx`delete from auth.users where id in ${tx([mlgoo, ...users])}`;
      await tx`delete from public.barangays where city_municipality_code = ${town}`;
      await tx`delete from public.cities_municipalities where psgc_code = ${town}`;
    });
    await pauseCron(true);
    await admin.end();
  });

  it("a failed batch is rolled back whole and the next run completes the work", async () => {
    // The lock of the fourth assessment fails: the second batch (third and fourth) is rolled back.
    await admin.unsafe(`
      create function ${trap}() returns trigger language plpgsql as $$
      begin
        if new.action = 'assessment_locked' and new.assessment_id = '${assessmentIds[3]}' then
          raise exception 'disk full';
        end if;
        return new;
      end $$;
      create trigger trap before insert on public.events for each row execute function ${trap}();`);
    await runDeadlineWork(2);

    expect((await locks()).map((row) => [row.locked, row.events, row.notified])).toEqual([
      [true, 1, 1],
      [true, 1, 1],
      [false, 0, 0],
      [false, 0, 0],
      [false, 0, 0],
    ]);
    expect(await runs()).toEqual([{ batches: 1, locked: 2, finished: true, failure: "disk full" }]);

    await admin.unsafe(`drop trigger trap on public.events; drop function ${trap}()`);
    await runDeadlineWork(2);

    expect((await locks()).map((row) => [row.locked, row.events, row.notified])).toEqual(
      assessmentIds.map(() => [true, 1, 1]),
    );
    expect((await runs())[1]).toEqual({ batches: 3, locked: 3, finished: true, failure: null });
    const told = await admin<{ count: number }[]>`
      select (data ->> 'count')::int as count from public.notifications
      where recipient_id = ${mlgoo} and kind = 'assessments_locked' order by id`;
    expect(told.map((n) => n.count), "the MLGOO hears once per run, of every lock").toEqual([2, 3]);
  });

  it("a session killed between batches keeps what its batches committed and the next run does the rest", async () => {
    await admin.begin(async (tx) => {
      await tx`select private.declare_workflow_write()`;
      await tx`update public.assessments set is_locked = false, locked_at = null, lock_reason = null
               where cycle_id = ${cycleId}`;
    });
    // Each lock takes a while, so the session can be killed while a run is between its batches.
    await admin.unsafe(`
      create function ${trap}() returns trigger language plpgsql as $$
      begin
        if new.action = 'assessment_locked' and new.assessment_id::text = any ('{${
      assessmentIds.join(",")
    }}') then
          perform pg_sleep(0.5);
        end if;
        return new;
      end $$;
      create trigger trap before insert on public.events for each row execute function ${trap}();`);
    const killed = runDeadlineWork(1).then(() => "finished", () => "killed");
    let committed = 0;
    for (let wait = 0; wait < 200 && committed < 2; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      [{ committed }] = await admin<{ committed: number }[]>`
        select coalesce(max(batches), 0)::int as committed from public.deadline_runs
        where acting_for = ${ACTING_FOR} and finished_at is null and failure is null`;
    }
    await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where query like 'call private.run_deadline_work%' and pid <> pg_backend_pid()`;
    expect(await killed).toBe("killed");
    await admin.unsafe(`drop trigger trap on public.events; drop function ${trap}()`);

    const cutOff = (await runs())[2];
    expect(cutOff.finished).toBe(false);
    const afterKill = await locks();
    // Every lock committed is whole (its event and notification with it); nothing else happened.
    expect(afterKill.filter((row) => row.locked).length).toBe(cutOff.locked);
    expect(cutOff.locked).toBeGreaterThanOrEqual(2);
    expect(cutOff.locked).toBeLessThan(ASSESSMENTS);
    for (const row of afterKill) {
      expect([row.events, row.notified]).toEqual(row.locked ? [2, 2] : [1, 1]);
    }

    await runDeadlineWork(2);
    const [, , marked, completed] = await runs();
    expect(marked.failure).toMatch(/Cut off/);
    expect(completed).toMatchObject({
      finished: true,
      failure: null,
      locked: ASSESSMENTS - cutOff.locked,
    });
    expect((await locks()).map((row) => [row.locked, row.events, row.notified])).toEqual(
      assessmentIds.map(() => [true, 2, 2]),
    );
  });

  it("with nothing due a run records nothing and changes nothing", async () => {
    const before = await runs();
    await runDeadlineWork(2);
    expect(await runs()).toEqual(before);
    expect((await locks()).every((row) => row.locked && row.events === 2)).toBe(true);
  });
});
