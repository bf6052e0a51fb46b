import { strict as assert } from "node:assert";
import { parseAccountsCsv } from "./csv.ts";

Deno.test("a CSV's rows become accounts, with the line each came from", () => {
  const parsed = parseAccountsCsv(
    "\uFEFFEmail,Full_Name,role,barangay,area,language\r\n" +
      'Ana@Example.gov.ph,"Reyes, Ana",blgu,Poblacion I,,fil\r\n' +
      "\r\n" +
      "ben@example.gov.ph,Ben,assessor,,3,\r\n",
  );
  assert.ok("rows" in parsed);
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.rows, [
    {
      line: 2,
      account: {
        email: "ana@example.gov.ph",
        fullName: "Reyes, Ana",
        role: "blgu",
        barangay: "Poblacion I",
        language: "fil",
      },
    },
    {
      line: 4,
      account: {
        email: "ben@example.gov.ph",
        fullName: "Ben",
        role: "assessor",
        area: 3,
        language: "en",
      },
    },
  ]);
});

Deno.test("each bad row is reported with its line and column; the good ones are kept apart", () => {
  const parsed = parseAccountsCsv(
    "email,full_name,role,area\n" +
      "a@example.gov.ph,A,validator,\n" +
      "b@example,B,validator,\n" +
      "c@example.gov.ph,C,assessor,seven\n" +
      "A@example.gov.ph,A again,validator,\n" +
      "d@example.gov.ph,D,captain,\n",
  );
  assert.ok("rows" in parsed);
  assert.deepEqual(parsed.rows.map((row) => row.line), [2]);
  assert.deepEqual(parsed.errors.map(({ line, field }) => [line, field]), [
    [3, "email"],
    [4, "area"],
    [5, "email"],
    [6, "role"],
  ]);
  assert.match(parsed.errors[2].message, /already on line 2/);
});

Deno.test("a file that is not CSV, or whose header is wrong, is refused as a whole", () => {
  const quote = parseAccountsCsv('email,full_name,role\n"a@example.gov.ph,A,blgu\n');
  assert.ok("error" in quote);
  assert.equal(quote.errors[0].field, "file");
  const header = parseAccountsCsv("email,name,role\na@example.gov.ph,A,validator\n");
  assert.ok("error" in header);
  assert.deepEqual(header.errors.map((error) => error.field), ["name", "full_name"]);
  const empty = parseAccountsCsv("email,full_name,role\n");
  assert.ok("error" in empty);
  assert.match(empty.error, /no rows/);
});
