import type { Shortfall } from "../../../packages/classifier/src/schema.ts";
import type { Sql } from "../_shared/db.ts";
import { unreadableOfficialResult } from "../_shared/official.ts";

/**
 * The report functions of the database (migration 20261207500000_reports.sql). The handler runs
 * these loaders as the caller (`asCaller`: `role authenticated` with the caller's verified
 * claims, as PostgREST runs a request), so RLS decides what each report includes.
 */

export type Row = Record<string, unknown>;

export type BgarHeader = {
  assessment_id: string;
  barangay: string;
  psgc_code: string;
  city_municipality: string;
  province: string;
  region: string;
  cycle_id: string;
  cycle_title: string;
  cycle_year: number;
  reviewed_year: number;
  status: string;
  passed: boolean;
  core_areas_passed: number;
  essential_areas_passed: number;
  submitted_at: Date | null;
  validated_at: Date | null;
  validated_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  classified_at: Date;
  classifier_version: string;
};

export type BgarLeaf = {
  area_code: number;
  area_name: string;
  area_kind: "core" | "essential";
  area_passes: boolean;
  indicator_code: string;
  indicator_name: string;
  indicator_passes: boolean;
  is_bbi: boolean;
  leaf_code: string;
  leaf_name: string;
  scored: boolean;
  result: "met" | "considered" | "unmet" | "no_decision" | "profiling";
  reason: string | null;
  shortfalls: Shortfall[];
  remarks: string | null;
};

export type BgarBbi = {
  indicator_code: string;
  indicator_name: string;
  scored_leaves: number;
  passed_leaves: number;
  share: string;
  rating: string;
};

export type GapRow = {
  area_code: number;
  leaf_code: string;
  leaf_name: string;
  first_files: number;
  final_files: number;
  added_slots: string[];
  answers_changed: boolean;
  sent_back: string[];
  final_result: string | null;
  change: "fixed" | "kept" | "still_unmet" | "unmet" | "pending";
};

/** One row of public.capdev_agenda (migration 20261207618000_capdev.sql). */
export type AgendaRow = {
  rank: number;
  priority: "core" | "flip" | "other";
  area_code: number;
  area_name: string;
  area_kind: "core" | "essential";
  indicator_code: string;
  indicator_name: string;
  leaf_code: string;
  leaf_name: string;
  reasons: string[];
  missing_movs: string[];
  shortfalls: string[];
  intervention: string | null;
  evidence_intervention: string | null;
  office_code: string | null;
  office_name: string | null;
  time_frame_days: number | null;
  due_on: Date | null;
  in_fewest_fixes: boolean;
  fewest_fixes: number | null;
  language: string;
};

export type Bgar = {
  header: BgarHeader;
  leaves: BgarLeaf[];
  bbis: BgarBbi[];
  gaps: GapRow[];
  /** The capacity-development agenda, in English like the rest of the report. */
  agenda: AgendaRow[];
};

export type CycleReport = {
  title: string;
  rollup: Row[];
  passRates: Row[];
  gaps: Row[];
  /** The capacity-development agendas of the completed assessments, in the caller's language. */
  capdev: Row[];
};

/**
 * The BGAR of an assessment as the caller reads it: `forbidden` when the caller does not read the
 * assessment (or it does not exist) or may not read the official result of a completed one,
 * `not_official` when it reads an assessment that has no official result it may read yet (not yet
 * validated, or a barangay's own before completion).
 */
export async function loadBgar(
  tx: Sql,
  assessmentId: string,
): Promise<Bgar | "forbidden" | "not_official"> {
  const [header] = await tx<BgarHeader[]>`select * from public.report_bgar(${assessmentId})`;
  if (!header) return await unreadableOfficialResult(tx, assessmentId);
  return {
    header,
    leaves: await tx<BgarLeaf[]>`select * from public.report_bgar_leaves(${assessmentId})`,
    bbis: await tx<BgarBbi[]>`select * from public.report_bgar_bbis(${assessmentId})`,
    gaps: await tx<GapRow[]>`select * from public.report_gap_analysis(${assessmentId})`,
    agenda: await tx<AgendaRow[]>`select * from public.capdev_agenda(${assessmentId}, 'en')`,
  };
}

/**
 * The cycle roll-up with the pass rates, the gap analysis and the CapDev agendas of a cycle: `not_found` for an
 * unknown cycle, `forbidden` when the caller reads none of its assessments.
 */
export async function loadCycle(
  tx: Sql,
  cycleId: string,
): Promise<CycleReport | "forbidden" | "not_found"> {
  const [cycle] = await tx<{ title: string }[]>`
    select title from public.cycles where id = ${cycleId}`;
  if (!cycle) return "not_found";
  const rollup = await tx<Row[]>`select * from public.report_cycle_rollup(${cycleId})`;
  if (rollup.length === 0) return "forbidden";
  return {
    title: cycle.title,
    rollup,
    passRates: await tx<Row[]>`select * from public.report_area_pass_rates(${cycleId})`,
    gaps: await tx<Row[]>`select * from public.report_cycle_gap_analysis(${cycleId})`,
    capdev: await tx<Row[]>`select * from public.report_cycle_capdev(${cycleId})`,
  };
}
