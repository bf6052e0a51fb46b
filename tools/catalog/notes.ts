// The 2024 Technical Notes transcribed leaf by leaf: the page that states each leaf's minimum
// requirement, its quantitative requirements (counts, ratios and budget shares, deadlines) with
// the page each is stated on, and the items the source lacks or mistypes for the amounts they
// read. Periods and deadlines are written relative to the year under review ({CURRENT_YEAR},
// {PREVIOUS_YEAR}, the only placeholders a requirement may use) and resolved per cycle. Every leaf of the edition is listed, so a leaf without a quantitative
// requirement says so by having none.
import type { ItemType, Requirement, Wording } from "./source.ts";

/** An item for an amount the source does not ask for, placed after the item `after`. */
export type AddedItem = { after: string; key: string; label: string; type: ItemType };

export type LeafNotes = {
  page: number;
  requirements?: Requirement[];
  addedItems?: AddedItem[];
  /** Items whose source type cannot hold the amount the notes ask for. */
  itemTypes?: Record<string, ItemType>;
};

export type Notes = Record<string, LeafNotes>;

const count = (item: string, min: number, counted: Wording, page: number): Requirement => ({
  kind: "count",
  item,
  min,
  counted,
  page,
});

/** A budget share: `part` is at least `minPercent` % of `base`. */
const share = (
  part: string,
  base: string,
  minPercent: number,
  measure: Wording,
  page: number,
): Requirement => ({
  kind: "ratio",
  alternatives: [{ numerator: part, denominator: base, minPercent, option: null, measure }],
  page,
});

/**
 * At least 50 % of the physical targets accomplished (Option A) or of the fund utilized
 * (Option B), each with its option's documents (items `<leaf>_physical_*`, `<leaf>_financial_*`).
 */
function accomplishment(leafCode: string, page: number): Requirement {
  const prefix = leafCode.replaceAll(".", "_");
  return {
    kind: "ratio",
    alternatives: [
      {
        numerator: `${prefix}_physical_accomplished`,
        denominator: `${prefix}_physical_reflected`,
        minPercent: 50,
        option: "Option A",
        measure: {
          en: "of the physical targets accomplished",
          fil: "ng mga physical target ang naisakatuparan",
        },
      },
      {
        numerator: `${prefix}_financial_utilized`,
        denominator: `${prefix}_financial_allocated`,
        minPercent: 50,
        option: "Option B",
        measure: { en: "of the fund utilized", fil: "ng pondo ang nagamit" },
      },
    ],
    page,
  };
}

const amount = (after: string, key: string, label: string): AddedItem => ({
  after,
  key,
  label,
  type: "calculation_field",
});

const documentCount = (after: string, key: string, label: string): AddedItem => ({
  after,
  key,
  label,
  type: "document_count",
});

