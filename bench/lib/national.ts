import { readFileSync } from "node:fs";
import type postgres from "postgres";

/** A connection or a transaction of postgres.js: what the generator and the timing run on. */
export type Executor = postgres.Sql | postgres.TransactionSql;

const ACTIVE_CYCLE = "c0000000-0000-4000-8000-000000002025";
const PUBLISHED_CYCLE = "c0000000-0000-4000-8000-000000002024";
const KATUPARAN = "00000000-0000-4000-8000-000000000401";

/**
 * Generates the national dataset of `national.sql` over the seeded database, in the caller's
 * transaction (superuser: it writes with triggers off).
 */
export async function generateNation(
  tx: postgres.TransactionSql,
  barangays: number,
): Promise<void> {
  await tx`select set_config('bench.barangays', ${String(barangays)}, true)`;
  await tx.unsafe(readFileSync(new URL("./national.sql", import.meta.url), "utf8")).simple();
}

/** Rows per generated table (planner statistics, so run after ANALYZE). */
export async function tableSizes(sql: Executor): Promise<Record<string, number>> {
  const rows = await sql<{ table: string; rows: number }[]>`
    select c.relname as table, c.reltuples::bigint::float8 as rows
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname = any(${[
    "regions",
    "provinces",
    "cities_municipalities",
    "barangays",
    "profiles",
    "assessments",
    "assessment_areas",
    "responses",
    "reviews",
    "mov_files",
    "submission_snapshots",
    "classification_results",
    "events",
    "notifications",
  ]})
    order by c.relname`;
  return Object.fromEntries(rows.map((row) => [row.table, row.rows]));
}

/** Who asks and about what: one assessment per role's stage, in one city or municipality. */
export type Subjects = {
  blgu: { userId: string; barangayId: string; assessmentId: string };
  assessor: { userId: string; assessmentId: string; cityMunicipality: string };
  validator: { userId: string; assessmentId: string; cityMunicipality: string };
  mlgoo: { userId: string; cityMunicipality: string; assessmentId: string };
  /** The DILG regional office of that city or municipality's region, and the central office. */
  oversight: { regionalUserId: string; regionCode: string; centralUserId: string };
  region: string;
};

/**
 * The subjects of the main queries among the generated rows: a barangay whose submitted assessment
 * has area 1 approved, an assessment whose area 1 awaits its assessor, one awaiting validation,
 * and that city or municipality's people (the generator's md5-derived user ids).
 */
export async function pickSubjects(sql: Executor): Promise<Subjects> {
  const pick = async (where: string) => {
    const [row] = await sql.unsafe<
      { id: string; barangay_id: string; psgc_code: string; code: string; region: string }[]
    >(
      `select a.id, a.barangay_id, b.psgc_code, b.city_municipality_code as code, r.name as region
       from public.assessments a join public.barangays b on b.id = a.barangay_id
       join public.cities_municipalities m on m.psgc_code = b.city_municipality_code
       join public.provinces p on p.psgc_code = m.province_code
       join public.regions r on r.psgc_code = p.region_code
       join public.assessment_areas aa on aa.assessment_id = a.id and aa.area_code = 1
       where a.cycle_id = '${ACTIVE_CYCLE}' and b.name like 'Bench Barangay %' and ${where}
       order by b.psgc_code limit 1`,
    );
    if (!row) throw new Error(`The generated dataset has no assessment where ${where}`);
    return row;
  };
  const md5Uuid = async (text: string) =>
    (await sql<{ id: string }[]>`select md5(${text})::uuid as id`)[0].id;
  const own = await pick("a.status = 'submitted' and aa.status = 'approved'");
  const submitted = await pick("aa.status = 'submitted'");
  const validation = await pick("a.status = 'awaiting_validation'");
  const [{ regionCode }] = await sql<{ regionCode: string }[]>`
    select p.region_code as "regionCode"
    from public.cities_municipalities c join public.provinces p on p.psgc_code = c.province_code
    where c.psgc_code = ${validation.code}`;
  return {
    blgu: {
      userId: await md5Uuid(`blgu:${own.psgc_code}`),
      barangayId: own.barangay_id,
      assessmentId: own.id,
    },
    assessor: {
      userId: await md5Uuid(`assessor:${submitted.code}:1`),
      assessmentId: submitted.id,
      cityMunicipality: submitted.code,
    },
    validator: {
      userId: await md5Uuid(`validator:${validation.code}:1`),
      assessmentId: validation.id,
      cityMunicipality: validation.code,
    },
    mlgoo: {
      userId: await md5Uuid(`mlgoo:${validation.code}`),
      cityMunicipality: validation.code,
      assessmentId: validation.id,
    },
    oversight: {
      regionalUserId: await md5Uuid(`oversight:${regionCode}`),
      regionCode,
      centralUserId: await md5Uuid("oversight:national"),
    },
    region: validation.region,
  };
}

