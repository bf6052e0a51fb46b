import { strict as assert } from "node:assert";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { SignJWT } from "jose";
import { asUser, testDatabase } from "../classify/test-fixtures.ts";
import { describeShortfall } from "../../../packages/classifier/src/describe.ts";
import { fewestFixesToPass } from "../../../packages/classifier/src/capdev.ts";
import type { ClassificationResult } from "../../../packages/classifier/src/schema.ts";
import { formatDate } from "./bgar-pdf.ts";
import { createReportsHandler } from "./handler.ts";
import { assessment, COMPLETED, CYCLE, seededReports, USERS } from "./test-seed.ts";

// The reports against the test stack's seed (supabase/seed.sql): its completed assessments get
// their official results from the classify function when the stack starts. The handler is called
// directly and, for authorization, the served function with signed tokens.

const sql = testDatabase();
const functionsUrl = Deno.env.get("FUNCTIONS_URL");
const jwtSecret = new TextEncoder().encode(Deno.env.get("SUPABASE_JWT_SECRET") ?? "");

const PATIMBAO = assessment(13);
const CALIOS = assessment(4);

const seeded = seededReports(sql);
const patimbaoUser = seeded.then(({ patimbao }) => patimbao);

const claimsOf = (userId: string) => ({
  sub: userId,
  role: "authenticated",
  aud: "authenticated",
  exp: Math.floor(Date.now() / 1000) + 600,
});

const token = (claims: Record<string, unknown>, secret = jwtSecret) =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(secret);

const handler = createReportsHandler({ sql });

async function call(userId: string | null, query: string): Promise<Response> {
  const headers: Record<string, string> = userId
    ? { authorization: `Bearer ${await token(claimsOf(userId))}` }
    : {};
  return await handler(new Request(`http://127.0.0.1/reports?${query}`, { headers }));
}

