import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coverageProblems, scoredLeafCodes } from "./coverage.ts";
import { EDITION_PATH, run } from "./generate.ts";
import { INTERVENTIONS_2024 } from "./interventions-2024.ts";
import { interventionRows, REASONS, renderMigration } from "./render.ts";

const edition = JSON.parse(readFileSync(EDITION_PATH, "utf8"));

describe("capdev interventions of the 2024 catalog", () => {
  it("cover every scored sub-indicator, and only those, with an office, a time frame and both languages", () => {
    expect(scoredLeafCodes(edition)).toHaveLength(77);
    expect(coverageProblems(edition, INTERVENTIONS_2024)).toEqual([]);
    expect(Object.keys(INTERVENTIONS_2024).sort()).toEqual(scoredLeafCodes(edition).sort());
  });

  it("names what is missing, unknown or untranslated", () => {
    const { "2.1.4": _dropped, ...rest } = INTERVENTIONS_2024;
    const broken = {
      ...rest,
      "4.9.1": INTERVENTIONS_2024["4.8.1"],
      "1.1.1": {
        ...INTERVENTIONS_2024["1.1.1"],
        office: "XYZ" as never,
        days: 0,
        evidence: { en: "a photo", fil: "a photo" },
      },
    };
    expect(coverageProblems(edition, broken)).toEqual([
      "2.1.4: scored sub-indicator without an intervention",
      "1.1.1: unknown office XYZ",
      "1.1.1: the time frame must be 1 to 366 days",
      "1.1.1: evidence is not translated",
      "4.9.1: not a scored sub-indicator of the edition",
    ]);
  });

  it("give each sub-indicator one intervention per failure reason, the parent's sending to the C/MLGOO", () => {
    const rows = interventionRows("2.1.4", INTERVENTIONS_2024["2.1.4"]);
    expect(rows.map((row) => row.reason)).toEqual([...REASONS]);
    const [missing, unmet, parent] = rows;
    expect(unmet).toMatchObject({ office: "MDRRMO", days: 90 });
    expect(unmet.text.en).toContain("at least 50% of the physical targets");
    expect(missing.days).toBe(30);
    expect(missing.text.en).toMatch(/^Gather and upload the accomplishment report/);
    expect(parent.office).toBe("MLGOO");
    expect(parent.text.en).toMatch(/^Indicator 2\.1 was declared Unmet/);
    expect(parent.text.fil).toMatch(/^Idineklarang Unmet ang buong indicator 2\.1/);
  });

  it("the checked-in migration is the one the data gives", () => {
    expect(run(["--check"])).toMatchObject({ exitCode: 0 });
    const sql = renderMigration("2024", INTERVENTIONS_2024, "npm run capdev:generate");
    expect(sql.match(/^ {2}\('2024', /gm)).toHaveLength(77 * 3);
    expect(sql).toContain("'City/Municipal Treasurer''s Office'");
  });
});
