import {
  capdevPlan,
  type ClassificationResult,
  type ClassifierInput,
  describeShortfall,
  type Shortfall,
  SHORTFALL_LANGUAGES,
} from "../../../packages/classifier/src/index.ts";
import type postgres from "postgres";
import type { Sql } from "../_shared/db.ts";
import type { ContentVerdict } from "./content-check.ts";

/** Database reads and writes of the classify function (postgres.js, SUPABASE_DB_URL). */

type Tx = postgres.TransactionSql;

/**
 * projection and official read the reviewers' checklists, decisions and overrides; readiness is
 * the barangay's own: its answers, read as the classifier reads a checklist, and its live files.
 */
export type ResultKind = "projection" | "official" | "readiness";
export type Job = {
  id: number;
  assessmentId: string;
  kind: ResultKind;
  status: string;
};
export type PendingMov = {
  id: string;
  path: string;
  name: string;
  mimeType: string;
};

/** A job, with the MOVs of its assessment whose content is still to be checked. */
export async function findJob(
  sql: Sql,
  jobId: number,
): Promise<(Job & { pending: PendingMov[] }) | undefined> {
  const [job] = await sql<(Job & { pending: PendingMov[] })[]>`
    select target.id::integer as id, target.assessment_id as "assessmentId", target.result_kind as kind,
           target.status, ${pendingMovsOfTarget(sql)} as pending
    from public.jobs target where target.id = ${jobId}`;
  return job;
}

/** The MOVs of an assessment whose content is still to be checked; undefined when it does not exist. */
export async function findAssessment(
  sql: Sql,
  assessmentId: string,
): Promise<{ pending: PendingMov[] } | undefined> {
  const [row] = await sql<{ pending: PendingMov[] }[]>`
    select ${pendingMovsOfTarget(sql)} as pending
    from (select id as assessment_id from public.assessments where id = ${assessmentId}) target`;
  return row;
}

const pendingMovsOfTarget = (sql: Sql) =>
  sql`coalesce((
    select jsonb_agg(jsonb_build_object('id', m.id, 'path', m.storage_path, 'name', m.original_name,
                                        'mimeType', m.mime_type))
    from public.mov_files m
    where m.assessment_id = target.assessment_id and m.content_check = 'pending' and m.deleted_at is null), '[]')`;

