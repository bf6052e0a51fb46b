// A cycle's activation as pg_cron runs it: `call private.run_cycle_activations(...)`, a procedure
// that commits each batch. A session killed between batches keeps what its batches committed (each
// draft with its barangay's notification); the activation stays unfinished, and the next run
// completes it, every barangay getting exactly one draft and one notification.
//
// The fixture's barangays have the highest ids there are and the activation starts after every
// other barangay (its resume point is set past them), so the seeded and concurrent tests' barangays
// are never given a draft; the cycle is never made active, and the pg_cron job is paused meanwhile,
// so that only the test's runs act.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../tools/lib/database.ts";
import { callAsCron, setCronJobActive } from "./scheduled-work.ts";

const databaseUrl = process.env.SUPABASE_DB_URL;

const BARANGAYS = 5;
const BEFORE_FIXTURE = "ffffffff-ffff-ffff-ffff-ffffffff0000";

describe.skipIf(!databaseUrl)("a cycle's activation in batches", () => {
  const admin = connect(databaseUrl ?? "");
  const year = 2070 + Math.floor(Math.random() * 10);
  const town = `98${String(year).slice(2)}01000`;
  const users = Array.from({ length: BARANGAYS }, () => randomUUID());
  const barangayIds = users.map((_, index) =>
    `ffffffff-ffff-ffff-ffff-ffffffff${String(index + 1).padStart(4, "0")}`
  );
  const trap = `public.trap_cycle_activation_${year}`;
  let cycleId = "";
  let activationId = 0;

  const drafts = async () =>
    await admin<{ barangay: string; drafts: number; notified: number }[]>`
      select b.id as barangay,
             (select count(*)::int from public.assessments a where a.cycle_id = ${cycleId} and a.barangay_id = b.id) as drafts,
             (select count(*)::int from public.notifications n
              join public.assessments a on a.id = n.assessment_id
              where a.cycle_id = ${cycleId} and a.barangay_id = b.id and n.kind = 'cycle_opened') as notified
      from public.barangays b where b.city_municipality_code = ${town} order by b.id`;
  const activation = async () => {
    const [row] = await admin<
      { created: number; batches: number; finished: boolean; failure: string | null }[]
    >`
      select assessments_created as created, batches, finished_at is not null as finished, failure
      from public.cycle_activations where id = ${activationId}`;
    return row;
  };
  /** A run as pg_cron makes it. */
  const runActivations = (batchSize: number) =>
    callAsCron(
      databaseUrl ?? "",
      (session) => session`call private.run_cycle_activations(${batchSize})`,
    );
  const pauseCron = (active: boolean) =>
    setCronJobActive(admin, "vantage-cycle-activations", active);

  beforeAll(async () => {
    await pauseCron(false);
    await admin.begin(async (tx) => {
      await tx`select private.declare_workflow_write()`;
      await tx`insert into public.cities_municipalities (psgc_code, province_code, name)
               values (${town}, '043400000', ${`Activation Town ${year}`})`;
      [{ id: cycleId }] = await tx`
        insert into public.cycles (year, title, reviewed_year, catalog_edition, submission_deadline)
        values (${year}, ${`Activation ${year}`}, ${
        year - 1
      }, '2024', '2100-01-01T00:00:00Z') returning id`;
      for (const [index, userId] of users.entries()) {
        await tx`
          insert into auth.users (id, aud, role, email, raw_app_meta_data, created_at, updated_at)
          values (${userId}, 'authenticated', 'authenticated', ${`ca-${index}-${year}@activation.local`},
                  '{"provider": "email"}', now(), now())`;
        await tx`
          insert into public.barangays (id, psgc_code, name, city_municipality_code)
          values (${barangayIds[index]}, ${`${town.slice(0, 6)}${
          String(index + 1).padStart(3, "0")
        }`},
                  ${`Activation ${index + 1}`}, ${town})`;
        await tx`update public.profiles set role = 'blgu', barangay_id = ${
          barangayIds[index]
        }, must_change_password = false
                 where id = ${userId}`;
      }
      [{ id: activationId }] = await tx`
        insert into public.cycle_activations (cycle_id, after_barangay_id)
        values (${cycleId}, ${BEFORE_FIXTURE}) returning id`;
    });
  });

  afterAll(async () => {
    await admin.begin(async (tx) => {
      await tx.unsafe(
        `drop trigger if exists trap on public.assessments; drop function if exists ${trap}()`,
      );
      await tx`select private.declare_workflow_write()`;
      await tx`alter table public.events disable trigger append_only`;
      await tx`delete from public.notifications where recipient_id in ${tx(users)}`;
      await tx`delete from public.events where assessment_id in (select id from public.assessments where cycle_id = ${cycleId})`;
      await tx`delete from public.assessments where cycle_id = ${cycleId}`;
      await tx`delete from public.events where cycle_id = ${cycleId}`;
      await tx`alter table public.events enable trigger append_only`;
      await tx`delete from public.cycles where id = ${cycleId}`;
      await tx`delete from auth.users where id in ${tx(users)}`;
      await tx`delete from public.barangays where city_municipality_code = ${town}`;
      await tx`delete from public.cities_municipalities where psgc_code = ${town}`;
    });
    await pauseCron(true);
    await admin.end();
  });

  it("a session killed between batches keeps what its batches committed and the next run completes it once", async () => {
    // Each draft takes a while, so the session can be killed while the run is between its batches.
    await admin.unsafe(`
      create function ${trap}() returns trigger language plpgsql as $$
      begin
        if new.cycle_id = '${cycleId}' then
          perform pg_sleep(0.5);
        end if;
        return new;
      end $$;
      create trigger trap before insert on public.assessments for each row execute function ${trap}();`);
    const killed = runActivations(1).then(() => "finished", () => "killed");
    let committed = 0;
    for (let wait = 0; wait < 200 && committed < 2; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      committed = (await activation()).batches;
    }
    await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where query like 'call private.run_cycle_activations%' and pid <> pg_backend_pid()`;
    expect(await killed).toBe("killed");
    await admin.unsafe(`drop trigger trap on public.assessments; drop function ${trap}()`);

    const cutOff = await activation();
    expect(cutOff.finished).toBe(false);
    expect(cutOff.created).toBeGreaterThanOrEqual(2);
    expect(cutOff.created).toBeLessThan(BARANGAYS);
    const afterKill = await drafts();
    // Every committed draft is whole (its notification with it); nothing else was created.
    expect(afterKill.filter((row) => row.drafts === 1).length).toBe(cutOff.created);
    for (const row of afterKill) expect(row.notified).toBe(row.drafts);

    await runActivations(2);
    expect(await activation()).toMatchObject({ created: BARANGAYS, finished: true, failure: null });
    expect((await drafts()).map((row) => [row.drafts, row.notified])).toEqual(
      barangayIds.map(() => [1, 1]),
    );
    const [{ recorded }] = await admin<{ recorded: number[] }[]>`
      select coalesce(array_agg((details ->> 'count')::int), '{}') as recorded from public.events
      where cycle_id = ${cycleId} and action = 'assessments_created'`;
    expect(recorded, "the finished activation is recorded once, with every draft").toEqual([
      BARANGAYS,
    ]);

    await runActivations(2);
    expect(await activation()).toMatchObject({ created: BARANGAYS, finished: true });
    expect((await drafts()).every((row) => row.drafts === 1 && row.notified === 1)).toBe(true);
  });
});
