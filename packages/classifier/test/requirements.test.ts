import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeShortfall } from "../src/describe.ts";
import {
  type CatalogLeaf,
  type ChecklistValue,
  type ClassifierInput,
  classifySync,
  type Requirement,
  type Shortfall,
} from "../src/index.ts";
import { leafRecommendation, leafShortfalls, recommendationPlans } from "../src/recommendation.ts";
import { catalog2024, input2024, leaf2024, leaves2024 } from "./fixtures/assessments.ts";
import { referenceHolds } from "./fixtures/reference.ts";

// The Technical Notes' quantitative requirements (2024 edition, a cycle reviewing CY 2023), each
// at its boundaries, and a plain reading of each rule that the compiled plans must agree with.

type Checklist = Record<string, ChecklistValue>;

const judge = (leaf: CatalogLeaf, checklist: Checklist) => {
  const plans = recommendationPlans([leaf]);
  const values = leaf.items.map((item) => checklist[item.key] ?? null);
  return {
    recommendation: leafRecommendation(plans, 0, values),
    shortfalls: leafShortfalls(plans, 0, values),
  };
};

/** Every scoreable item of the leaf met, each requirement exactly at its minimum or deadline. */
function metChecklist(leaf: CatalogLeaf): Checklist {
  const checklist: Checklist = {};
  for (const item of leaf.items) {
    if (item.isProfiling) continue;
    switch (item.type) {
      case "checkbox":
        checklist[item.key] = true;
        break;
      case "assessment_field":
        checklist[item.key] = "yes";
        break;
      case "document_count":
        checklist[item.key] = 1;
        break;
      case "date_input":
        checklist[item.key] = "2020-01-01";
        break;
      case "calculation_field":
        checklist[item.key] = 100;
        break;
    }
  }
  for (const requirement of leaf.requirements) {
    if (requirement.kind === "count") checklist[requirement.item] = requirement.min;
    if (requirement.kind === "deadline") checklist[requirement.item] = requirement.onOrBefore;
    if (requirement.kind === "since") checklist[requirement.item] = requirement.onOrAfter;
    if (requirement.kind === "period") {
      checklist[requirement.from] = requirement.covers.from;
      checklist[requirement.until] = requirement.covers.until;
    }
  }
  return checklist;
}

const text = (shortfalls: Shortfall[]) =>
  shortfalls.map((shortfall) => describeShortfall(shortfall));

describe("a minimum count (3.1.8: three CIR transmittals)", () => {
  const leaf = leaf2024("3.1.8");
  const met = metChecklist(leaf);

  it("exactly the minimum is met", () => {
    expect(judge(leaf, met)).toEqual({ recommendation: "met", shortfalls: [] });
  });

  it("one short is unmet, and the shortfall says how many of how many", () => {
    const { recommendation, shortfalls } = judge(leaf, { ...met, "3_1_8_count": 2 });
    expect(recommendation).toBe("unmet");
    expect(shortfalls).toEqual([{
      rule: "count",
      item: "3_1_8_count",
      actual: 2,
      required: 3,
      counted: {
        en: "CIR transmittals (1st to 3rd quarter of 2023)",
        fil: "CIR transmittal (ika-1 hanggang ika-3 quarter ng 2023)",
      },
      page: 27,
    }]);
    expect(text(shortfalls)).toEqual(["2 of 3 CIR transmittals (1st to 3rd quarter of 2023)"]);
  });

  it("no count entered is 0 of the minimum", () => {
    const { shortfalls } = judge(leaf, { ...met, "3_1_8_count": null });
    expect(text(shortfalls)).toEqual(["0 of 3 CIR transmittals (1st to 3rd quarter of 2023)"]);
  });

  it("1.1.1 asks for nine monthly reports (January to September), and three of each quarterly one", () => {
    const leaf111 = leaf2024("1.1.1");
    const { recommendation, shortfalls } = judge(leaf111, {
      ...metChecklist(leaf111),
      "1_1_1_g_count": 8,
      "1_1_1_f_count": 1,
    });
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)).toEqual([
      "1 of 3 lists of Notices of Award (1st to 3rd quarter of 2023)",
      "8 of 9 itemized monthly collections and disbursements (January to September 2023)",
    ]);
  });
});

