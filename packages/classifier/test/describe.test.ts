import { describe, expect, it } from "vitest";
import { describeShortfall } from "../src/describe.ts";
import type { Shortfall } from "../src/index.ts";
import { leaves2024 } from "./fixtures/assessments.ts";

// Every kind of shortfall, and every way each can fall short, written in English and in Filipino;
// a language without sentences of its own reads English.

type Ratio = (Shortfall & { rule: "ratio" })["ratios"][number];

const cir: Shortfall = {
  rule: "count",
  item: "3_1_8_count",
  actual: 2,
  required: 3,
  counted: {
    en: "CIR transmittals (1st to 3rd quarter of 2024)",
    fil: "CIR transmittal (ika-1 hanggang ika-3 quarter ng 2024)",
  },
  page: 27,
};

const physical: Ratio = {
  numerator: 38,
  denominator: 100,
  actual: 38,
  required: 50,
  measure: {
    en: "of the physical targets accomplished",
    fil: "ng mga physical target ang naisakatuparan",
  },
  option: "Option A",
  optionMet: true,
};
const financial: Ratio = {
  numerator: 410_000,
  denominator: 1_000_000,
  actual: 41,
  required: 50,
  measure: { en: "of the fund utilized", fil: "ng pondo ang nagamit" },
  option: "Option B",
  optionMet: true,
};
const accomplishment = (ratios: Ratio[]): Shortfall => ({
  rule: "ratio",
  ratios,
  page: 16,
});

const skShare: Shortfall = {
  rule: "ratio",
  ratios: [{
    numerator: 299_999,
    denominator: 3_000_000,
    actual: 9.99997,
    required: 10,
    measure: {
      en: "of the general fund set aside for the SK",
      fil: "ng general fund ang inilaan sa SK",
    },
    option: null,
    optionMet: true,
  }],
  page: 5,
};

const approval = (
  actual: string | null,
  considerationUntil: string | null = "2024-03-31",
): Shortfall => ({
  rule: "deadline",
  item: "1_3_1_date_approval",
  actual,
  deadline: "2023-12-31",
  considerationUntil,
  mayBeConsidered: actual !== null && considerationUntil !== null && actual <= considerationUntil,
  dated: {
    en: "approval of the Barangay Appropriation Ordinance",
    fil: "pag-apruba ng Barangay Appropriation Ordinance",
  },
  page: 3,
});

const both = (shortfall: Shortfall) => [
  describeShortfall(shortfall, "en"),
  describeShortfall(shortfall, "fil"),
];

describe("a count", () => {
  it("says how many of how many", () => {
    expect(both(cir)).toEqual([
      "2 of 3 CIR transmittals (1st to 3rd quarter of 2024)",
      "2 sa 3 na CIR transmittal (ika-1 hanggang ika-3 quarter ng 2024)",
    ]);
  });

  it("reads no count as none of the minimum", () => {
    expect(both({ ...cir, actual: null })).toEqual([
      "0 of 3 CIR transmittals (1st to 3rd quarter of 2024)",
      "0 sa 3 na CIR transmittal (ika-1 hanggang ika-3 quarter ng 2024)",
    ]);
  });

  it("writes large numbers with the thousands grouped", () => {
    expect(both({ ...cir, actual: 1250, required: 2000 })).toEqual([
      "1,250 of 2,000 CIR transmittals (1st to 3rd quarter of 2024)",
      "1,250 sa 2,000 na CIR transmittal (ika-1 hanggang ika-3 quarter ng 2024)",
    ]);
  });
});

describe("either of two ratios", () => {
  it("gives both percentages and the minimum of either", () => {
    expect(both(accomplishment([physical, financial]))).toEqual([
      "38 % of the physical targets accomplished and 41 % of the fund utilized; at least 50 % " +
      "of either is needed",
      "38 % ng mga physical target ang naisakatuparan at 41 % ng pondo ang nagamit; kailangan " +
      "ang hindi bababa sa 50 % sa alinman sa dalawa",
    ]);
  });

  it("says when a share reached lacks its option's documents", () => {
    const undocumented = { ...physical, numerator: 60, actual: 60, optionMet: false };
    expect(both(accomplishment([undocumented, financial]))).toEqual([
      "60 % of the physical targets accomplished, without the documents of Option A and 41 % of " +
      "the fund utilized; at least 50 % of either is needed",
      "60 % ng mga physical target ang naisakatuparan, ngunit kulang ang mga dokumento ng " +
      "Option A at 41 % ng pondo ang nagamit; kailangan ang hindi bababa sa 50 % sa alinman sa " +
      "dalawa",
    ]);
  });

  it("says why there is no percentage: a missing amount or a zero base", () => {
    const missing = { ...physical, numerator: null, actual: null };
    const zeroBase = { ...financial, denominator: 0, actual: null };
    expect(both(accomplishment([missing, zeroBase]))).toEqual([
      "no percentage of the physical targets accomplished (an amount is missing) and no " +
      "percentage of the fund utilized (no base); at least 50 % of either is needed",
      "hindi matukoy kung ilang porsiyento ng mga physical target ang naisakatuparan (may kulang " +
      "na halaga) at hindi matukoy kung ilang porsiyento ng pondo ang nagamit (walang batayang " +
      "halaga); kailangan ang hindi bababa sa 50 % sa alinman sa dalawa",
    ]);
  });

  it("names each minimum when the alternatives differ", () => {
    expect(both(accomplishment([physical, { ...financial, required: 75 }]))).toEqual([
      "38 % of the physical targets accomplished and 41 % of the fund utilized; at least 50 % " +
      "or 75 % is needed",
      "38 % ng mga physical target ang naisakatuparan at 41 % ng pondo ang nagamit; kailangan " +
      "ang hindi bababa sa 50 % o 75 %",
    ]);
  });
});

