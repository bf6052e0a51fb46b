// bench:scale at a tiny size: the national generator and the timing of every main query, as the
// role with RLS and as the superuser without, and of every write as its caller (each in a savepoint
// rolled back), on the test stack's database inside a transaction that is rolled back.
import type postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "../tools/lib/database.ts";
import {
  generateNation,
  mainQueries,
  pickSubjects,
  rollupQueries,
  summarize,
  tableSizes,
  timeQuery,
  type Timing,
} from "./lib/national.ts";
import {
  activationRequest,
  deadlineChangeRequest,
  hostControl,
  idleTicks,
  pickWriteSubjects,
  rolledBackSavepoints,
  timeWrites,
  workflowWrites,
  writeGrowth,
  type WriteTiming,
} from "./lib/writes.ts";

const databaseUrl = process.env.SUPABASE_DB_URL;

class RolledBack extends Error {}

describe.skipIf(!databaseUrl)("bench:scale at 50 barangays", () => {
  const sql = connect(databaseUrl ?? "");
  afterAll(() => sql.end());

  it(
    "generates a national dataset, times each role's main queries with and without RLS and every write as its caller",
    async () => {
      const outcome: {
        counts?: Record<string, number>;
        sizes?: Record<string, number>;
        timings?: Timing[];
        rollups?: Timing[];
        writes?: WriteTiming[];
      } = {};
      await sql.begin(async (tx) => {
        await generateNation(tx, 50);
        const [counts] = await tx<Record<string, number>[]>`
        select
          (select count(*)::integer from public.barangays where name like 'Bench Barangay %') as barangays,
          (select count(*)::integer from public.cities_municipalities where name like 'Bench Town %') as municipalities,
          (select count(*)::integer from public.barangays b left join public.cities_municipalities m
             on m.psgc_code = b.city_municipality_code where m.psgc_code is null) as orphans,
          (select count(*)::integer from public.assessments a join public.barangays b on b.id = a.barangay_id
             where b.name like 'Bench Barangay %') as assessments,
          (select count(distinct a.status)::integer from public.assessments a join public.barangays b on b.id = a.barangay_id
             where b.name like 'Bench Barangay %' and a.cycle_id = 'c0000000-0000-4000-8000-000000002025') as states,
          (select count(*)::integer from public.responses r join public.assessments a on a.id = r.assessment_id
             join public.barangays b on b.id = a.barangay_id where b.name like 'Bench Barangay %') as responses,
          (select count(*)::integer from public.indicators
             where cycle_id = 'c0000000-0000-4000-8000-000000002025' and validation_rule is not null) as leaves`;
        outcome.counts = counts;
        await tx`analyze public.responses, public.assessments, public.barangays, public.cities_municipalities`;
        outcome.sizes = await tableSizes(tx);
        const subjects = await pickSubjects(tx);
        const inThisTransaction = <T>(work: (inner: postgres.TransactionSql) => Promise<T>) =>
          work(tx);
        outcome.timings = [];
        for (const query of mainQueries(subjects)) {
          outcome.timings.push(await timeQuery(inThisTransaction, query, 1));
        }
        outcome.rollups = [];
        for (const query of rollupQueries(subjects)) {
          outcome.rollups.push(await timeQuery(inThisTransaction, query, 1, false));
        }
        const savepoints = rolledBackSavepoints(tx);
        const writers = await pickWriteSubjects(tx);
        // The deadline work acts for a moment before any test's fixture is due (the database is shared).
        const idle = idleTicks("'1990-01-01'");
        outcome.writes = await timeWrites(
          savepoints,
          [
            ...workflowWrites(writers),
            ...idle,
            activationRequest(),
            deadlineChangeRequest(),
            hostControl(),
          ],
          1,
        );
        throw new RolledBack();
      }).catch((error) => {
        if (!(error instanceof RolledBack)) throw error;
      });

      const { counts, sizes, timings, rollups, writes } = outcome;
      expect(counts).toMatchObject({
        barangays: 50,
        municipalities: 2,
        orphans: 0,
        assessments: 100,
      });
      expect(counts!.states).toBeGreaterThanOrEqual(6);
      expect(counts!.responses).toBe(50 * counts!.leaves);
      expect(sizes!.responses).toBeGreaterThanOrEqual(50 * counts!.leaves);
      expect(timings!.map((t) => t.role)).toEqual(
        expect.arrayContaining(["blgu", "assessor", "validator", "mlgoo", "oversight"]),
      );
      for (const timing of timings!) {
        expect(timing.rlsMs, `${timing.role}: ${timing.name}`).toBeGreaterThan(0);
        expect(timing.bypassedMs, `${timing.role}: ${timing.name}`).toBeGreaterThan(0);
        expect(timing.rows, `${timing.role}: ${timing.name} finds rows`).toBeGreaterThan(0);
      }
      expect(rollups!.map((t) => t.rows)).toEqual([1, 1]);
      const summary = summarize(timings!, rollups!);
      expect(summary.maxRatio).toBeGreaterThan(0);
      expect(summary.rollupMs).toBeGreaterThan(0);

      const byName = new Map(writes!.map((w) => [w.name, w]));
      for (
        const name of [
          "save_answers",
          "submit_area",
          "storage: MOV upload (Storage API insert)",
          "storage: MOV delete (by its uploader)",
          "approve_area",
          "decide_leaf",
          "finalize_validation",
          "approve_assessment",
          "lock_assessment",
        ]
      ) {
        expect(byName.get(name)?.rowsChanged, `${name} changes rows`).toBeGreaterThan(0);
      }
      expect(byName.get("submit_area")!.notifications, "the area's assessor is told").toBe(1);
      expect(byName.get("cron: deadline work, nothing due")!.rowsChanged).toBe(0);
      expect(byName.get("cron: cycle activations, nothing due")!.rowsChanged).toBe(0);
      expect(
        byName.get("activate_cycle (the request)")!.rowsChanged,
        "the request, not the assessments",
      )
        .toBeLessThan(10);
      expect(
        byName.get("cycle deadline change (the update)")!.rowsChanged,
        "the cycle and its pending reschedule, not its assessments",
      ).toBe(2);
      // Two steps of the same writes give a growth for each.
      const growth = writeGrowth([writes!, writes!]);
      expect(growth.map((g) => g.growth)).toEqual(writes!.map(() => 1));
    },
    30_000,
  );
});