describe("either of two ratios, each with its option's documents (2.1.4)", () => {
  const leaf = leaf2024("2.1.4");
  const options = (option: string) =>
    Object.fromEntries(
      leaf.items.filter((item) => item.optionGroup === option).map((
        item,
      ) => [item.key, metChecklist(leaf)[item.key]]),
    );
  const optionA = options("Option A");
  const optionB = options("Option B");
  const physical = (done: number, planned: number) => ({
    "2_1_4_physical_accomplished": done,
    "2_1_4_physical_reflected": planned,
  });
  const financial = (utilized: number, allocated: number) => ({
    "2_1_4_financial_utilized": utilized,
    "2_1_4_financial_allocated": allocated,
  });

  it("exactly 50 % of the physical targets, with Option A's documents, is met", () => {
    expect(judge(leaf, { ...optionA, ...physical(50, 100) }).recommendation).toBe("met");
  });

  it("exactly 50 % of the fund, with Option B's documents, is met", () => {
    expect(judge(leaf, { ...optionB, ...financial(700_000, 1_400_000) }).recommendation)
      .toBe("met");
  });

  it("one short of 50 % on both is unmet, and the shortfall gives both percentages", () => {
    const { recommendation, shortfalls } = judge(leaf, {
      ...optionA,
      ...optionB,
      ...physical(38, 100),
      ...financial(410_000, 1_000_000),
    });
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)).toEqual([
      "38 % of the physical targets accomplished and 41 % of the fund utilized; at least 50 % " +
      "of either is needed",
    ]);
    expect(shortfalls[0]).toMatchObject({ rule: "ratio", page: 16 });
    expect(judge(leaf, { ...optionA, ...physical(49, 100) }).recommendation).toBe("unmet");
  });

  it("10 of 100 activities and 5 % of the fund is unmet, documents or not", () => {
    const checklist = { ...optionA, ...optionB, ...physical(10, 100), ...financial(5, 100) };
    expect(judge(leaf, checklist).recommendation).toBe("unmet");
  });

  it("60 of 100 activities without the option's documents is unmet: the documents are its evidence", () => {
    const { recommendation, shortfalls } = judge(leaf, physical(60, 100));
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)[0]).toContain(
      "60 % of the physical targets accomplished, without the documents of Option A",
    );
  });

  it("a zero plan or a zero allocation never reaches 50 %", () => {
    const { recommendation, shortfalls } = judge(leaf, {
      ...optionA,
      ...optionB,
      ...physical(3, 0),
      ...financial(10, 0),
    });
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)).toEqual([
      "no percentage of the physical targets accomplished (no base) and no percentage of the " +
      "fund utilized (no base); at least 50 % of either is needed",
    ]);
  });
});

describe("the barangay's readiness: an option's documents are its uploaded files", () => {
  // Amounts only, as a barangay answers; the document checkboxes are a reviewer's to tick.
  const answers = {
    "2_1_4_physical_accomplished": 60,
    "2_1_4_physical_reflected": 100,
    "2_1_4_financial_utilized": 410_000,
    "2_1_4_financial_allocated": 1_000_000,
  };
  const optionAFiles = [
    { leafCode: "2.1.4", slotKey: "accomplishment_report" },
    { leafCode: "2.1.4", slotKey: "physical_certification" },
  ];
  const shortfalls214 = (
    optionDocuments: "checklist" | "files" | undefined,
    movs = optionAFiles,
  ) =>
    classifySync(input2024({
      responses: [{ leafCode: "2.1.4", checklist: answers, decision: null, override: null }],
      movs,
      optionDocuments,
    })).leaves.find((leaf) => leaf.code === "2.1.4")!.shortfalls;

  it("60 % of the targets with Option A's files uploaded reaches the minimum", () => {
    expect(shortfalls214("files")).toEqual([]);
  });

  it("without Option A's files, or with one of its two, the option lacks its documents", () => {
    const expected = [
      "60 % of the physical targets accomplished, without the documents of Option A and 41 % of " +
      "the fund utilized, without the documents of Option B; at least 50 % of either is needed",
    ];
    expect(text(shortfalls214("files", []))).toEqual(expected);
    expect(text(shortfalls214("files", optionAFiles.slice(0, 1)))).toEqual(expected);
  });

  it("by the checklist (a reviewer's, the default), files never stand in for unticked documents", () => {
    const expected = [
      "60 % of the physical targets accomplished, without the documents of Option A and 41 % of " +
      "the fund utilized, without the documents of Option B; at least 50 % of either is needed",
    ];
    expect(text(shortfalls214(undefined))).toEqual(expected);
    expect(text(shortfalls214("checklist"))).toEqual(expected);
  });

  it("the choice is in the input hash, and anything else is refused", () => {
    const hash = (optionDocuments: "checklist" | "files") =>
      classifySync(input2024({ movs: optionAFiles, optionDocuments })).inputHash;
    expect(hash("files")).not.toBe(hash("checklist"));
    expect(() =>
      classifySync({ ...input2024(), optionDocuments: "uploads" } as unknown as ClassifierInput)
    ).toThrow(expect.objectContaining({ field: "optionDocuments" }));
  });
});