describe("a budget share", () => {
  it("cuts the percentage to one decimal, never rounding it up to the minimum", () => {
    expect(both(skShare)).toEqual([
      "9.9 % of the general fund set aside for the SK; at least 10 % is needed",
      "9.9 % ng general fund ang inilaan sa SK; kailangan ang hindi bababa sa 10 %",
    ]);
  });

  it("writes a share above a thousand percent with its thousands grouped", () => {
    const [ratio] = (skShare as Shortfall & { rule: "ratio" }).ratios;
    expect(both({ ...skShare, ratios: [{ ...ratio, actual: 1250.56, required: 2000 }] }))
      .toEqual([
        "1,250.5 % of the general fund set aside for the SK; at least 2,000 % is needed",
        "1,250.5 % ng general fund ang inilaan sa SK; kailangan ang hindi bababa sa 2,000 %",
      ]);
  });
});

describe("a deadline", () => {
  it("says a missing date is needed by the deadline", () => {
    expect(both(approval(null))).toEqual([
      "no date of approval of the Barangay Appropriation Ordinance; on or before December 31, " +
      "2023 is needed",
      "walang petsa ng pag-apruba ng Barangay Appropriation Ordinance; kailangang hindi lalampas " +
      "sa Disyembre 31, 2023",
    ]);
  });

  it("says a date inside the consideration window may be considered", () => {
    expect(both(approval("2024-02-01"))).toEqual([
      "approval of the Barangay Appropriation Ordinance on February 1, 2024, after December 31, " +
      "2023; the validator may consider it (consideration until March 31, 2024)",
      "pag-apruba ng Barangay Appropriation Ordinance noong Pebrero 1, 2024, lampas sa " +
      "Disyembre 31, 2023; maaari itong i-consider ng validator (consideration hanggang Marso " +
      "31, 2024)",
    ]);
  });

  it("says a date after the consideration window is past it too", () => {
    expect(both(approval("2024-04-01"))).toEqual([
      "approval of the Barangay Appropriation Ordinance on April 1, 2024, after December 31, " +
      "2023 and after the consideration until March 31, 2024",
      "pag-apruba ng Barangay Appropriation Ordinance noong Abril 1, 2024, lampas sa Disyembre " +
      "31, 2023 at lampas na rin sa consideration hanggang Marso 31, 2024",
    ]);
  });

  it("says only the deadline when there is no consideration", () => {
    expect(both(approval("2024-01-01", null))).toEqual([
      "approval of the Barangay Appropriation Ordinance on January 1, 2024, after December 31, " +
      "2023",
      "pag-apruba ng Barangay Appropriation Ordinance noong Enero 1, 2024, lampas sa Disyembre " +
      "31, 2023",
    ]);
  });
});

describe("the language", () => {
  it("is English unless another is asked for", () => {
    expect(describeShortfall(cir)).toBe(describeShortfall(cir, "en"));
  });

  it("falls back to English for a language without sentences of its own (Cebuano, unknown)", () => {
    expect(describeShortfall(cir, "ceb")).toBe(describeShortfall(cir, "en"));
    expect(describeShortfall(cir, "xx")).toBe(describeShortfall(cir, "en"));
  });

  it("has Filipino words of its own for every requirement of the 2024 catalog", () => {
    const wordings = leaves2024.flatMap(({ leaf }) =>
      leaf.requirements.flatMap((requirement) => {
        switch (requirement.kind) {
          case "count":
            return [requirement.counted];
          case "ratio":
            return requirement.alternatives.map((ratio) => ratio.measure);
          case "deadline":
            return [requirement.dated];
        }
      })
    );
    expect(wordings.length).toBeGreaterThan(0);
    for (const wording of wordings) expect(wording.fil, wording.en).not.toBe(wording.en);
  });
});
