// The README's frontend examples ("Using Vantage from a frontend"), type-checked against the
// generated `Database` type by `npm run lint`; readme.test.ts keeps the README's copy identical.
// What a real frontend gets from its own configuration, its form or its session:
declare const SUPABASE_URL: string;
declare const SUPABASE_ANON_KEY: string;
declare const email: string;
declare const password: string;
declare const cycleId: string;
declare const leafId: string;
declare const slotKey: string;
declare const version: number;
declare const answers: { [item: string]: Json };
declare const file: File;
declare const path: string;
declare function show(notification: Database["public"]["Tables"]["notifications"]["Row"]): void;

// #region readme
import { createClient } from "@supabase/supabase-js";
import type { Database, Json } from "../../supabase/database.types.ts";

const supabase = createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY);

// Sign in; the access-token hook adds app_role, barangay_id / area_code and must_change_password.
const { data: session } = await supabase.auth.signInWithPassword({ email, password });

// Read: tables and views under RLS (a barangay sees only its own assessment; results only once
// completed). Rows, filters and RPC arguments are typed by the Database type.
const { data: assessment } = await supabase
  .from("assessments").select("*, assessment_areas(*)").eq("cycle_id", cycleId).single();
const { data: leaves } = await supabase
  .from("indicators")
  .select("id, code, name, description, upload_slots(slot_key, label, option_group)")
  .eq("cycle_id", cycleId).not("parent_id", "is", null).order("sort_order");

// Write: every change is a guarded workflow function.
if (assessment) {
  // Answers are keyed by the leaf's checklist_items.item_key, each value of its item's kind:
  // true/false (checkbox), "yes"/"no" or true/false (assessment_field), a whole number from 0
  // (document_count), an ISO date such as "2024-03-31" (date_input), a number
  // (calculation_field), a text of at most 2,000 characters, a number or true/false (info_text);
  // null for no answer.
  const { data: newVersion, error } = await supabase.rpc("save_answers", {
    p_assessment_id: assessment.id,
    p_leaf_id: leafId,
    p_answers: answers,
    p_expected_version: version,
  });
  if (error?.code === "VA004") { /* someone saved first: reload, merge, save again */ }
  if (
    error?.code === "VA008"
  ) { /* error.message names the item and what it expects; nothing saved */ }
  const { data: submitted } = await supabase.rpc("submit_area", {
    p_assessment_id: assessment.id,
    p_area_code: 1,
  });
  // A warning, never a block: submitted.incompleteLeaves lists the leaves the barangay's newest
  // readiness finds missing MOVs; submitted.incompletePending is true while uploads are still
  // being classified, so the list may be out of date.

  // Readiness: what the barangay still has to do, from its own files and answers only (never a
  // checklist value, decision or verdict, at any stage).
  const { data: readiness } = await supabase.rpc("barangay_readiness", {
    p_assessment_id: assessment.id,
  });
  // readiness.readinessPercent: share of scored sub-indicators whose required MOVs are all
  //   uploaded (also per area: readiness.areas[i] = { areaCode, scoredLeaves, completeLeaves,
  //   readinessPercent });
  // readiness.leaves[i] = { leafId, code, areaCode, scored, complete, satisfiedOption,
  //   missingSlots: [{ slotKey, label }], shortfalls, answeredItems, answerableItems }
  //   (both null until the first upload or saved answers are classified);
  // shortfalls: each quantitative requirement the barangay's own answers fall short of, as the
  //   classifier finds it, e.g. { rule: "count", item: "3_1_8_count", actual: 2, required: 3,
  //   counted: { en, fil }, page: 27, text: "2 of 3 CIR transmittals (1st to 3rd quarter of
  //   2024)" }; a "ratio" has ratios: [{ numerator, denominator, actual, required, measure,
  //   option, optionMet }], a "deadline" actual, deadline, considerationUntil, mayBeConsidered,
  //   dated. text is in the user's profiles.preferred_language ("2 sa 3 na CIR transmittal
  //   (ika-1 hanggang ika-3 quarter ng 2024)" in Filipino; English for Cebuano): show it beside
  //   the item, or write your own sentence from the data.
  // readiness.pending is true while an upload, deletion or saved answer is still being classified
  // (asOf: when the files and answers were last classified): ask again in a moment.
  type Shortfall = { rule: "count" | "ratio" | "deadline"; page: number; text: string };
  type LeafReadiness = { code: string; shortfalls: Shortfall[] | null };
  const cirShortfalls = (readiness as { leaves: LeafReadiness[] } | null)?.leaves
    .find((leaf) => leaf.code === "3.1.8")?.shortfalls ?? [];

  // Upload a MOV: bucket "movs", path {assessment_id}/{leaf_code}/{slot_key}/{uuid}-{safe name}
  // (the name: letters, digits, . _ - only, ending in .pdf, .jpg, .jpeg or .png; PDF/JPEG/PNG up
  // to 50 MB). The database records it (public.mov_files) and queues a classification: the
  // projection for reviewers and the barangay's readiness.
  const safeName = file.name.replace(/[^A-Za-z0-9._-]+/g, "_");
  await supabase.storage.from("movs").upload(
    `${assessment.id}/1.1.1/${slotKey}/${crypto.randomUUID()}-${safeName}`,
    file,
    { contentType: file.type },
  );
  console.log(newVersion, submitted, cirShortfalls.map((shortfall) => shortfall.text), leaves);
}

// Reviewers read files through short-lived signed URLs.
const { data: signed } = await supabase.storage.from("movs").createSignedUrl(path, 60);

// In-app notifications, live (public.notifications is in the supabase_realtime publication).
supabase.channel("inbox")
  .on<Database["public"]["Tables"]["notifications"]["Row"]>(
    "postgres_changes",
    {
      event: "INSERT",
      schema: "public",
      table: "notifications",
      filter: `recipient_id=eq.${session.user?.id}`,
    },
    (change) => show(change.new),
  )
  .subscribe();
// #endregion readme

export { signed };