describe("a share of a budget amount", () => {
  const leaf = leaf2024("2.1.3");
  const met = metChecklist(leaf);
  const share = (bdrrmf: number, revenue: number) => ({
    ...met,
    "2_1_3_bdrrmf_amount": bdrrmf,
    "2_1_3_estimated_revenue": revenue,
  });

  it("exactly 5 % of the estimated revenue is met, even where binary fractions round down", () => {
    expect(judge(leaf, share(50_000, 1_000_000)).recommendation).toBe("met");
    expect(judge(leaf, share(61_728.3945, 1_234_567.89)).recommendation).toBe("met");
  });

  it("just below 5 % is unmet, and the percentage is cut, never rounded up to the minimum", () => {
    const { recommendation, shortfalls } = judge(leaf, share(49_999, 1_000_000));
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)).toEqual([
      "4.9 % of the estimated revenue from regular sources set aside as the BDRRMF; at least 5 % " +
      "is needed",
    ]);
  });

  it("a zero revenue is unmet", () => {
    expect(judge(leaf, share(10, 0)).recommendation).toBe("unmet");
  });

  it("a missing amount is unmet, and the shortfall says an amount is missing", () => {
    const { recommendation, shortfalls } = judge(leaf, {
      ...share(0, 1_000_000),
      "2_1_3_bdrrmf_amount": null,
    });
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)).toEqual([
      "no percentage of the estimated revenue from regular sources set aside as the BDRRMF " +
      "(an amount is missing); at least 5 % is needed",
    ]);
  });

  it("1.4.1 needs 20 % of the NTA for development, 5 % for the LDRRMF and 10 % for the SK", () => {
    const leaf141 = leaf2024("1.4.1");
    const amounts = {
      ...metChecklist(leaf141),
      "1_4_1_nta": 1_000_000,
      "1_4_1_development_fund": 200_000,
      "1_4_1_regular_revenue": 2_000_000,
      "1_4_1_ldrrmf": 100_000,
      "1_4_1_general_fund": 3_000_000,
      "1_4_1_sk_fund": 300_000,
    };
    expect(judge(leaf141, amounts).recommendation).toBe("met");
    const { shortfalls } = judge(leaf141, { ...amounts, "1_4_1_sk_fund": 299_999 });
    expect(text(shortfalls)).toEqual([
      "9.9 % of the general fund set aside for the SK; at least 10 % is needed",
    ]);
  });
});

describe("a deadline with a consideration (1.3.1, reviewing CY 2023)", () => {
  const leaf = leaf2024("1.3.1");
  const approved = (date: string | null) =>
    judge(leaf, { ...metChecklist(leaf), "1_3_1_date_approval": date });

  it("approval on the deadline day is met, whatever the time of day", () => {
    expect(approved("2022-12-31").recommendation).toBe("met");
    expect(approved("2022-12-31T23:30:00+08:00").recommendation).toBe("met");
  });

  it("the day after is unmet, and the validator may consider it", () => {
    const { recommendation, shortfalls } = approved("2023-01-01");
    expect(recommendation).toBe("unmet");
    expect(shortfalls).toEqual([{
      rule: "deadline",
      item: "1_3_1_date_approval",
      actual: "2023-01-01",
      deadline: "2022-12-31",
      considerationUntil: "2023-03-31",
      mayBeConsidered: true,
      dated: {
        en: "approval of the Barangay Appropriation Ordinance",
        fil: "pag-apruba ng Barangay Appropriation Ordinance",
      },
      page: 3,
    }]);
    expect(text(shortfalls)[0]).toContain("the validator may consider it");
  });

  it("the last day of the consideration is still unmet and still considerable", () => {
    const { recommendation, shortfalls } = approved("2023-03-31");
    expect(recommendation).toBe("unmet");
    expect(shortfalls[0]).toMatchObject({ mayBeConsidered: true });
  });

  it("the day after the consideration is unmet and not considerable", () => {
    const { shortfalls } = approved("2023-04-01");
    expect(shortfalls[0]).toMatchObject({ mayBeConsidered: false });
    expect(text(shortfalls)).toEqual([
      "approval of the Barangay Appropriation Ordinance on April 1, 2023, after December 31, " +
      "2022 and after the consideration until March 31, 2023",
    ]);
  });

  it("no date is unmet", () => {
    expect(text(approved(null).shortfalls)).toEqual([
      "no date of approval of the Barangay Appropriation Ordinance; on or before December 31, " +
      "2022 is needed",
    ]);
  });
});

