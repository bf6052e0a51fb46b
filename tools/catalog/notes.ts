// The 2024 Technical Notes transcribed leaf by leaf: the page that states each leaf's minimum
// requirement, its quantitative requirements (counts of documents, photos and committee members,
// ratios and budget shares, deadlines, earliest dates, periods covered) with the page each is
// stated on, and the items the source lacks or mistypes for the amounts, counts and dates they
// read. Periods and deadlines are written relative to the year under review ({CURRENT_YEAR},
// {PREVIOUS_YEAR}, the only placeholders a requirement may use) and resolved per cycle; "not
// earlier than CY 2020" names its year. Every leaf of the edition is listed, so a leaf without a
// quantitative requirement says so by having none.
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

const count = (
  item: string,
  min: number,
  counted: Wording,
  page: number,
): Requirement & { kind: "count" } => ({
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

const dateItem = (after: string, key: string, label: string): AddedItem => ({
  after,
  key,
  label,
  type: "date_input",
});

/**
 * "Not earlier than CY 2020": the item's date is on or after the first day of the year the notes
 * name (a calendar year of their own, not one relative to the year under review).
 */
const notEarlierThan = (
  year: number,
  item: string,
  dated: Wording,
  page: number,
): Requirement => ({ kind: "since", item, onOrAfter: `${year}-01-01`, dated, page });

/** The date the barangay enters for a training or activity, read by `notEarlierThan`. */
const conducted = (leafCode: string, after: string, label: string): AddedItem =>
  dateItem(after, `${leafCode.replaceAll(".", "_")}_date_conducted`, label);

/**
 * "Covering January to October" of the year under review: the period the issuance or record
 * covers, entered as its first and last day (items `<leaf>_covered_from`, `<leaf>_covered_until`).
 */
function coveringJanuaryToOctober(leafCode: string, covered: Wording, page: number): Requirement {
  const prefix = leafCode.replaceAll(".", "_");
  return {
    kind: "period",
    from: `${prefix}_covered_from`,
    until: `${prefix}_covered_until`,
    covers: { from: "{CURRENT_YEAR}-01-01", until: "{CURRENT_YEAR}-10-31" },
    covered,
    page,
  };
}

/** The two days of the period an issuance or record covers, placed after the item `after`. */
function coveredPeriod(leafCode: string, after: string, what: string): AddedItem[] {
  const prefix = leafCode.replaceAll(".", "_");
  return [
    dateItem(after, `${prefix}_covered_from`, `First day of the period the ${what} covers`),
    dateItem(
      `${prefix}_covered_from`,
      `${prefix}_covered_until`,
      `Last day of the period the ${what} covers (or today, if it is still in force)`,
    ),
  ];
}

/** "Two (2) photo documentations ... one with Distant View and one with Close-up View". */
const twoPhotos = (leafCode: string, of: Wording, page: number): Requirement =>
  count(`${leafCode.replaceAll(".", "_")}_photo_count`, 2, {
    en: `photos of ${of.en} (a distant and a close-up view)`,
    fil: `larawan ng ${of.fil} (distant at close-up view)`,
  }, page);

/** The number of photos the barangay uploaded, read by `twoPhotos`. */
const photoCount = (leafCode: string, after: string): AddedItem =>
  documentCount(
    after,
    `${leafCode.replaceAll(".", "_")}_photo_count`,
    "Number of photos submitted",
  );

/**
 * Photos one option of the leaf asks for, counted in the item `key` added after `after`: the count
 * applies only when the leaf is met through that option.
 */
function optionPhotos(
  option: string,
  after: string,
  key: string,
  min: number,
  counted: Wording,
  page: number,
): { requirement: Requirement; item: AddedItem } {
  return {
    requirement: { ...count(key, min, counted, page), option },
    item: documentCount(after, key, `Number of photos submitted (${option})`),
  };
}

const posterPhotos = optionPhotos(
  "Option 1",
  "3_5_2_a_upload",
  "3_5_2_a_photo_count",
  2,
  {
    en: "photos of the poster or tarpaulin (a distant and a close-up view)",
    fil: "larawan ng poster o tarpaulin (distant at close-up view)",
  },
  38,
);

const healthStationPhotos = optionPhotos(
  "Option 1",
  "4_2_1_photo",
  "4_2_1_photo_count",
  2,
  {
    en: "photos of the BHS/C (a distant and a close-up view)",
    fil: "larawan ng BHS/C (distant at close-up view)",
  },
  45,
);

const mrfPhotos = optionPhotos(
  "Option A",
  "6_2_1_a_photo",
  "6_2_1_a_photo_count",
  2,
  {
    en: "photos of the MRF or its records (a distant and a close-up view)",
    fil: "larawan ng MRF o ng mga rekord nito (distant at close-up view)",
  },
  71,
);

/** 3.3.2: two photos of a city barangay's computer database, one of a municipal barangay's records. */
const databasePhotos = optionPhotos(
  "Option A",
  "3_3_2_1_upload",
  "3_3_2_1_photo_count",
  2,
  {
    en:
      "photos of the computer database with searchable information (a distant and a close-up view)",
    fil: "larawan ng computer database na may searchable information (distant at close-up view)",
  },
  33,
);

const recordPhotos = optionPhotos(
  "Option B",
  "3_3_2_2_upload",
  "3_3_2_2_photo_count",
  1,
  {
    en: "photo of the manual record or digital file, with caption",
    fil: "larawan ng manual record o digital file, may caption",
  },
  34,
);

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
      twoPhotos("1.1.1", { en: "the BFDP board", fil: "BFDP board" }, 1),
    ],
    addedItems: [photoCount("1.1.1", "1_1_1_photo_docs")],
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
  "1.5.1": {
    page: 5,
    requirements: [
      twoPhotos("1.5.1", {
        en: "the posted Barangay Citizens' Charter",
        fil: "nakapaskil na Barangay Citizens' Charter",
      }, 5),
    ],
    addedItems: [photoCount("1.5.1", "1_5_1_upload_1")],
  },
  "1.6.1": { page: 6 },
  "1.6.2": { page: 10 },
  "1.7.1": { page: 11 },
  "2.1.1": {
    page: 13,
    requirements: [
      count("2_1_1_cso_count", 2, {
        en: "CSO representatives in the BDRRMC",
        fil: "kinatawan ng CSO sa BDRRMC",
      }, 13),
      coveringJanuaryToOctober("2.1.1", {
        en: "the EO organizing the BDRRMC",
        fil: "EO na nag-organisa ng BDRRMC",
      }, 13),
    ],
    addedItems: [
      documentCount("2_1_1_eo", "2_1_1_cso_count", "Number of CSO representatives in the BDRRMC"),
      ...coveredPeriod("2.1.1", "2_1_1_cso_count", "EO"),
    ],
  },
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
  "2.2.1": {
    page: 17,
    requirements: [
      notEarlierThan(2020, "2_2_1_date_conducted", {
        en: "the risk assessment activity",
        fil: "aktibidad sa risk assessment",
      }, 17),
    ],
    addedItems: [conducted("2.2.1", "2_2_1_upload_1", "Date the activity was conducted")],
  },
  "2.2.2": {
    page: 18,
    requirements: [
      twoPhotos("2.2.2", {
        en: "the Barangay Risk/Hazard Map",
        fil: "Barangay Risk/Hazard Map",
      }, 18),
    ],
    addedItems: [photoCount("2.2.2", "2_2_2_upload_1")],
  },
  "2.2.3": {
    page: 18,
    requirements: [
      twoPhotos("2.2.3", { en: "the Early Warning System", fil: "Early Warning System" }, 18),
    ],
    addedItems: [photoCount("2.2.3", "2_2_3_upload_1")],
  },
  "2.3.1": {
    page: 19,
    requirements: [
      twoPhotos("2.3.1", { en: "the evacuation center", fil: "evacuation center" }, 19),
    ],
    addedItems: [photoCount("2.3.1", "2_3_1_upload_1")],
  },
  "2.3.2": { page: 20 },
  "3.1.1": {
    page: 22,
    requirements: [
      coveringJanuaryToOctober("3.1.1", {
        en: "the EO creating the BADAC",
        fil: "EO na lumikha ng BADAC",
      }, 22),
    ],
    addedItems: coveredPeriod("3.1.1", "3_1_1_date", "EO"),
  },
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
  "3.2.1": {
    page: 29,
    requirements: [
      count("3_2_1_watch_count", 3, {
        en: "members of barangay-based anti-crime or neighborhood watch groups in the BPOC",
        fil: "miyembro ng barangay-based anti-crime o neighborhood watch group sa BPOC",
      }, 29),
      coveringJanuaryToOctober("3.2.1", {
        en: "the EO organizing the BPOC",
        fil: "EO na nag-organisa ng BPOC",
      }, 29),
    ],
    addedItems: [
      documentCount(
        "3_2_1_date_of_approval",
        "3_2_1_watch_count",
        "Number of members of barangay-based anti-crime or neighborhood watch groups in the BPOC",
      ),
      ...coveredPeriod("3.2.1", "3_2_1_watch_count", "EO"),
    ],
  },
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
  "3.3.2": {
    page: 33,
    requirements: [databasePhotos.requirement, recordPhotos.requirement],
    addedItems: [databasePhotos.item, recordPhotos.item],
  },
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
  "3.3.4": {
    page: 35,
    requirements: [
      notEarlierThan(2020, "3_3_4_date_conducted", {
        en: "the KP training or seminar the Lupon attended",
        fil: "KP training o seminar na dinaluhan ng Lupon",
      }, 35),
    ],
    addedItems: [conducted("3.3.4", "3_3_4_upload_1", "Date of the training or seminar")],
  },
  "3.4.1": {
    page: 36,
    requirements: [
      coveringJanuaryToOctober("3.4.1", {
        en: "the EO organizing the Barangay Tanod",
        fil: "EO na nag-organisa ng Barangay Tanod",
      }, 36),
    ],
    addedItems: coveredPeriod("3.4.1", "3_4_1_date", "EO"),
  },
  "3.4.2": {
    page: 37,
    requirements: [
      notEarlierThan(2020, "3_4_2_date_conducted", {
        en: "the training the barangay tanod attended",
        fil: "training na dinaluhan ng mga barangay tanod",
      }, 37),
    ],
    addedItems: [conducted("3.4.2", "3_4_2_training", "Date of the training")],
  },
  "3.5.1": {
    page: 37,
    requirements: [
      count("3_5_1_bhw_count", 2, { en: "BHWs in the BHERT", fil: "BHW sa BHERT" }, 37),
      coveringJanuaryToOctober("3.5.1", {
        en: "the EO organizing the BHERTs",
        fil: "EO na nag-organisa ng mga BHERT",
      }, 37),
    ],
    addedItems: [
      documentCount("3_5_1_date_of_approval", "3_5_1_bhw_count", "Number of BHWs in the BHERT"),
      ...coveredPeriod("3.5.1", "3_5_1_bhw_count", "EO"),
    ],
  },
  "3.5.2": {
    page: 38,
    requirements: [posterPhotos.requirement],
    addedItems: [posterPhotos.item],
  },
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
  "4.1.1": {
    page: 40,
    requirements: [
      coveringJanuaryToOctober("4.1.1", {
        en: "the EO establishing the VAW Desk and designating its officer",
        fil: "EO na nagtatag ng VAW Desk at nagtalaga ng VAW Desk Officer",
      }, 40),
    ],
    addedItems: coveredPeriod("4.1.1", "4_1_1_upload_1", "EO"),
  },
  "4.1.2": {
    page: 41,
    requirements: [
      notEarlierThan(2020, "4_1_2_date_conducted", {
        en: "the training the VAW Desk Officer attended",
        fil: "training na dinaluhan ng VAW Desk Officer",
      }, 41),
    ],
    addedItems: [conducted("4.1.2", "4_1_2_upload_1", "Date of the training or orientation")],
  },
  "4.1.3": { page: 41 },
  "4.1.4": {
    page: 42,
    requirements: [
      count("4_1_4_count", 3, {
        en: "quarterly accomplishment reports (1st to 3rd quarter of {CURRENT_YEAR})",
        fil: "quarterly accomplishment report (ika-1 hanggang ika-3 quarter ng {CURRENT_YEAR})",
      }, 42),
    ],
    itemTypes: { "4_1_4_count": "document_count" },
  },
  "4.1.5": { page: 42 },
  "4.1.6": { page: 43, requirements: [accomplishment("4.1.6", 43)] },
  "4.1.7": { page: 45 },
  "4.2.1": {
    page: 45,
    requirements: [healthStationPhotos.requirement],
    addedItems: [healthStationPhotos.item],
  },
  "4.2.2": { page: 46 },
  "4.2.3": { page: 47 },
  "4.2.4": { page: 47 },
  "4.3.1": {
    page: 48,
    requirements: [
      coveringJanuaryToOctober("4.3.1", {
        en: "the EO organizing the BDC",
        fil: "EO na nag-organisa ng BDC",
      }, 48),
    ],
    addedItems: coveredPeriod("4.3.1", "4_3_1_upload_1", "EO"),
  },
  "4.3.2": { page: 48 },
  "4.3.3": { page: 49 },
  "4.3.4": { page: 49, requirements: [accomplishment("4.3.4", 49)] },
  "4.4.1": {
    page: 50,
    requirements: [
      coveringJanuaryToOctober("4.4.1", {
        en: "the EO designating the Kasambahay Desk Officer",
        fil: "EO na nagtalaga ng Kasambahay Desk Officer",
      }, 50),
    ],
    addedItems: coveredPeriod("4.4.1", "4_4_1_eo", "EO"),
  },
  "4.4.2": { page: 51 },
  "4.5.1": {
    page: 51,
    requirements: [
      coveringJanuaryToOctober("4.5.1", {
        en: "the EO establishing the BCPC",
        fil: "EO na nagtatag ng BCPC",
      }, 52),
    ],
    addedItems: coveredPeriod("4.5.1", "4_5_1_a", "EO"),
  },
  "4.5.2": {
    page: 52,
    requirements: [
      notEarlierThan(2020, "4_5_2_date_conducted", {
        en: "the training the BCPC members attended",
        fil: "training na dinaluhan ng mga miyembro ng BCPC",
      }, 52),
    ],
    addedItems: [conducted("4.5.2", "4_5_2_a", "Date of the training or orientation")],
  },
  "4.5.3": { page: 53 },
  "4.5.4": {
    page: 53,
    requirements: [
      coveringJanuaryToOctober("4.5.4", {
        en: "the database on children",
        fil: "database ng mga bata",
      }, 53),
    ],
    addedItems: coveredPeriod("4.5.4", "4_5_4_a", "report or screenshot of the database"),
  },
  "4.5.5": {
    page: 54,
    requirements: [
      notEarlierThan(2020, "4_5_5_date_updated", {
        en: "the update of the Localized Flow Chart of Referral System",
        fil: "pag-update ng Localized Flow Chart of Referral System",
      }, 54),
    ],
    addedItems: [dateItem("4_5_5_a", "4_5_5_date_updated", "Date the flow chart was updated")],
  },
  "4.5.6": { page: 55, requirements: [accomplishment("4.5.6", 55)] },
  "4.6.1": {
    page: 55,
    requirements: [
      coveringJanuaryToOctober("4.6.1", {
        en: "the EO organizing the GAD Focal Point System",
        fil: "EO na nag-organisa ng GAD Focal Point System",
      }, 56),
    ],
    addedItems: coveredPeriod("4.6.1", "4_6_1_date_of_approval", "EO"),
  },
  "4.7.1": { page: 56 },
  "4.8.1": {
    page: 57,
    requirements: [
      coveringJanuaryToOctober("4.8.1", {
        en: "the EO organizing the BNC",
        fil: "EO na nag-organisa ng BNC",
      }, 57),
    ],
    addedItems: coveredPeriod("4.8.1", "4_8_1_upload", "EO"),
  },
  "4.8.2": { page: 59 },
  "4.8.3": { page: 60 },
  "4.8.4": { page: 61, requirements: [accomplishment("4.8.4", 61)] },
  "4.9.1": {
    page: 62,
    requirements: [
      twoPhotos("4.9.1", {
        en: "the Barangay Community Garden",
        fil: "Barangay Community Garden",
      }, 63),
    ],
    addedItems: [photoCount("4.9.1", "4_9_1_upload_1")],
  },
  "4.9.2": { page: 63 },
  "4.9.3": { page: 63 },
  "4.9.4": { page: 64 },
  "4.9.5": { page: 64 },
  "5.1.1": { page: 65 },
  "5.2.1": { page: 65 },
  "5.2.2": { page: 66 },
  "5.3.1": {
    page: 67,
    requirements: [
      twoPhotos("5.3.1", {
        en: "the posted Citizens' Charter on the issuance of barangay clearance",
        fil: "nakapaskil na Citizens' Charter sa pag-isyu ng barangay clearance",
      }, 67),
    ],
    addedItems: [photoCount("5.3.1", "5_3_1_upload_1")],
  },
  "6.1.1": { page: 68 },
  "6.1.2": { page: 68 },
  "6.1.3": {
    page: 70,
    requirements: [
      notEarlierThan(2020, "6_1_3_date_conducted", {
        en: "the training the BESWMC attended",
        fil: "training na dinaluhan ng BESWMC",
      }, 70),
    ],
    addedItems: [conducted("6.1.3", "6_1_3_a", "Date of the training")],
  },
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
  "6.2.1": {
    page: 71,
    requirements: [mrfPhotos.requirement],
    addedItems: [mrfPhotos.item],
  },
  "6.3.1": { page: 72 },
};
