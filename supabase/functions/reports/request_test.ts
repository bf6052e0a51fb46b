import { strict as assert } from "node:assert";
import { parseReportRequest } from "./request.ts";

const ID = "a0000000-0000-4000-8000-000000000013";
const parse = (query: string) => parseReportRequest(new URLSearchParams(query));

Deno.test("a report request names the report, its subject and the format", () => {
  assert.deepEqual(parse(`report=bgar&assessment=${ID}&format=csv`), {
    request: { report: "bgar", assessmentId: ID, format: "csv" },
  });
  assert.deepEqual(parse(`report=cycle&cycle=${ID}&format=xlsx`), {
    request: { report: "cycle", cycleId: ID, format: "xlsx" },
  });
  assert.deepEqual(parse(`report=capdev&cycle=${ID}`), {
    request: { report: "capdev", cycleId: ID, format: "csv" },
  });
});

Deno.test("the format defaults to PDF for the BGAR and CSV for the cycle", () => {
  assert.deepEqual(parse(`report=bgar&assessment=${ID}`), {
    request: { report: "bgar", assessmentId: ID, format: "pdf" },
  });
  assert.deepEqual(parse(`report=cycle&cycle=${ID}`), {
    request: { report: "cycle", cycleId: ID, format: "csv" },
  });
});

Deno.test("an unknown, missing, repeated or malformed parameter is named", () => {
  const cases: [string, string][] = [
    ["", "report"],
    ["report=scorecard", "report"],
    ["report=bgar&assessment=not-a-uuid&format=pdf", "assessment"],
    ["report=bgar&format=pdf", "assessment"],
    [`report=bgar&assessment=${ID}&format=xlsx`, "format"],
    [`report=cycle&cycle=${ID}&format=pdf`, "format"],
    [`report=capdev&cycle=${ID}&format=pdf`, "format"],
    [`report=capdev&assessment=${ID}`, "assessment"],
    [`report=cycle&cycle=${ID}&assessment=${ID}`, "assessment"],
    [`report=bgar&assessment=${ID}&assessment=${ID}`, "assessment"],
    [`report=bgar&assessment=${ID}&lang=fil`, "lang"],
  ];
  for (const [query, parameter] of cases) {
    const parsed = parse(query);
    assert.ok("error" in parsed, query);
    assert.equal(parsed.error.parameter, parameter, query);
  }
});