describe("a date not earlier than CY 2020 (3.4.2: the tanod's training)", () => {
  const leaf = leaf2024("3.4.2");
  const trained = (date: string | null) =>
    judge(leaf, { ...metChecklist(leaf), "3_4_2_date_conducted": date });

  it("a training on January 1, 2020, the first day allowed, is met", () => {
    expect(trained("2020-01-01")).toEqual({ recommendation: "met", shortfalls: [] });
    expect(trained("2023-11-30").recommendation).toBe("met");
  });

  it("the day before is unmet, and the shortfall gives the date and the earliest", () => {
    const { recommendation, shortfalls } = trained("2019-12-31");
    expect(recommendation).toBe("unmet");
    expect(shortfalls).toEqual([{
      rule: "since",
      item: "3_4_2_date_conducted",
      actual: "2019-12-31",
      earliest: "2020-01-01",
      dated: {
        en: "the training the barangay tanod attended",
        fil: "training na dinaluhan ng mga barangay tanod",
      },
      page: 37,
    }]);
    expect(text(shortfalls)).toEqual([
      "the training the barangay tanod attended on December 31, 2019, before January 1, 2020",
    ]);
  });

  it("no date is unmet", () => {
    expect(text(trained(null).shortfalls)).toEqual([
      "no date of the training the barangay tanod attended; on or after January 1, 2020 is needed",
    ]);
  });

  it("holds for every training and activity leaf the notes date from CY 2020", () => {
    for (const code of ["2.2.1", "3.3.4", "3.4.2", "4.1.2", "4.5.2", "4.5.5", "6.1.3"]) {
      const dated = leaf2024(code);
      const [since] = dated.requirements.filter((r) => r.kind === "since");
      const met = metChecklist(dated);
      const item = (since as Requirement & { kind: "since" }).item;
      expect(judge(dated, { ...met, [item]: "2020-01-01" }).recommendation, code).toBe("met");
      expect(judge(dated, { ...met, [item]: "2019-12-31" }).recommendation, code).toBe("unmet");
    }
  });
});

describe("a period covering January to October (3.2.1: the EO organizing the BPOC)", () => {
  const leaf = leaf2024("3.2.1");
  const covering = (from: string | null, until: string | null) =>
    judge(leaf, {
      ...metChecklist(leaf),
      "3_2_1_covered_from": from,
      "3_2_1_covered_until": until,
    });

  it("exactly January 1 to October 31 of the year under review is met, and a wider period too", () => {
    expect(covering("2023-01-01", "2023-10-31")).toEqual({ recommendation: "met", shortfalls: [] });
    expect(covering("2019-06-15", "2024-02-01").recommendation).toBe("met");
  });

  it("a period starting a day late or ending a day early is unmet", () => {
    const late = covering("2023-01-02", "2023-10-31");
    expect(late.recommendation).toBe("unmet");
    expect(late.shortfalls).toEqual([{
      rule: "period",
      actual: { from: "2023-01-02", until: "2023-10-31" },
      required: { from: "2023-01-01", until: "2023-10-31" },
      covered: { en: "the EO organizing the BPOC", fil: "EO na nag-organisa ng BPOC" },
      page: 29,
    }]);
    expect(text(late.shortfalls)).toEqual([
      "the EO organizing the BPOC covers January 2, 2023 to October 31, 2023; it must cover " +
      "January 1, 2023 to October 31, 2023",
    ]);
    expect(covering("2023-01-01", "2023-10-30").recommendation).toBe("unmet");
  });

  it("a missing day of the period is unmet, and the shortfall says a date is missing", () => {
    const { recommendation, shortfalls } = covering("2023-01-01", null);
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)).toEqual([
      "no period covered by the EO organizing the BPOC (a date is missing); it must cover " +
      "January 1, 2023 to October 31, 2023",
    ]);
  });
});