const serve = async (bearer: string, query: string) =>
  await fetch(`${functionsUrl}/reports?${query}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });

/** The text of a PDF (pdftotext), whitespace collapsed. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const file = await Deno.makeTempFile({ suffix: ".pdf" });
  try {
    await Deno.writeFile(file, bytes);
    const { code, stdout } = await new Deno.Command("pdftotext", { args: [file, "-"] }).output();
    assert.equal(code, 0);
    return new TextDecoder().decode(stdout).replace(/\s+/g, " ");
  } finally {
    await Deno.remove(file);
  }
}

/** Page `page` rendered in grey (pdftoppm, PGM): the share of pixels that are not white. */
async function inkShare(bytes: Uint8Array, page: number): Promise<number> {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeFile(`${dir}/report.pdf`, bytes);
    const args = ["-f", `${page}`, "-l", `${page}`, "-r", "40", "-gray", `${dir}/report.pdf`];
    const { code } = await new Deno.Command("pdftoppm", { args: [...args, `${dir}/page`] })
      .output();
    assert.equal(code, 0);
    const [name] = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".pgm"));
    const image = await Deno.readFile(`${dir}/${name}`);
    // Binary PGM: "P5", width, height, maxval, each followed by whitespace, then one byte a pixel.
    const header = new TextDecoder().decode(image.subarray(0, 40)).match(
      /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/,
    )!;
    const pixels = image.subarray(header[0].length);
    assert.equal(pixels.length, Number(header[1]) * Number(header[2]));
    return pixels.filter((value) => value < 200).length / pixels.length;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** A value as the CSV shows it, written independently of the function's formatter. */
function asCsvCell(value: unknown): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value.join("; ");
  }
  return typeof value === "object" ? JSON.stringify(value) : `${value}`;
}

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true });
}

Deno.test("the BGAR PDF holds the database's values for a seeded completed assessment", async () => {
  await seeded;
  const response = await call(USERS.mlgoo, `report=bgar&assessment=${PATIMBAO}&format=pdf`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/pdf");
  const text = await pdfText(new Uint8Array(await response.arrayBuffer()));

  const [header] = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.report_bgar(${PATIMBAO})`,
  );
  assert.ok(
    text.includes(`Barangay ${header.barangay}, ${header.city_municipality}, ${header.province}`),
  );
  assert.ok(text.includes(header.cycle_title.toUpperCase()));
  assert.ok(text.includes(`SGLGB result: ${header.passed ? "PASSED" : "FAILED"}`));
  assert.ok(
    text.includes(
      `${header.core_areas_passed} of 3 core areas and ${header.essential_areas_passed} of 3 essential areas passed`,
    ),
  );
  assert.ok(
    text.includes(`Validated on ${formatDate(header.validated_at)} by ${header.validated_by}`),
  );
  assert.ok(
    text.includes(`approved on ${formatDate(header.approved_at)} by ${header.approved_by}`),
  );

  const leaves = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.report_bgar_leaves(${PATIMBAO})`,
  );
  assert.equal(leaves.length, 84);
  for (const leaf of leaves) assert.ok(text.includes(`${leaf.leaf_code} `), leaf.leaf_code);
  const unmet = leaves.filter((leaf) => leaf.result === "unmet");
  assert.deepEqual(unmet.map((leaf) => leaf.leaf_code), ["2.1.4"]);
  assert.ok(text.includes(`Remarks: ${unmet[0].remarks}`));
  // The classifier's shortfall, in its own words: 35 of 100 planned activities.
  assert.equal(unmet[0].shortfalls[0].rule, "ratio");
  assert.ok(text.includes(`Short of: ${describeShortfall(unmet[0].shortfalls[0])}`));
  const areaVerdicts = [...new Map(leaves.map((l) => [l.area_code, l.area_passes])).values()];
  // Each area's OVERALL RESULT, then the same verdicts in the summary.
  const verdicts = [...text.matchAll(/OVERALL RESULT (PASSED|FAILED)/g)].map((m) =>
    m[1] === "PASSED"
  );
  assert.deepEqual(verdicts, areaVerdicts);

  const bbis = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.report_bgar_bbis(${PATIMBAO})`,
  );
  for (const bbi of bbis) {
    assert.ok(text.includes(`${bbi.passed_leaves} of ${bbi.scored_leaves}`));
  }
  assert.ok(text.includes("GAP ANALYSIS"));
  assert.ok(text.includes("Sent back for rework: area 2."));

  // The CapDev agenda, after the summary: each item with what to do, who helps and by when.
  const agenda = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.capdev_agenda(${PATIMBAO}, 'en')`,
  );
  assert.deepEqual(agenda.map((item) => item.leaf_code), ["2.1.4"]);
  assert.ok(text.indexOf("SUMMARY OF RESULTS") < text.indexOf("CAPACITY DEVELOPMENT AGENDA"));
  assert.ok(
    text.includes(
      `The fewest fixes that make the barangay pass under the 3+1 rule: ${agenda[0].fewest_fixes}`,
    ),
  );
  assert.ok(text.includes("Priority 1: core governance areas"));
  for (const item of agenda) {
    assert.ok(
      text.includes(`${item.leaf_code} ${item.leaf_name} What to do: ${item.intervention}`),
    );
    assert.ok(text.includes(`${item.office_code}: ${item.office_name}`));
    assert.ok(text.includes(`${formatDate(item.due_on)} (${item.time_frame_days} days)`));
    for (const shortfall of item.shortfalls) assert.ok(text.includes(`Short of: ${shortfall}`));
  }
  assert.ok(text.includes("Unmet (changed)"));
  assert.ok(text.includes("Met (fixed)"));
});

Deno.test("a rendered page of the BGAR is not blank", async () => {
  await seeded;
  const response = await call(USERS.mlgoo, `report=bgar&assessment=${assessment(8)}&format=pdf`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const share = await inkShare(bytes, 1);
  assert.ok(share > 0.05 && share < 0.9, `share of ink on page 1: ${share}`);
});

/** The pages of a PDF whose text (pdftotext) includes `needle`, numbered from 1. */
async function pagesWith(bytes: Uint8Array, needle: string): Promise<number[]> {
  const file = await Deno.makeTempFile({ suffix: ".pdf" });
  try {
    await Deno.writeFile(file, bytes);
    const { code, stdout } = await new Deno.Command("pdftotext", { args: [file, "-"] }).output();
    assert.equal(code, 0);
    return new TextDecoder().decode(stdout).split("\f").flatMap((page, i) =>
      page.replace(/\s+/g, " ").includes(needle) ? [i + 1] : []
    );
  } finally {
    await Deno.remove(file);
  }
}

Deno.test("the BGAR's agenda page of a barangay failing an indicator is laid out with ink", async () => {
  await seeded;
  // Palasan: indicator 3.3 declared unmet, so four sub-indicators are on its agenda.
  const response = await call(USERS.mlgoo, `report=bgar&assessment=${assessment(12)}&format=pdf`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const [page] = await pagesWith(bytes, "CAPACITY DEVELOPMENT AGENDA");
  assert.ok(page !== undefined, "the agenda is in the PDF");
  const interventions = await pagesWith(bytes, "Indicator 3.3 was declared Unmet as a whole");
  assert.equal(interventions[0], page, "the agenda's first item is under its heading");
  const share = await inkShare(bytes, page);
  assert.ok(share > 0.05 && share < 0.9, `share of ink on page ${page}: ${share}`);
});

Deno.test("every seeded failing assessment's agenda lists each failed leaf once with an intervention, an office and a priority", async () => {
  await seeded;
  const failing = await sql<{ assessment_id: string; result: ClassificationResult }[]>`
    select assessment_id, result from public.official_results
    where assessment_id = any(${COMPLETED}) and not passed order by assessment_id`;
  assert.equal(failing.length, 5);
  for (const { assessment_id: id, result } of failing) {
    const agenda = await asUser(
      sql,
      USERS.mlgoo,
      (tx) => tx`select * from public.capdev_agenda(${id})`,
    );
    const failed = new Set(
      result.areas.flatMap((area) => area.failures.map((failure) => failure.leafCode)),
    );
    assert.ok(failed.size > 0, id);
    assert.deepEqual(agenda.map((item) => item.leaf_code).sort(), [...failed].sort(), id);
    assert.deepEqual(agenda.map((item) => item.rank), agenda.map((_, i) => i + 1), id);
    for (const item of agenda) {
      assert.ok(
        item.intervention && item.office_code && item.office_name,
        `${id} ${item.leaf_code}`,
      );
      assert.ok(["core", "flip", "other"].includes(item.priority), `${id} ${item.leaf_code}`);
      assert.equal(item.priority === "core", item.area_kind === "core", `${id} ${item.leaf_code}`);
    }
    // The agenda's fewest fixes are the classifier's own, from the same result.
    assert.equal(agenda[0].fewest_fixes, fewestFixesToPass(result).fixes, id);
  }
});

Deno.test("the BGAR CSV rows equal report_bgar_leaves's rows", async () => {
  await seeded;
  const response = await call(USERS.mlgoo, `report=bgar&assessment=${assessment(12)}&format=csv`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
  const csv = csvRows(await response.text());
  const rows = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.report_bgar_leaves(${assessment(12)})`,
  );
  assert.deepEqual(
    csv,
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsvCell(v)]))),
  );
  // Palasan: every leaf met, indicator 3.3 declared unmet by the MLGOO.
  assert.ok(
    csv.some((row) =>
      row.leaf_code.startsWith("3.3.") && row.reason === "Indicator declared unmet"
    ),
  );
});