/** Serializes work on one assessment until the transaction ends, so the last committed state wins. */
export async function lockAssessment(
  tx: Tx,
  assessmentId: string,
): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${assessmentId}, 0))`;
}

export async function jobStatus(
  tx: Tx,
  jobId: number,
): Promise<string | undefined> {
  const [row] = await tx<{ status: string }[]>`
    select status from public.jobs where id = ${jobId} for update`;
  return row?.status;
}

/** Records verdicts, unless the file changed (new type, deleted) since its bytes were read. */
export async function recordContentChecks(
  tx: Tx,
  checks: { mov: PendingMov; verdict: ContentVerdict }[],
): Promise<void> {
  for (const { mov, verdict } of checks) {
    await tx`
      update public.mov_files
      set content_check = ${verdict.check}, content_check_reason = ${verdict.reason}
      where id = ${mov.id} and content_check = 'pending' and mime_type = ${mov.mimeType}`;
  }
}

type CatalogShape = ClassifierInput["catalog"];

/** A cycle's catalog structure never changes once installed (only wording may): cache it per cycle. */
const catalogs = new Map<string, CatalogShape>();

async function cycleCatalog(tx: Tx, cycleId: string): Promise<CatalogShape> {
  const cached = catalogs.get(cycleId);
  if (cached) return cached;
  const [{ catalog }] = await tx<{ catalog: CatalogShape }[]>`
    select jsonb_build_object(
      'areas', (select jsonb_agg(jsonb_build_object('code', a.code, 'kind', a.kind) order by a.code)
                from public.governance_areas a),
      'indicators', coalesce((
        select jsonb_agg(jsonb_build_object(
          'code', p.code, 'area', p.area_code, 'isBbi', p.is_bbi, 'isProfilingOnly', p.is_profiling_only,
          'leaves', coalesce((
            select jsonb_agg(jsonb_build_object(
              'code', l.code, 'validationRule', l.validation_rule, 'isProfilingOnly', l.is_profiling_only,
              'hasConsiderationRule', l.has_consideration_rule,
              'requirements', l.requirements,
              'items', coalesce((
                select jsonb_agg(jsonb_build_object(
                  'key', i.item_key, 'type', i.item_type, 'required', i.is_required,
                  'optionGroup', i.option_group, 'isProfiling', i.is_profiling) order by i.sort_order)
                from public.checklist_items i where i.indicator_id = l.id), '[]'),
              'slots', coalesce((
                select jsonb_agg(jsonb_build_object('key', s.slot_key, 'optionGroup', s.option_group)
                                 order by s.sort_order)
                from public.upload_slots s where s.indicator_id = l.id), '[]')
            ) order by l.sort_order)
            from public.indicators l where l.parent_id = p.id), '[]')
        ) order by p.sort_order)
        from public.indicators p where p.cycle_id = ${cycleId} and p.parent_id is null), '[]')
    ) as catalog`;
  catalogs.set(cycleId, catalog);
  return catalog;
}

/**
 * The classifier input of an assessment as committed now (catalog, reviews, overrides, live
 * MOVs; for readiness the barangay's answers instead of reviews and no overrides) and, read in the
 * same snapshot, the open jobs of that kind whose changes it contains.
 */
export async function loadInput(
  tx: Tx,
  assessmentId: string,
  kind: ResultKind,
): Promise<{ input: ClassifierInput; coveredJobs: number[] }> {
  const [row] = await tx<
    (Omit<ClassifierInput, "catalog"> & { cycleId: string; coveredJobs: number[] })[]
  >`
    select
      a.cycle_id as "cycleId",
      ${kind === "readiness" ? answers(tx) : reviews(tx)} as responses,
      ${kind === "readiness" ? tx`'[]'::jsonb` : indicatorOverrides(tx)} as "indicatorOverrides",
      coalesce((
        select jsonb_agg(distinct jsonb_build_object('leafCode', l.code, 'slotKey', s.slot_key))
        from public.mov_files m
        join public.indicators l on l.id = m.leaf_id
        join public.upload_slots s on s.id = m.slot_id
        where m.assessment_id = a.id and m.deleted_at is null and m.content_check <> 'rejected'), '[]') as movs,
      array(
        select j.id::integer from public.jobs j
        where j.assessment_id = a.id and j.result_kind = ${kind} and j.status <> 'done') as "coveredJobs"
    from public.assessments a
    where a.id = ${assessmentId}`;
  const { cycleId, coveredJobs, ...assessment } = row;
  return { input: { catalog: await cycleCatalog(tx, cycleId), ...assessment }, coveredJobs };
}

const reviews = (tx: Tx) =>
  tx`coalesce((
    select jsonb_agg(jsonb_build_object('leafCode', l.code, 'checklist', r.checklist,
                                        'decision', r.decision, 'override', r.override_decision))
    from public.reviews r join public.indicators l on l.id = r.leaf_id
    where r.assessment_id = a.id), '[]')`;

const answers = (tx: Tx) =>
  tx`coalesce((
    select jsonb_agg(jsonb_build_object('leafCode', l.code, 'checklist', r.answers,
                                        'decision', null, 'override', null))
    from public.responses r join public.indicators l on l.id = r.leaf_id
    where r.assessment_id = a.id), '[]')`;

const indicatorOverrides = (tx: Tx) =>
  tx`coalesce((
    select jsonb_agg(jsonb_build_object('indicatorCode', p.code, 'decision', o.decision))
    from public.indicator_overrides o join public.indicators p on p.id = o.indicator_id
    where o.assessment_id = a.id), '[]')`;

/** A shortfall's text in every language `describeShortfall` writes, keyed by language. */
const shortfallTexts = (shortfall: Shortfall) =>
  Object.fromEntries(
    SHORTFALL_LANGUAGES.map((language) => [language, describeShortfall(shortfall, language)]),
  );

/**
 * What is stored of a result: a readiness result also gives each shortfall its sentence in every
 * language shortfalls are written in (`texts`, by `describeShortfall`), of which
 * barangay_readiness passes on the one in the reader's preferred language.
 */
function storedResult(kind: ResultKind, result: ClassificationResult): unknown {
  if (kind !== "readiness") return result;
  return {
    ...result,
    leaves: result.leaves.map((leaf) =>
      leaf.shortfalls.length === 0 ? leaf : {
        ...leaf,
        shortfalls: leaf.shortfalls.map((shortfall) => ({
          ...shortfall,
          texts: shortfallTexts(shortfall),
        })),
      }
    ),
  };
}

/**
 * Stores a result once per input hash. Recomputing an input already stored refreshes its
 * created_at, so the newest row is always the assessment's current state. `passed` is the verdict
 * of the kind: the 3+1 verdict for an official result, the projected one for a projection or a
 * readiness.
 */
export async function storeResult(
  tx: Tx,
  assessmentId: string,
  kind: ResultKind,
  result: ClassificationResult,
): Promise<{ id: string; created: boolean; passed: boolean }> {
  const passed = kind === "official" ? result.overall.passed : result.projection.passed;
  const stored = storedResult(kind, result);
  const [row] = await tx<{ id: string; created: boolean; passed: boolean }[]>`
    insert into public.classification_results
      (assessment_id, kind, classifier_version, input_hash, result, passed, readiness_percent)
    values (${assessmentId}, ${kind}, ${result.classifierVersion}, ${result.inputHash},
            ${tx.json(stored as never)}, ${passed}, ${result.projection.readinessPercent})
    on conflict (assessment_id, kind, input_hash) do update set created_at = now()
    returning id, (xmax = 0) as created, passed`;
  return row;
}

/**
 * Stores the capacity-development agenda of an official result (packages/classifier's capdevPlan)
 * once per result, so a result recomputed from the same input keeps the agenda it has.
 */
export async function storeAgenda(
  tx: Tx,
  resultId: string,
  assessmentId: string,
  result: ClassificationResult,
): Promise<{ items: number; created: boolean }> {
  const plan = capdevPlan(result);
  const created = await tx`
    insert into public.capdev_agendas
      (result_id, assessment_id, passed, passable, fewest_fixes, fewest_fix_areas, classifier_version)
    values (${resultId}, ${assessmentId}, ${plan.passed}, ${plan.fewestFixes.passable},
            ${plan.fewestFixes.fixes}, ${plan.fewestFixes.areas}::smallint[], ${result.classifierVersion})
    on conflict (result_id) do nothing
    returning result_id`;
  if (created.length === 0) return { items: plan.items.length, created: false };
  const items = plan.items.map((item) => ({
    rank: item.rank,
    priority: item.priority,
    leaf_code: item.leafCode,
    indicator_code: item.indicatorCode,
    area_code: item.area,
    reasons: item.reasons,
    answers: item.answers,
    missing_slots: item.missingSlots,
    shortfalls: item.shortfalls.map((shortfall) => ({
      ...shortfall,
      texts: shortfallTexts(shortfall),
    })),
    in_fewest_fixes: item.inFewestFixes,
  }));
  await tx`
    insert into public.capdev_agenda_items
      (result_id, rank, priority, leaf_code, indicator_code, area_code, reasons, answers,
       missing_slots, shortfalls, in_fewest_fixes)
    select ${resultId}, x.rank, x.priority, x.leaf_code, x.indicator_code, x.area_code, x.reasons,
           x.answers, x.missing_slots, x.shortfalls, x.in_fewest_fixes
    from jsonb_to_recordset(${tx.json(items as never)}) as x (
      rank smallint, priority public.capdev_priority, leaf_code text, indicator_code text,
      area_code smallint, reasons text[], answers public.capdev_reason, missing_slots text[],
      shortfalls jsonb, in_fewest_fixes boolean)`;
  return { items: items.length, created: true };
}

/**
 * Marks jobs done. Every job read in the input's snapshot was committed with its change, so the
 * stored result answers it too: a backlog of jobs for one assessment is cleared by one run.
 */
export async function acknowledgeJobs(tx: Tx, jobIds: number[]): Promise<void> {
  await tx`
    update public.jobs set status = 'done', finished_at = now()
    where id = any(${jobIds}::bigint[]) and status <> 'done'`;
}