export const NOTES_2024: Notes = {
  "1.1.1": {
    page: 1,
    requirements: [
      count(
        "1_1_1_bfdp_count",
        3,
        {
          en: "BFDP Monitoring Forms A (1st to 3rd quarter of {CURRENT_YEAR})",
          fil: "BFDP Monitoring Form A (ika-1 hanggang ika-3 quarter ng {CURRENT_YEAR})",
        },
        1,
      ),
      count(
        "1_1_1_f_count",
        3,
        {
          en: "lists of Notices of Award (1st to 3rd quarter of {CURRENT_YEAR})",
          fil: "listahan ng Notices of Award (ika-1 hanggang ika-3 quarter ng {CURRENT_YEAR})",
        },
        1,
      ),
      count(
        "1_1_1_g_count",
        9,
        {
          en:
            "itemized monthly collections and disbursements (January to September {CURRENT_YEAR})",
          fil: "itemized na buwanang koleksiyon at disbursement (Enero hanggang Setyembre " +
            "{CURRENT_YEAR})",
        },
        2,
      ),
    ],
  },
  "1.1.2": { page: 2 },
  "1.2.1": { page: 3 },
  "1.3.1": {
    page: 3,
    requirements: [{
      kind: "deadline",
      item: "1_3_1_date_approval",
      onOrBefore: "{PREVIOUS_YEAR}-12-31",
      considerationUntil: "{CURRENT_YEAR}-03-31",
      dated: {
        en: "approval of the Barangay Appropriation Ordinance",
        fil: "pag-apruba ng Barangay Appropriation Ordinance",
      },
      page: 3,
    }],
  },
  "1.4.1": {
    page: 4,
    requirements: [
      share(
        "1_4_1_development_fund",
        "1_4_1_nta",
        20,
        {
          en: "of the NTA allocated for development programs",
          fil: "ng NTA ang inilaan sa mga programang pangkaunlaran",
        },
        4,
      ),
      share(
        "1_4_1_ldrrmf",
        "1_4_1_regular_revenue",
        5,
        {
          en: "of the estimated revenue from regular sources set aside as the LDRRMF",
          fil: "ng tinatayang kita mula sa mga regular na pinagkukunan ang inilaan bilang LDRRMF",
        },
        4,
      ),
      share(
        "1_4_1_sk_fund",
        "1_4_1_general_fund",
        10,
        {
          en: "of the general fund set aside for the SK",
          fil: "ng general fund ang inilaan sa SK",
        },
        5,
      ),
    ],
    addedItems: [
      amount("1_4_1_a", "1_4_1_nta", "National Tax Allotment (NTA) for {CY_CURRENT_YEAR}"),
      amount(
        "1_4_1_nta",
        "1_4_1_development_fund",
        "Amount of the NTA allocated for development programs",
      ),
      amount("1_4_1_b", "1_4_1_regular_revenue", "Estimated revenue from regular sources"),
      amount("1_4_1_regular_revenue", "1_4_1_ldrrmf", "Amount set aside as the LDRRMF"),
      amount("1_4_1_f", "1_4_1_general_fund", "General fund of the barangay"),
      amount("1_4_1_general_fund", "1_4_1_sk_fund", "Amount set aside for the SK"),
    ],
  },
  "1.5.1": { page: 5 },
  "1.6.1": { page: 6 },
  "1.6.2": { page: 10 },
  "1.7.1": { page: 11 },
  "2.1.1": { page: 13 },
  "2.1.2": { page: 14 },
  "2.1.3": {
    page: 15,
    requirements: [
      share(
        "2_1_3_bdrrmf_amount",
        "2_1_3_estimated_revenue",
        5,
        {
          en: "of the estimated revenue from regular sources set aside as the BDRRMF",
          fil: "ng tinatayang kita mula sa mga regular na pinagkukunan ang inilaan bilang BDRRMF",
        },
        15,
      ),
    ],
    itemTypes: {
      "2_1_3_estimated_revenue": "calculation_field",
      "2_1_3_bdrrmf_amount": "calculation_field",
    },
  },
  "2.1.4": { page: 16, requirements: [accomplishment("2.1.4", 16)] },
  "2.2.1": { page: 17 },
  "2.2.2": { page: 18 },
  "2.2.3": { page: 18 },
  "2.3.1": { page: 19 },
  "2.3.2": { page: 20 },
  "3.1.1": { page: 22 },
  "3.1.2": { page: 24 },
  "3.1.3": { page: 24 },
  "3.1.4": { page: 25 },
  "3.1.5": { page: 25 },
  "3.1.6": { page: 26 },
  "3.1.7": { page: 27 },
  "3.1.8": {
    page: 27,
    requirements: [
      count("3_1_8_count", 3, {
        en: "CIR transmittals (1st to 3rd quarter of {CURRENT_YEAR})",
        fil: "CIR transmittal (ika-1 hanggang ika-3 quarter ng {CURRENT_YEAR})",
      }, 27),
    ],
  },
  "3.1.9": { page: 28 },
  "3.1.10": {
    page: 28,
    requirements: [
      count("3_1_10_count", 3, {
        en: "BADAC monthly minutes covering {CURRENT_YEAR}",
        fil: "buwanang minutes ng BADAC para sa {CURRENT_YEAR}",
      }, 28),
    ],
  },
  "3.2.1": { page: 29 },
  "3.2.2": { page: 30 },
  "3.2.3": { page: 31, requirements: [accomplishment("3.2.3", 31)] },
  "3.3.1": {
    page: 32,
    requirements: [
      count("3_3_1_count", 10, {
        en: "KP Forms #5 (oaths of office of Lupon members)",
        fil: "KP Form #5 (panunumpa sa tungkulin ng mga miyembro ng Lupon)",
      }, 32),
    ],
    addedItems: [
      documentCount("3_3_1_upload_1", "3_3_1_count", "KP Forms #5 (Oath of Office) were submitted"),
    ],
  },
  "3.3.2": { page: 33 },
  "3.3.3": {
    page: 35,
    requirements: [
      count("3_3_3_count", 3, {
        en: "minutes of KP meetings held in {CURRENT_YEAR}",
        fil: "minutes ng mga pulong ng KP na ginanap sa {CURRENT_YEAR}",
      }, 35),
    ],
    addedItems: [
      documentCount("3_3_3_upload_1", "3_3_3_count", "Minutes of meetings were submitted"),
    ],
  },
  "3.3.4": { page: 35 },
  "3.4.1": { page: 36 },
  "3.4.2": { page: 37 },
  "3.5.1": { page: 37 },
  "3.5.2": { page: 38 },
  "3.6.1": {
    page: 39,
    requirements: [
      count("3_6_1_count", 3, {
        en: "monthly BaRCO reports (July to September {CURRENT_YEAR})",
        fil: "buwanang ulat ng BaRCO (Hulyo hanggang Setyembre {CURRENT_YEAR})",
      }, 39),
    ],
    itemTypes: { "3_6_1_count": "document_count" },
  },
  "4.1.1": { page: 40 },
  "4.1.2": { page: 41 },
  "4.1.3": { page: 41 },
  "4.1.4": { page: 42 },
  "4.1.5": { page: 42 },
  "4.1.6": { page: 43, requirements: [accomplishment("4.1.6", 43)] },
  "4.1.7": { page: 45 },
  "4.2.1": { page: 45 },
  "4.2.2": { page: 46 },
  "4.2.3": { page: 47 },
  "4.2.4": { page: 47 },
  "4.3.1": { page: 48 },
  "4.3.2": { page: 48 },
  "4.3.3": { page: 49 },
  "4.3.4": { page: 49, requirements: [accomplishment("4.3.4", 49)] },
  "4.4.1": { page: 50 },
  "4.4.2": { page: 51 },
  "4.5.1": { page: 51 },
  "4.5.2": { page: 52 },
  "4.5.3": { page: 53 },
  "4.5.4": { page: 53 },
  "4.5.5": { page: 54 },
  "4.5.6": { page: 55, requirements: [accomplishment("4.5.6", 55)] },
  "4.6.1": { page: 55 },
  "4.7.1": { page: 56 },
  "4.8.1": { page: 57 },
  "4.8.2": { page: 59 },
  "4.8.3": { page: 60 },
  "4.8.4": { page: 61, requirements: [accomplishment("4.8.4", 61)] },
  "4.9.1": { page: 62 },
  "4.9.2": { page: 63 },
  "4.9.3": { page: 63 },
  "4.9.4": { page: 64 },
  "4.9.5": { page: 64 },
  "5.1.1": { page: 65 },
  "5.2.1": { page: 65 },
  "5.2.2": { page: 66 },
  "5.3.1": { page: 67 },
  "6.1.1": { page: 68 },
  "6.1.2": { page: 68 },
  "6.1.3": { page: 70 },
  "6.1.4": {
    page: 70,
    requirements: [
      count(
        "6_1_4_report_count",
        3,
        {
          en: "monthly accomplishment reports (July to September {CURRENT_YEAR})",
          fil: "buwanang accomplishment report (Hulyo hanggang Setyembre {CURRENT_YEAR})",
        },
        70,
      ),
      accomplishment("6.1.4", 70),
    ],
    itemTypes: { "6_1_4_report_count": "document_count" },
  },
  "6.2.1": { page: 71 },
  "6.3.1": { page: 72 },
};