describe("counts of photos and of committee members", () => {
  it("2.2.2 needs two photos of the hazard map: two is met, one is unmet", () => {
    const leaf = leaf2024("2.2.2");
    const met = metChecklist(leaf);
    expect(judge(leaf, { ...met, "2_2_2_photo_count": 2 }).recommendation).toBe("met");
    const { recommendation, shortfalls } = judge(leaf, { ...met, "2_2_2_photo_count": 1 });
    expect(recommendation).toBe("unmet");
    expect(text(shortfalls)).toEqual([
      "1 of 2 photos of the Barangay Risk/Hazard Map (a distant and a close-up view)",
    ]);
  });

  it("2.1.1 needs two CSO representatives in the BDRRMC: two is met, one is unmet", () => {
    const leaf = leaf2024("2.1.1");
    const met = metChecklist(leaf);
    expect(judge(leaf, { ...met, "2_1_1_cso_count": 2 }).recommendation).toBe("met");
    const { shortfalls } = judge(leaf, { ...met, "2_1_1_cso_count": 1 });
    expect(text(shortfalls)).toEqual(["1 of 2 CSO representatives in the BDRRMC"]);
  });

  it("3.2.1 needs at least three members of anti-crime or neighborhood watch groups", () => {
    const leaf = leaf2024("3.2.1");
    const met = metChecklist(leaf);
    expect(judge(leaf, { ...met, "3_2_1_watch_count": 3 }).recommendation).toBe("met");
    expect(judge(leaf, { ...met, "3_2_1_watch_count": 2 }).recommendation).toBe("unmet");
  });
});

