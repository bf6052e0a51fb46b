import { describe, expect, it } from "vitest";
import path from "node:path";
import { functionsDir } from "./paths.ts";
import { isUnitTest, parseDenoTest, parsePgProve } from "./suites.ts";

describe("suite output parsing", () => {
  it("counts every pgTAP assertion of a passing run", () => {
    const output = [
      "/repo/supabase/tests/001-platform.test.sql ...... ok",
      "All tests successful.",
      "Files=2, Tests=30,  0 wallclock secs ( 0.03 usr  0.00 sys +  0.08 cusr  0.03 csys =  0.14 CPU)",
      "Result: PASS",
    ].join("\n");
    expect(parsePgProve(output)).toEqual({ passed: 30, failed: 0 });
  });

  it("counts failed pgTAP assertions, and a file that died without one as one failure", () => {
    const output = [
      "Test Summary Report",
      "-------------------",
      "/repo/supabase/tests/010-a.test.sql (Wstat: 0 Tests: 10 Failed: 2)",
      "  Failed tests:  3, 7",
      "/repo/supabase/tests/020-b.test.sql (Wstat: 768 Tests: 4 Failed: 0)",
      "  Parse errors: Bad plan.  You planned 6 tests but ran 4.",
      "Files=3, Tests=20,  1 wallclock secs",
      "Result: FAIL",
    ].join("\n");
    expect(parsePgProve(output)).toEqual({ passed: 18, failed: 3 });
  });

  it("reports no pgTAP counts when pg_prove could not run", () => {
    expect(parsePgProve("psql: error: connection refused")).toBeUndefined();
  });

  it("reads deno test's closing line", () => {
    expect(parseDenoTest("ok | 4 passed | 0 failed (150ms)")).toEqual({ passed: 4, failed: 0 });
    expect(parseDenoTest("FAILED | 3 passed (2 steps) | 1 failed (2s)")).toEqual({
      passed: 3,
      failed: 1,
    });
  });
});

describe("the functions' unit tests, which also run under the edge runtime's Deno", () => {
  const classify = path.join(functionsDir, "classify");
  const config = path.join(classify, "deno.json");

  it("are the test files whose modules reach no database client", async () => {
    expect(await isUnitTest(path.join(classify, "storage-reader_test.ts"), config)).toBe(true);
    expect(await isUnitTest(path.join(classify, "handler_test.ts"), config)).toBe(false);
  });
});
