import type { Shortfall } from "./schema.ts";

/**
 * A shortfall in plain English, written from its data alone, e.g. "2 of 3 CIR transmittals" or
 * "38 % of the physical targets accomplished and 41 % of the fund utilized; at least 50 % of
 * either is needed". A report in another language writes its own sentence from the same fields.
 */
export function describeShortfall(shortfall: Shortfall): string {
  switch (shortfall.rule) {
    case "count":
      return `${shortfall.actual ?? 0} of ${shortfall.required} ${shortfall.counted}`;
    case "ratio":
      return describeRatios(shortfall);
    case "deadline":
      return describeDeadline(shortfall);
  }
}

/** A percentage cut (not rounded) to one decimal, so a share below a minimum never reads as it. */
export function formatPercent(percent: number): string {
  return `${Math.floor(percent * 10 + 1e-9) / 10} %`;
}

function describeRatios(shortfall: Shortfall & { rule: "ratio" }): string {
  const found = shortfall.ratios.map((ratio) => {
    const share = ratio.actual === null
      ? `no percentage ${ratio.measure} (${
        ratio.numerator === null || ratio.denominator === null ? "an amount is missing" : "no base"
      })`
      : `${formatPercent(ratio.actual)} ${ratio.measure}`;
    return ratio.optionMet || ratio.option === null
      ? share
      : `${share}, without the documents of ${ratio.option}`;
  });
  const required = [...new Set(shortfall.ratios.map((ratio) => ratio.required))];
  const needed = shortfall.ratios.length === 1
    ? `at least ${required[0]} % is needed`
    : required.length === 1
    ? `at least ${required[0]} % of either is needed`
    : `at least ${shortfall.ratios.map((ratio) => `${ratio.required} %`).join(" or ")} is needed`;
  return `${found.join(" and ")}; ${needed}`;
}

function describeDeadline(shortfall: Shortfall & { rule: "deadline" }): string {
  const { actual, deadline, considerationUntil, dated } = shortfall;
  if (actual === null) return `no date of ${dated}; on or before ${deadline} is needed`;
  const late = `${dated} on ${actual}, after ${deadline}`;
  if (shortfall.mayBeConsidered) {
    return `${late}; the validator may consider it (consideration until ${considerationUntil})`;
  }
  return considerationUntil === null
    ? late
    : `${late} and after the consideration until ${considerationUntil}`;
}