/** A query as a frontend issues it through PostgREST: one JSON body for the rows asked for. */
export type MainQuery = {
  role: string;
  name: string;
  userId: string;
  text: string;
  params: string[];
};

/** One query of a role: its user, what it reads (SQL whose rows make the JSON body) and the parameters. */
const query = (
  role: string,
  userId: string,
  name: string,
  select: string,
  params: string[],
): MainQuery => ({
  role,
  name,
  userId,
  text: `select coalesce(json_agg(t), '[]') from (${select}) t`,
  params,
});

const OF_AREA_1 = "assessment_id = $1 and area_code = 1";
const TIMELINE =
  "select * from public.events where assessment_id = $1 order by created_at desc limit 50";
const NOTIFICATIONS =
  "select * from public.notifications where recipient_id = $1 order by created_at desc limit 20";

/**
 * Each role's main queries (bench/README.md lists them). Each names what the frontend knows (its
 * assessment, barangay, city or municipality), so the same query without RLS returns the same rows.
 */
export function mainQueries(s: Subjects): MainQuery[] {
  const { blgu, assessor, validator, mlgoo, oversight } = s;
  const asBlgu = (name: string, select: string, params = [blgu.assessmentId]) =>
    query("blgu", blgu.userId, name, select, params);
  const asAssessor = (name: string, select: string, params = [assessor.assessmentId]) =>
    query("assessor", assessor.userId, name, select, params);
  const asValidator = (name: string, select: string, params = [validator.assessmentId]) =>
    query("validator", validator.userId, name, select, params);
  const asMlgoo = (name: string, select: string, params = [ACTIVE_CYCLE, mlgoo.cityMunicipality]) =>
    query("mlgoo", mlgoo.userId, name, select, params);
  return [
    asBlgu(
      "its assessment with its areas",
      `select a.*, (select coalesce(json_agg(aa), '[]') from public.assessment_areas aa where aa.assessment_id = a.id)
         as assessment_areas
       from public.assessments a where a.cycle_id = $1 and a.barangay_id = $2`,
      [ACTIVE_CYCLE, blgu.barangayId],
    ),
    asBlgu("its answers of area 1", `select * from public.responses where ${OF_AREA_1}`),
    asBlgu(
      "its live MOV files",
      "select * from public.mov_files where assessment_id = $1 and deleted_at is null",
    ),
    asBlgu("its timeline", TIMELINE),
    asBlgu("its notifications", NOTIFICATIONS, [blgu.userId]),
    asAssessor(
      "area 1 queue of its municipality",
      `select aa.assessment_id, aa.submitted_at, b.name
       from public.assessment_areas aa
       join public.assessments a on a.id = aa.assessment_id
       join public.barangays b on b.id = a.barangay_id
       where a.cycle_id = $1 and aa.area_code = 1 and aa.status = 'submitted' and b.city_municipality_code = $2
       order by aa.submitted_at limit 50`,
      [ACTIVE_CYCLE, assessor.cityMunicipality],
    ),
    asAssessor("answers of one area", `select * from public.responses where ${OF_AREA_1}`),
    asAssessor("reviews of one area", `select * from public.reviews where ${OF_AREA_1}`),
    asAssessor(
      "MOV files of one area",
      `select * from public.mov_files where ${OF_AREA_1} and deleted_at is null`,
    ),
    asValidator(
      "validation queue of its municipality",
      `select a.id, a.validation_started_at, b.name
       from public.assessments a join public.barangays b on b.id = a.barangay_id
       where a.cycle_id = $1 and a.status = 'awaiting_validation' and b.city_municipality_code = $2
       order by a.validation_started_at limit 50`,
      [ACTIVE_CYCLE, validator.cityMunicipality],
    ),
    asValidator(
      "the frozen snapshot",
      "select * from public.submission_snapshots where assessment_id = $1",
    ),
    asValidator(
      "reviews of an assessment",
      "select * from public.reviews where assessment_id = $1",
    ),
    asMlgoo(
      "status counts of its municipality",
      `select a.status, count(*) as assessments
       from public.assessments a join public.barangays b on b.id = a.barangay_id
       where a.cycle_id = $1 and b.city_municipality_code = $2 group by a.status`,
    ),
    asMlgoo(
      "its barangays and their assessments",
      `select b.psgc_code, b.name, a.id, a.status, a.updated_at
       from public.barangays b left join public.assessments a on a.barangay_id = b.id and a.cycle_id = $1
       where b.city_municipality_code = $2 order by b.name`,
    ),
    asMlgoo("an assessment's timeline", TIMELINE, [mlgoo.assessmentId]),
    asMlgoo("its notifications", NOTIFICATIONS, [mlgoo.userId]),
    asMlgoo(
      "the people of its municipality",
      `select p.id, p.full_name, p.role, p.area_code, p.barangay_id, p.is_active
       from public.profiles p
       where p.city_municipality_code = $1
          or p.barangay_id = any (array(select b.id from public.barangays b where b.city_municipality_code = $1))
       order by p.full_name`,
      [mlgoo.cityMunicipality],
    ),
    query(
      "oversight",
      oversight.regionalUserId,
      "completed results of its region",
      `select r.assessment_id, r.passed, r.classified_at, b.psgc_code, b.name
       from public.official_results r
       join public.cities_municipalities c on c.psgc_code = r.city_municipality_code
       join public.provinces p on p.psgc_code = c.province_code
       join public.assessments a on a.id = r.assessment_id
       join public.barangays b on b.id = a.barangay_id
       where r.cycle_id = $1 and r.completed and p.region_code = $2
       order by b.psgc_code limit 50`,
      [ACTIVE_CYCLE, oversight.regionCode],
    ),
    query(
      "oversight",
      oversight.centralUserId,
      "central office: pass rate per region",
      `select p.region_code, count(*) as completed, count(*) filter (where r.passed) as passed
       from public.official_results r
       join public.cities_municipalities c on c.psgc_code = r.city_municipality_code
       join public.provinces p on p.psgc_code = c.province_code
       where r.cycle_id = $1 and r.completed
       group by p.region_code order by p.region_code`,
      [ACTIVE_CYCLE],
    ),
  ];
}

