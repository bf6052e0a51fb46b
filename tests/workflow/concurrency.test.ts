// Real concurrency on the workflow functions: two sessions, each acting as a signed-in user the way
// PostgREST does (`set local role authenticated` and the token's claims), race on one assessment.
// Two transitions leave exactly one applied; two autosaves from one version keep one and refuse
// the other with VA004, never losing it silently.
import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Sql as Session } from "../../tools/lib/database.ts";

const databaseUrl = process.env.SUPABASE_DB_URL;

/** Runs `query` in its own transaction as the given user; `holdMs` keeps the transaction (and its locks) open. */
async function asUser<T>(
  session: Session,
  userId: string,
  query: (tx: postgres.TransactionSql) => Promise<T>,
  holdMs = 0,
): Promise<T> {
  return (await session.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: userId, role: "authenticated" })
    }, true)`;
    await tx`set local role authenticated`;
    const result = await query(tx);
    if (holdMs > 0) await tx`select pg_sleep(${holdMs / 1000})`;
    return result;
  })) as T;
}

function sqlState(outcome: PromiseSettledResult<unknown>): string | undefined {
  return outcome.status === "rejected" ? (outcome.reason as { code?: string }).code : undefined;
}

describe.skipIf(!databaseUrl)("workflow under concurrency", () => {
  const admin = connect(databaseUrl ?? "");
  const first = connect(databaseUrl ?? "");
  const second = connect(databaseUrl ?? "");
  const year = 2080 + Math.floor(Math.random() * 10);
  const users = { blgu: randomUUID(), blguColleague: randomUUID(), assessor: randomUUID() };
  let cycleId = "";
  let barangayId = "";
  let assessmentId = "";
  let leafId = "";

  beforeAll(async () => {
    [{ id: cycleId }] = await admin`
      insert into public.cycles (year, title, reviewed_year, catalog_edition)
      values (${year}, ${`Concurrency ${year}`}, ${year - 1}, '2024') returning id`;
    [{ id: barangayId }] = await admin`
      insert into public.barangays (psgc_code, name, city_municipality_code)
      values (${String(990000000 + year)}, 'Concurrency', '043426000') returning id`;
    for (const [key, id] of Object.entries(users)) {
      await admin`
        insert into auth.users (id, aud, role, email, raw_app_meta_data, created_at, updated_at)
        values (${id}, 'authenticated', 'authenticated', ${`${key}-${year}@concurrency.local`},
                '{"provider": "email"}', now(), now())`;
      await admin.begin(async (tx) => {
        await tx`select private.declare_workflow_write()`;
        await tx`
          update public.profiles
          set role = ${key === "assessor" ? "assessor" : "blgu"},
              barangay_id = ${key === "assessor" ? null : barangayId},
              area_code = ${key === "assessor" ? 1 : null},
              city_municipality_code = ${key === "assessor" ? "043426000" : null},
              must_change_password = false
          where id = ${id}`;
      });
    }
    [{ id: assessmentId }] = await admin`
      insert into public.assessments (cycle_id, barangay_id) values (${cycleId}, ${barangayId}) returning id`;
    [{ id: leafId }] = await admin`
      select id from public.indicators where cycle_id = ${cycleId} and code = '1.1.2'`;
  });

  afterAll(async () => {
    // Events and history are append-only; the fixture is removed as a whole.
    await admin.begin(async (tx) => {
      await tx`alter table public.events disable trigger append_only`;
      await tx`alter table public.leaf_history disable trigger append_only`;
      await tx`delete from public.assessments where id = ${assessmentId}`;
      await tx`delete from public.events where cycle_id = ${cycleId}`;
      await tx`delete from public.cycles where id = ${cycleId}`;
      await tx`delete from auth.users where id in ${tx(Object.values(users))}`;
      await tx`delete from public.barangays where id = ${barangayId}`;
      await tx`alter table public.events enable trigger append_only`;
      await tx`alter table public.leaf_history enable trigger append_only`;
    });
    await Promise.all([admin.end(), first.end(), second.end()]);
  });

  it("two autosaves from the same version keep one and refuse the other with VA004", async () => {
    const save = (session: Session, userId: string, answers: object) =>
      asUser(
        session,
        userId,
        (tx) =>
          tx`select public.save_answers(${assessmentId}, ${leafId}, ${
            tx.json(answers as postgres.JSONValue)
          }, 0) as version`,
        200,
      );
    const outcomes = await Promise.allSettled([
      save(first, users.blgu, { "1_1_2_a": true }),
      save(second, users.blguColleague, { "1_1_2_a": false }),
    ]);

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.map(sqlState).filter(Boolean)).toEqual(["VA004"]);
    const winner = outcomes[0].status === "fulfilled";
    const [stored] = await admin`
      select answers, version from public.responses where assessment_id = ${assessmentId} and leaf_id = ${leafId}`;
    expect(stored).toEqual({ answers: { "1_1_2_a": winner }, version: 1 });
    const [{ count }] = await admin`
      select count(*)::int as count from public.leaf_history where assessment_id = ${assessmentId} and source = 'answers'`;
    expect(count).toBe(1);
  });

  it("two sessions submitting the same area leave exactly one submission", async () => {
    const submit = (session: Session, userId: string) =>
      asUser(
        session,
        userId,
        (tx) => tx`select public.submit_area(${assessmentId}, 1::smallint)`,
        200,
      );
    const outcomes = await Promise.allSettled([
      submit(first, users.blgu),
      submit(second, users.blguColleague),
    ]);

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.map(sqlState).filter(Boolean)).toEqual(["VA001"]);
    const [row] = await admin`
      select a.version, (select count(*)::int from public.events e
                         where e.assessment_id = a.id and e.action = 'area_submitted') as submissions
      from public.assessments a where a.id = ${assessmentId}`;
    expect(row).toEqual({ version: 2, submissions: 1 });
  });

  it("a rework racing an approval of the same area applies only the first", async () => {
    const approve = asUser(
      first,
      users.assessor,
      (tx) => tx`select public.approve_area(${assessmentId}, 1::smallint)`,
      200,
    );
    const rework = asUser(
      second,
      users.assessor,
      (tx) =>
        tx`select public.request_rework(${assessmentId}, 1::smallint, 'Attach the signed budget')`,
      200,
    );
    const outcomes = await Promise.allSettled([approve, rework]);

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.map(sqlState).filter(Boolean)).toEqual(["VA001"]);
    const [area] = await admin`
      select status::text, rework_used from public.assessment_areas
      where assessment_id = ${assessmentId} and area_code = 1`;
    expect(area).toEqual(
      outcomes[0].status === "fulfilled"
        ? { status: "approved", rework_used: false }
        : { status: "rework", rework_used: true },
    );
  });
});
