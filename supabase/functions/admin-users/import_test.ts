import { strict as assert } from "node:assert";
import { insertUser } from "../classify/test-fixtures.ts";
import {
  call,
  email,
  newMlgoo,
  passwordIs,
  profile,
  removeRunAccounts,
  RUN,
  seen,
  SERVICE_ROLE_KEY,
  sql,
} from "./test-support_test.ts";

// Bulk onboarding from a CSV, against the test database and the Auth admin stand-in.

const mlgoo = await newMlgoo();
const assessor = await insertUser(sql, "assessor", null, 2);

const HEADER = "email,full_name,role,barangay,area,language";

/** The 26 barangays of Santa Cruz (by name, every other one by PSGC code), 2 assessors, 2 validators. */
async function thirtyRows(): Promise<string[]> {
  const barangays = await sql<{ psgc_code: string; name: string }[]>`
    select psgc_code, name from public.barangays where city_municipality_code = '043426000' order by psgc_code`;
  assert.equal(barangays.length, 26);
  return [
    ...barangays.map((barangay, index) =>
      `${email(`sec-${barangay.psgc_code}`)},"Secretary of ${barangay.name}",blgu,${
        index % 2 ? barangay.psgc_code : `"${barangay.name}"`
      },,fil`
    ),
    `${email("csv-assessor-1")},Assessor One,assessor,,1,en`,
    `${email("csv-assessor-4")},Assessor Four,assessor,,4,`,
    `${email("csv-validator-1")},"Dela Cruz, Juan",validator,,,ceb`,
    `${email("csv-validator-2")},Validator Two,validator,,,`,
  ];
}

async function accountsOfRun(prefix: string): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::integer as n from auth.users where email like ${`${prefix}%-${RUN}@onboarding.test`}`;
  return n;
}

Deno.test("a 30-row CSV onboards 30 accounts, and the same CSV again creates none", async () => {
  const csv = [HEADER, ...await thirtyRows()].join("\r\n") + "\r\n";
  const first = await call(mlgoo, "POST", "/import", csv);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual([first.body.created, first.body.exists, first.body.failed], [30, 0, 0]);
  assert.deepEqual(
    first.body.rows.map((row: { line: number }) => row.line),
    [...Array(30).keys()].map((i) => i + 2),
  );
  for (const row of first.body.rows) {
    assert.equal(row.outcome, "created");
    assert.ok(await passwordIs(row.email, row.temporaryPassword ?? ""), row.email);
  }
  assert.equal((await accountsOfRun("sec-")) + (await accountsOfRun("csv-")), 30);
  const alipit = await profile(email("sec-043426001"));
  assert.deepEqual(
    [alipit.role, alipit.full_name, alipit.preferred_language, alipit.must_change_password],
    ["blgu", "Secretary of Alipit", "fil", true],
  );
  const validator = await profile(email("csv-validator-1"));
  assert.deepEqual([
    validator.full_name,
    validator.city_municipality_code,
    validator.preferred_language,
  ], [
    "Dela Cruz, Juan",
    "043426000",
    "ceb",
  ]);
  assert.equal((await profile(email("csv-assessor-4"))).area_code, 4);

  const again = await call(mlgoo, "POST", "/import", csv);
  assert.equal(again.status, 200);
  assert.deepEqual([again.body.created, again.body.exists, again.body.failed], [0, 30, 0]);
  assert.ok(
    again.body.rows.every((row: Record<string, unknown>) =>
      row.outcome === "exists" && !row.temporaryPassword
    ),
  );
  assert.equal((await accountsOfRun("sec-")) + (await accountsOfRun("csv-")), 30);
});

Deno.test("a row naming an unknown barangay, or one of another municipality: every bad row reported, nothing created", async () => {
  const csv = [
    HEADER,
    `${email("ok-1")},Okay One,blgu,Alipit,,`,
    `${email("bad-1")},Bad One,blgu,Atlantis,,`,
    `${email("ok-2")},Okay Two,validator,,,`,
    `${email("bad-2")},Bad Two,blgu,043422001,,`,
    `${email("bad-3")},Bad Three,assessor,,7,`,
    `${email("bad-4")},,blgu,Alipit,,`,
    `${email("ok-1")},Twice,blgu,Alipit,,`,
    `${email("bad-5")},Bad Five,mlgoo,,,`,
  ].join("\n");
  const { status, body } = await call(mlgoo, "POST", "/import", csv);
  assert.equal(status, 400, JSON.stringify(body));
  // In line order, each row with the field at fault.
  assert.deepEqual(body.error.rows.map((row) => [row.line, row.field]), [
    [3, "barangay"],
    [5, "barangay"],
    [6, "area"],
    [7, "full_name"],
    [8, "email"],
    [9, "role"],
  ]);
  assert.match(body.error.message, /nothing was created/);
  assert.equal(await accountsOfRun("ok-"), 0, "not even the good rows");
  assert.equal(await accountsOfRun("bad-"), 0);
});

Deno.test("a malformed CSV or header is refused with its line, and creates nothing", async () => {
  const unbalanced = await call(
    mlgoo,
    "POST",
    "/import",
    `${HEADER}\n${email("m-1")},Fine,validator,,,\n${email("m-2")},"Open quote,validator,,,\n`,
  );
  assert.equal(unbalanced.status, 400, JSON.stringify(unbalanced.body));
  assert.equal(unbalanced.body.error.code, "invalid_csv");
  assert.equal(unbalanced.body.error.rows[0].field, "file");
  assert.ok(unbalanced.body.error.rows[0].line >= 3);

  const ragged = await call(
    mlgoo,
    "POST",
    "/import",
    `${HEADER}\n${email("m-3")},Short,validator\n`,
  );
  assert.deepEqual([ragged.status, ragged.body.error.rows[0].line], [400, 2]);

  const header = await call(
    mlgoo,
    "POST",
    "/import",
    `mail,full_name,role\n${email("m-4")},X,validator\n`,
  );
  assert.equal(header.status, 400);
  assert.deepEqual(
    header.body.error.rows.map((row: { field: string }) => row.field).sort(),
    ["email", "mail"],
  );
  const empty = await call(mlgoo, "POST", "/import", `${HEADER}\n`);
  assert.equal(empty.status, 400);
  assert.equal(await accountsOfRun("m-"), 0);
});

Deno.test("only the MLGOO or the central administrator onboards from a CSV", async () => {
  const csv = `${HEADER}\n${email("by-assessor")},X,validator,,,\n`;
  const refused = await call(assessor, "POST", "/import", csv);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, "forbidden");
  assert.equal(await accountsOfRun("by-assessor"), 0);
});

Deno.test("the service role key appears in no CSV answer or log line", () => {
  assert.ok(seen.length > 5);
  assert.deepEqual(seen.filter((line) => line.includes(SERVICE_ROLE_KEY)), []);
});

Deno.test("clean-up: this run's accounts go", removeRunAccounts);