/** The roll-ups of the published cycle, read as the katuparan partner (a function: no RLS to bypass). */
export function rollupQueries(s: Subjects): MainQuery[] {
  return [
    query(
      "katuparan",
      KATUPARAN,
      "national roll-up (results per area, pass rate)",
      `with summary as materialized (select * from public.published_cycle_summary($1))
       select sum(barangays) as barangays, sum(completed) as completed, sum(passed) as passed,
              (select jsonb_object_agg(code, passing) from (
                 select x.key as code, sum(x.value::integer) as passing
                 from summary, jsonb_each_text(summary.area_passed) x group by x.key) areas) as area_passed
       from summary`,
      [PUBLISHED_CYCLE],
    ),
    query(
      "katuparan",
      KATUPARAN,
      "per-region roll-up (pass rate per province)",
      `select province, sum(completed) as completed, sum(passed) as passed
       from public.published_cycle_summary($1) where region = $2 group by province`,
      [PUBLISHED_CYCLE, s.region],
    ),
  ];
}

export type Timing = {
  role: string;
  name: string;
  rlsMs: number;
  bypassedMs: number | null;
  ratio: number | null;
  rows: number;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function timeRun(
  tx: Executor,
  text: string,
  params: string[],
): Promise<{ ms: number; rows: number }> {
  const startedAt = performance.now();
  const result = await tx.unsafe(text, params, { prepare: true });
  const ms = performance.now() - startedAt;
  const body = Object.values(result[0] ?? {})[0];
  return { ms, rows: Array.isArray(body) ? body.length : result.length };
}

/**
 * Times a query as its role the way PostgREST runs it (claims, `set local role authenticated`,
 * a prepared statement), then, unless it is a roll-up, the same query as the superuser, which
 * bypasses RLS: the two alternate run by run, each in a transaction of its own, so that both sides
 * share the host's load of the same moment; the median of `runs` runs each way after a warm-up
 * run of each. Each side has a prepared statement of its own (the bypassed text carries a comment),
 * always run by the same role, so neither is planned again because the other ran as another role.
 * `transaction` runs work in a transaction (a new one per run, or the caller's).
 */
export async function timeQuery(
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>,
  query: MainQuery,
  runs: number,
  bypass = true,
): Promise<Timing> {
  const claims = JSON.stringify({ sub: query.userId, role: "authenticated" });
  const asRole = () =>
    transaction(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${claims}, true)`;
      await tx`set local role authenticated`;
      const run = await timeRun(tx, query.text, query.params);
      await tx`reset role`;
      await tx`select set_config('request.jwt.claims', '', true)`;
      return run;
    });
  const bypassedText = `/* bypassing RLS */ ${query.text}`;
  const rlsTimes: number[] = [];
  const bypassedTimes: number[] = [];
  let rows = 0;
  for (let run = 0; run <= runs; run++) {
    const withRls = await asRole();
    rows = withRls.rows;
    const bypassed = bypass
      ? await transaction((tx) => timeRun(tx, bypassedText, query.params))
      : null;
    if (bypassed && bypassed.rows !== withRls.rows) {
      throw new Error(
        `${query.role}: ${query.name} returns ${withRls.rows} rows with RLS and ${bypassed.rows} without`,
      );
    }
    if (run === 0) continue; // the first run of each side plans and warms the caches
    rlsTimes.push(withRls.ms);
    if (bypassed) bypassedTimes.push(bypassed.ms);
  }
  const rlsMs = median(rlsTimes);
  const bypassedMs = bypass ? median(bypassedTimes) : null;
  return {
    role: query.role,
    name: query.name,
    rlsMs,
    bypassedMs,
    ratio: bypassedMs === null ? null : rlsMs / bypassedMs,
    rows,
  };
}

/** The plan of a query as its role (EXPLAIN ANALYZE, without costs), as text. */
export async function explainAsRole(
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>,
  query: MainQuery,
): Promise<string> {
  return await transaction(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: query.userId, role: "authenticated" })
    }, true)`;
    await tx`set local role authenticated`;
    const plan = await tx.unsafe<{ "QUERY PLAN": string }[]>(
      `explain (analyze, costs off, summary on) ${query.text}`,
      query.params,
    );
    await tx`reset role`;
    await tx`select set_config('request.jwt.claims', '', true)`;
    return plan.map((line) => line["QUERY PLAN"]).join("\n");
  });
}

/** The target: within 1.3× of the bypassed query, or under 2 ms where that one is under 1 ms. */
export const meetsTarget = (t: Timing) =>
  t.ratio === null || t.ratio <= 1.3 || (t.bypassedMs! < 1 && t.rlsMs < 2);

/** The summary: the largest ratio among queries not under the sub-millisecond allowance, the slowest roll-up. */
export function summarize(timings: Timing[], rollups: Timing[]) {
  const ratios = timings.filter((t) => !(t.bypassedMs! < 1 && t.rlsMs < 2)).map((t) => t.ratio!);
  return {
    maxRatio: ratios.length ? Math.max(...ratios) : 1,
    maxRawRatio: Math.max(...timings.map((t) => t.ratio!)),
    rollupMs: Math.max(...rollups.map((t) => t.rlsMs)),
    allMeetTarget: timings.every(meetsTarget),
  };
}