describe("photos one option asks for: they count only when the leaf is met through that option", () => {
  const poster = leaf2024("3.5.2");
  const option1 = { "3_5_2_a_upload": true };
  const option2 = { "3_5_2_b_upload": true };

  it("3.5.2 Option 1: exactly two photos is met, one short is unmet in English and Filipino", () => {
    expect(judge(poster, { ...option1, "3_5_2_a_photo_count": 2 })).toEqual({
      recommendation: "met",
      shortfalls: [],
    });
    const { recommendation, shortfalls } = judge(poster, {
      ...option1,
      "3_5_2_a_photo_count": 1,
    });
    expect(recommendation).toBe("unmet");
    expect(shortfalls).toEqual([expect.objectContaining({ actual: 1, required: 2, page: 38 })]);
    expect(text(shortfalls)).toEqual([
      "1 of 2 photos of the poster or tarpaulin (a distant and a close-up view)",
    ]);
    expect(shortfalls.map((shortfall) => describeShortfall(shortfall, "fil"))).toEqual([
      "1 sa 2 na larawan ng poster o tarpaulin (distant at close-up view)",
    ]);
  });

  it("3.5.2 met through Option 2 (alone, or with Option 1 too) is unaffected by the photo count", () => {
    for (const count of [null, 0, 1]) {
      expect(judge(poster, { ...option2, "3_5_2_a_photo_count": count })).toEqual({
        recommendation: "met",
        shortfalls: [],
      });
      expect(judge(poster, { ...option1, ...option2, "3_5_2_a_photo_count": count })).toEqual({
        recommendation: "met",
        shortfalls: [],
      });
    }
  });

  it("a photo count alone is not a document: 3.5.2 and 3.3.2 stay unmet with nothing else ticked", () => {
    expect(judge(poster, { "3_5_2_a_photo_count": 2 }).recommendation).toBe("unmet");
    const records = leaf2024("3.3.2");
    expect(judge(records, { "3_3_2_1_photo_count": 2, "3_3_2_2_photo_count": 1 }).recommendation)
      .toBe("unmet");
  });

  it("4.2.1 Option 1 and 6.2.1 Option A need two photos; the clustered BHS/C and the MRS need none", () => {
    const station = leaf2024("4.2.1");
    const stationOption1 = { "4_2_1_photo": true, "4_2_1_option_a": "yes" };
    const clustered = { "4_2_1_cert_clustered": true, "4_2_1_option_b": "yes" };
    expect(judge(station, { ...stationOption1, "4_2_1_photo_count": 2 }).recommendation)
      .toBe("met");
    expect(text(judge(station, { ...stationOption1, "4_2_1_photo_count": 1 }).shortfalls))
      .toEqual(["1 of 2 photos of the BHS/C (a distant and a close-up view)"]);
    expect(judge(station, { ...clustered, "4_2_1_photo_count": 1 })).toEqual({
      recommendation: "met",
      shortfalls: [],
    });
    const mrf = leaf2024("6.2.1");
    const mrs = {
      "6_2_1_b_moa_junkshop": true,
      "6_2_1_b_mechanism": true,
      "6_2_1_b_moa_service": true,
    };
    expect(judge(mrf, { "6_2_1_a_photo": true, "6_2_1_a_photo_count": 2 }).recommendation)
      .toBe("met");
    expect(judge(mrf, { "6_2_1_a_photo": true, "6_2_1_a_photo_count": 1 }).recommendation)
      .toBe("unmet");
    expect(judge(mrf, { ...mrs, "6_2_1_a_photo_count": 1 }).recommendation).toBe("met");
  });

  it("3.3.2: two photos of a city's database (Option A), one of a municipality's records (Option B)", () => {
    const records = leaf2024("3.3.2");
    const city = { "3_3_2_1_upload": true };
    const municipality = { "3_3_2_2_upload": true };
    expect(judge(records, { ...city, "3_3_2_1_photo_count": 2 }).recommendation).toBe("met");
    expect(text(judge(records, { ...city, "3_3_2_1_photo_count": 1 }).shortfalls)).toEqual([
      "1 of 2 photos of the computer database with searchable information (a distant and a " +
      "close-up view)",
    ]);
    expect(judge(records, { ...municipality, "3_3_2_2_photo_count": 1 }).recommendation)
      .toBe("met");
    expect(text(judge(records, { ...municipality, "3_3_2_2_photo_count": 0 }).shortfalls))
      .toEqual(["0 of 1 photo of the manual record or digital file, with caption"]);
  });

  it("for readiness, the option the barangay uploaded files for is the one the leaf is met through", () => {
    const shortfalls421 = (slotKeys: string[]) =>
      classifySync(input2024({
        responses: [{
          leafCode: "4.2.1",
          checklist: { "4_2_1_photo_count": 1 },
          decision: null,
          override: null,
        }],
        movs: slotKeys.map((slotKey) => ({ leafCode: "4.2.1", slotKey })),
        optionDocuments: "files",
      })).leaves.find((leaf) => leaf.code === "4.2.1")!.shortfalls;
    expect(text(shortfalls421(["photo_documentation_bhs"]))).toEqual([
      "1 of 2 photos of the BHS/C (a distant and a close-up view)",
    ]);
    expect(shortfalls421(["clustered_bhs_c"])).toEqual([]);
    expect(shortfalls421(["photo_documentation_bhs", "clustered_bhs_c"])).toEqual([]);
    expect(shortfalls421([])).toEqual([]);
  });
});

const requirementLeaves = leaves2024.map(({ leaf }) => leaf).filter((leaf) =>
  leaf.requirements.length > 0
);

/** A value for an item a requirement reads: around and on either side of its thresholds. */
const anyValue = (type: string): fc.Arbitrary<ChecklistValue> =>
  type === "document_count"
    ? fc.option(fc.nat(12), { nil: null })
    : type === "date_input"
    ? fc.option(
      fc.oneof(
        fc.date({ min: new Date("2022-11-01"), max: new Date("2023-05-01"), noInvalidDate: true }),
        fc.date({ min: new Date("2019-10-01"), max: new Date("2020-03-01"), noInvalidDate: true }),
        fc.date({ min: new Date("2023-10-01"), max: new Date("2023-12-31"), noInvalidDate: true }),
      ).map((date) => date.toISOString().slice(0, 10)),
      { nil: null },
    )
    : fc.option(fc.oneof(fc.nat(200), fc.constant(0)), { nil: null });