Deno.test("the cycle CSV rows equal report_cycle_rollup's rows; the XLSX holds them too", async () => {
  await seeded;
  const rows = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.report_cycle_rollup(${CYCLE})`,
  );
  const csvResponse = await call(USERS.mlgoo, `report=cycle&cycle=${CYCLE}&format=csv`);
  assert.equal(csvResponse.status, 200);
  assert.deepEqual(
    csvRows(await csvResponse.text()),
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsvCell(v)]))),
  );
  assert.equal(rows.filter((row) => row.passed === true).length, 5);
  assert.equal(rows.filter((row) => row.passed === false).length, 5);

  const xlsx = await call(USERS.mlgoo, `report=cycle&cycle=${CYCLE}&format=xlsx`);
  assert.equal(xlsx.status, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await xlsx.arrayBuffer());
  assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), [
    "Roll-up",
    "Pass rates",
    "Gap analysis",
    "CapDev agenda",
  ]);
  const sheet = workbook.getWorksheet("Roll-up")!;
  assert.equal(sheet.rowCount, rows.length + 1);
  assert.equal(sheet.getRow(2).getCell(2).value, rows[0].psgc_code);
  assert.equal(sheet.getRow(2).getCell(3).value, rows[0].barangay);

  const agenda = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.report_cycle_capdev(${CYCLE})`,
  );
  const capdevSheet = workbook.getWorksheet("CapDev agenda")!;
  assert.equal(capdevSheet.rowCount, agenda.length + 1);
  const columns = (capdevSheet.getRow(1).values as unknown[]).slice(1);
  const cell = (row: number, column: string) =>
    capdevSheet.getRow(row).getCell(columns.indexOf(column) + 1).value;
  agenda.forEach((item, i) => {
    assert.equal(cell(i + 2, "barangay"), item.barangay);
    assert.equal(cell(i + 2, "leaf_code"), item.leaf_code);
    assert.equal(cell(i + 2, "intervention"), item.intervention);
    assert.equal(cell(i + 2, "office_code"), item.office_code);
  });
});

