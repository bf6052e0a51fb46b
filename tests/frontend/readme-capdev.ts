// The README's CapDev example ("Capacity development (CapDev)"), type-checked by `npm run lint`;
// readme.test.ts keeps the README's copy identical, and supabase/tests/193-capdev proves the
// rules it relies on (the agenda in rank order and language, the MLGOO's overrides).
// What a real frontend gets from its own state:
declare const SUPABASE_URL: string;
declare const SUPABASE_ANON_KEY: string;
declare const assessmentId: string;

// #region readme
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../../supabase/database.types.ts";

const supabase = createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY);

// One row per failing sub-indicator, in rank order; p_language is optional (else the profile's).
const { data: agenda } = await supabase.rpc("capdev_agenda", {
  p_assessment_id: assessmentId,
  p_language: "fil",
});
for (const item of agenda ?? []) {
  // priority: 'core' | 'flip' | 'other'; in_fewest_fixes: part of the fewest fixes to pass (3+1).
  // reasons: the classifier's codes ('missing_mov:<slot>', 'unmet', 'no_decision', 'parent_unmet');
  // missing_movs: slot names; shortfalls: e.g. "2 of 3 CIR transmittals";
  // evidence_intervention: which documents to upload, when MOVs are missing (else null);
  // due_on: the approval date plus time_frame_days (null before approval).
  console.log(
    item.rank,
    item.priority,
    item.leaf_code,
    item.intervention,
    item.office_name,
    item.due_on,
  );
}

// The MLGOO: its city or municipality's own office and wording for one intervention.
const { error } = await supabase.from("capdev_intervention_overrides").upsert({
  city_municipality_code: "043426000",
  catalog_edition: "2024",
  leaf_code: "2.1.4",
  reason: "unmet",
  office_code: "MBO",
  text_en: "Ask the MBO to release the BDRRM Fund in the first quarter.",
});
// #endregion readme
if (error) throw error;
