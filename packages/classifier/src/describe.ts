import type { Shortfall } from "./schema.ts";

/**
 * Shortfalls written as sentences from their data alone, in English or Filipino, e.g.
 * "2 of 3 CIR transmittals (1st to 3rd quarter of 2024)" and
 * "2 sa 3 na CIR transmittal (ika-1 hanggang ika-3 quarter ng 2024)".
 */

/** The languages shortfalls are written in; any other language reads English. */
export const SHORTFALL_LANGUAGES = ["en", "fil"] as const;
export type ShortfallLanguage = (typeof SHORTFALL_LANGUAGES)[number];

type Count = Shortfall & { rule: "count" };
type Ratios = Shortfall & { rule: "ratio" };
type Ratio = Ratios["ratios"][number];
type Deadline = Shortfall & { rule: "deadline" };

/** One language's sentences: numbers, percentages and dates come formatted for the language. */
type Sentences = {
  locale: string;
  count(actual: string, required: string, counted: string): string;
  share(percent: string, measure: string): string;
  noShare(measure: string, why: "missing" | "no_base"): string;
  withoutDocuments(share: string, option: string): string;
  /** What is needed: one minimum, one for all alternatives, or one per alternative. */
  needed(minimums: string[], alternatives: number): string;
  ratios(found: string[], needed: string): string;
  undated(dated: string, deadline: string): string;
  late(dated: string, day: string, deadline: string): string;
  mayBeConsidered(late: string, until: string): string;
  afterConsideration(late: string, until: string): string;
};

const english: Sentences = {
  locale: "en-PH",
  count: (actual, required, counted) => `${actual} of ${required} ${counted}`,
  share: (percent, measure) => `${percent} ${measure}`,
  noShare: (measure, why) =>
    `no percentage ${measure} (${why === "missing" ? "an amount is missing" : "no base"})`,
  withoutDocuments: (share, option) => `${share}, without the documents of ${option}`,
  needed: (minimums, alternatives) =>
    alternatives === 1
      ? `at least ${minimums[0]} is needed`
      : minimums.length === 1
      ? `at least ${minimums[0]} of either is needed`
      : `at least ${minimums.join(" or ")} is needed`,
  ratios: (found, needed) => `${found.join(" and ")}; ${needed}`,
  undated: (dated, deadline) => `no date of ${dated}; on or before ${deadline} is needed`,
  late: (dated, day, deadline) => `${dated} on ${day}, after ${deadline}`,
  mayBeConsidered: (late, until) =>
    `${late}; the validator may consider it (consideration until ${until})`,
  afterConsideration: (late, until) => `${late} and after the consideration until ${until}`,
};

const filipino: Sentences = {
  locale: "fil-PH",
  count: (actual, required, counted) => `${actual} sa ${required} na ${counted}`,
  share: (percent, measure) => `${percent} ${measure}`,
  noShare: (measure, why) =>
    `hindi matukoy kung ilang porsiyento ${measure} (${
      why === "missing" ? "may kulang na halaga" : "walang batayang halaga"
    })`,
  withoutDocuments: (share, option) => `${share}, ngunit kulang ang mga dokumento ng ${option}`,
  needed: (minimums, alternatives) =>
    alternatives === 1
      ? `kailangan ang hindi bababa sa ${minimums[0]}`
      : minimums.length === 1
      ? `kailangan ang hindi bababa sa ${minimums[0]} sa alinman sa ${
        alternatives === 2 ? "dalawa" : "mga ito"
      }`
      : `kailangan ang hindi bababa sa ${minimums.join(" o ")}`,
  ratios: (found, needed) => `${found.join(" at ")}; ${needed}`,
  undated: (dated, deadline) =>
    `walang petsa ng ${dated}; kailangang hindi lalampas sa ${deadline}`,
  late: (dated, day, deadline) => `${dated} noong ${day}, lampas sa ${deadline}`,
  mayBeConsidered: (late, until) =>
    `${late}; maaari itong i-consider ng validator (consideration hanggang ${until})`,
  afterConsideration: (late, until) =>
    `${late} at lampas na rin sa consideration hanggang ${until}`,
};

const SENTENCES: Record<ShortfallLanguage, Sentences> = { en: english, fil: filipino };

const isWritten = (language: string): language is ShortfallLanguage =>
  (SHORTFALL_LANGUAGES as readonly string[]).includes(language);

/**
 * A shortfall as a sentence in `language` ("en", the default, or "fil"; a language without
 * sentences of its own, such as "ceb", reads English).
 */
export function describeShortfall(shortfall: Shortfall, language: string = "en"): string {
  const lang = isWritten(language) ? language : "en";
  const sentences = SENTENCES[lang];
  switch (shortfall.rule) {
    case "count":
      return describeCount(shortfall, lang, sentences);
    case "ratio":
      return describeRatios(shortfall, lang, sentences);
    case "deadline":
      return describeDeadline(shortfall, lang, sentences);
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A number as the language writes it (e.g. 1,250.5). */
function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * A percentage cut (not rounded) to one decimal, so a share below a minimum never reads as it:
 * 49.99 is "49.9 %".
 */
function formatPercent(percent: number, locale = "en-PH"): string {
  return `${formatNumber(Math.floor(percent * 10 + 1e-9) / 10, locale)} %`;
}

/** A calendar day (`YYYY-MM-DD`) as the language writes it: "December 31, 2023", "Disyembre 31, 2023". */
function formatDay(day: string, locale = "en-PH"): string {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

function describeCount(shortfall: Count, lang: ShortfallLanguage, sentences: Sentences): string {
  const { locale } = sentences;
  return sentences.count(
    formatNumber(shortfall.actual ?? 0, locale),
    formatNumber(shortfall.required, locale),
    shortfall.counted[lang],
  );
}

function describeRatios(shortfall: Ratios, lang: ShortfallLanguage, sentences: Sentences): string {
  const found = shortfall.ratios.map((ratio: Ratio) => {
    const measure = ratio.measure[lang];
    const share = ratio.actual === null
      ? sentences.noShare(
        measure,
        ratio.numerator === null || ratio.denominator === null ? "missing" : "no_base",
      )
      : sentences.share(formatPercent(ratio.actual, sentences.locale), measure);
    return ratio.optionMet || ratio.option === null
      ? share
      : sentences.withoutDocuments(share, ratio.option);
  });
  const minimums = [...new Set(shortfall.ratios.map((ratio) => ratio.required))];
  const needed = sentences.needed(
    (minimums.length === 1 ? minimums : shortfall.ratios.map((ratio) => ratio.required))
      .map((minimum) => `${formatNumber(minimum, sentences.locale)} %`),
    shortfall.ratios.length,
  );
  return sentences.ratios(found, needed);
}

function describeDeadline(
  shortfall: Deadline,
  lang: ShortfallLanguage,
  sentences: Sentences,
): string {
  const day = (value: string) => formatDay(value, sentences.locale);
  const { actual, deadline, considerationUntil } = shortfall;
  const dated = shortfall.dated[lang];
  if (actual === null) return sentences.undated(dated, day(deadline));
  const late = sentences.late(dated, day(actual), day(deadline));
  if (considerationUntil === null) return late;
  return shortfall.mayBeConsidered
    ? sentences.mayBeConsidered(late, day(considerationUntil))
    : sentences.afterConsideration(late, day(considerationUntil));
}