Deno.test("the cycle's CapDev CSV rows equal report_cycle_capdev's rows: each failing barangay's agenda", async () => {
  await seeded;
  const rows = await asUser(
    sql,
    USERS.mlgoo,
    (tx) => tx`select * from public.report_cycle_capdev(${CYCLE})`,
  );
  const response = await call(USERS.mlgoo, `report=capdev&cycle=${CYCLE}&format=csv`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-disposition")!, /sglgb-capdev-/);
  assert.deepEqual(
    csvRows(await response.text()),
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, asCsvCell(v)]))),
  );
  const failing = new Set(rows.filter((row) => row.passed === false).map((row) => row.barangay));
  assert.equal(failing.size, 5);
  // A barangay before completion reads no agenda, not even its own.
  const calios = csvRows(
    await (await call(USERS.calios, `report=capdev&cycle=${CYCLE}&format=csv`)).text(),
  );
  assert.deepEqual(calios, []);
});

Deno.test("each role gets the reports of its scope, and 403 outside it", async () => {
  await seeded;
  const patimbao = await patimbaoUser;
  const bgar = (id: string) => `report=bgar&assessment=${id}&format=csv`;
  const cycle = `report=cycle&cycle=${CYCLE}&format=csv`;
  const cases: [string, string, string, number][] = [
    ["mlgoo", USERS.mlgoo, bgar(PATIMBAO), 200],
    ["validator", USERS.validator, bgar(PATIMBAO), 200],
    ["the barangay", patimbao, bgar(PATIMBAO), 200],
    ["another barangay", USERS.alipit, bgar(PATIMBAO), 403],
    ["an assessor", USERS.assessor, bgar(PATIMBAO), 403],
    ["katuparan", USERS.katuparan, bgar(PATIMBAO), 403],
    ["the provincial office (oversight)", USERS.oversightLaguna, bgar(PATIMBAO), 200],
    ["the central administrator", USERS.administrator, bgar(PATIMBAO), 403],
    ["another municipality's MLGOO", USERS.mlgooPagsanjan, bgar(PATIMBAO), 403],
    ["another municipality's validator", USERS.validatorPagsanjan, bgar(PATIMBAO), 403],
    ["a barangay before completion", USERS.calios, bgar(CALIOS), 409],
    ["anyone, an unknown assessment", USERS.mlgoo, bgar(crypto.randomUUID()), 403],
    ["mlgoo", USERS.mlgoo, cycle, 200],
    ["katuparan", USERS.katuparan, cycle, 403],
    ["the provincial office (oversight)", USERS.oversightLaguna, cycle, 200],
  ];
  for (const [who, userId, query, status] of cases) {
    const response = await call(userId, query);
    assert.equal(response.status, status, `${who}: ${query}`);
    if (status >= 400) {
      assert.equal(response.headers.get("content-type"), "application/json");
      assert.ok((await response.json()).error.message);
    } else await response.body?.cancel();
  }
  // A barangay's cycle export is its own row.
  const own = csvRows(await (await call(patimbao, cycle)).text());
  assert.deepEqual(own.map((row) => row.barangay), ["Patimbao"]);
});

Deno.test("the served function checks the token: none, a forged one or the anon key get 401", async () => {
  await seeded;
  const query = `report=bgar&assessment=${PATIMBAO}&format=pdf`;
  const forged = await token(claimsOf(USERS.mlgoo), new TextEncoder().encode("x".repeat(40)));
  for (const bearer of [forged, Deno.env.get("SUPABASE_ANON_KEY")!]) {
    const response = await serve(bearer, query);
    assert.equal(response.status, 401);
    await response.body?.cancel();
  }
  const response = await serve(await token(claimsOf(USERS.mlgoo)), query);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/pdf");
  await response.body?.cancel();
  const other = await serve(await token(claimsOf(USERS.alipit)), query);
  assert.equal(other.status, 403);
  assert.equal((await other.json()).error.code, "forbidden");
});

Deno.test("a malformed parameter is refused with 400 and a JSON error naming it", async () => {
  const response = await call(USERS.mlgoo, "report=bgar&assessment=not-a-uuid&format=pdf");
  assert.equal(response.status, 400);
  assert.deepEqual((await response.json()).error, {
    code: "invalid_parameter",
    message: "assessment must be the id (a UUID)",
    parameter: "assessment",
  });
});

Deno.test("cleanup", async () => {
  await (await seeded).remove();
  await sql.end();
});