describe("the compiled requirements against their plain reading", () => {
  it("a leaf's shortfalls are exactly the requirements whose plain reading fails", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...requirementLeaves).chain((leaf) =>
          fc.tuple(
            fc.constant(leaf),
            fc.record(
              Object.fromEntries(leaf.items.map((item) => [item.key, anyValue(item.type)])),
            ),
            fc.boolean(),
          )
        ),
        ([leaf, amounts, documented]) => {
          const checklist = { ...(documented ? metChecklist(leaf) : {}), ...amounts } as Checklist;
          for (const [key, value] of Object.entries(metChecklist(leaf))) {
            if (typeof value !== "number" && typeof value !== "string") checklist[key] = value;
          }
          const failing = leaf.requirements.filter((r) => !referenceHolds(leaf, r, checklist));
          const { shortfalls } = judge(leaf, checklist);
          expect(shortfalls.map((s) => s.rule)).toEqual(failing.map((r) => r.kind));
          if (failing.length > 0) expect(judge(leaf, checklist).recommendation).toBe("unmet");
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("a value on the right side of every threshold", () => {
  /** A day from `min` to `max`, both included. */
  const day = (min: string, max: string) =>
    fc.date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T00:00:00Z`),
      noInvalidDate: true,
    }).map((date) => date.toISOString().slice(0, 10));

  /**
   * Values past each threshold: a count above its minimum, an earlier date for a deadline, a later
   * one for an earliest date, a wider period, a larger share.
   */
  const beyond = (leaf: CatalogLeaf): fc.Arbitrary<Checklist> =>
    fc.tuple(...leaf.requirements.map((requirement): fc.Arbitrary<Checklist> => {
      switch (requirement.kind) {
        case "count":
          return fc.integer({ min: requirement.min, max: requirement.min + 50 })
            .map((count) => ({ [requirement.item]: count }));
        case "deadline":
          return fc.date({
            min: new Date("2000-01-01"),
            max: new Date(`${requirement.onOrBefore}T00:00:00Z`),
            noInvalidDate: true,
          }).map((date) => ({ [requirement.item]: date.toISOString().slice(0, 10) }));
        case "since":
          return day(requirement.onOrAfter, "2030-12-31")
            .map((date) => ({ [requirement.item]: date }));
        case "period":
          return fc.tuple(
            day("2000-01-01", requirement.covers.from),
            day(requirement.covers.until, "2030-12-31"),
          ).map(([from, until]) => ({ [requirement.from]: from, [requirement.until]: until }));
        case "ratio":
          return fc.tuple(
            ...requirement.alternatives.map((ratio) =>
              fc.tuple(
                fc.integer({ min: 1, max: 10_000_000 }),
                fc.double({ min: 0, max: 3, noNaN: true }),
              )
                .map(([base, extra]) => ({
                  [ratio.denominator]: base,
                  [ratio.numerator]: (base * ratio.minPercent) / 100 + base * extra,
                }))
            ),
          ).map((parts) => Object.assign({}, ...parts));
      }
    })).map((parts) => Object.assign({}, ...parts));

  it("never turns a met leaf unmet", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...requirementLeaves).chain((leaf) =>
          fc.tuple(fc.constant(leaf), beyond(leaf))
        ),
        ([leaf, values]) => {
          expect(judge(leaf, metChecklist(leaf)).recommendation).toBe("met");
          expect(judge(leaf, { ...metChecklist(leaf), ...values })).toEqual({
            recommendation: "met",
            shortfalls: [],
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("the thresholds in the input hash", () => {
  it("a changed minimum changes the input hash, and with it the result it is stored under", () => {
    const leaf = leaf2024("3.1.8");
    const responses = [{
      leafCode: "3.1.8",
      checklist: metChecklist(leaf),
      decision: null,
      override: null,
    }];
    const stricter = structuredClone(catalog2024);
    const requirement = stricter.indicators.flatMap((indicator) => indicator.leaves)
      .find((candidate) => candidate.code === "3.1.8")?.requirements[0];
    if (requirement?.kind !== "count") throw new Error("3.1.8 has no count");
    requirement.min = 4;
    const asIs = classifySync(input2024({ responses }));
    const strict = classifySync({ ...input2024({ responses }), catalog: stricter });
    expect(strict.inputHash).not.toBe(asIs.inputHash);
    expect(asIs.leaves.find((l) => l.code === "3.1.8")?.recommendation).toBe("met");
    expect(strict.leaves.find((l) => l.code === "3.1.8")?.recommendation).toBe("unmet");
  });
});
