// One rule in two languages: what the database lets a barangay or an assessor save for a checklist
// item (private.item_value_fits, behind save_answers and save_checklist) is what the classifier
// accepts for that item, texts beyond the database's bound aside. So a saved value never makes a
// classification fail, and the database refuses nothing the classifier would judge.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  ClassifierInputError,
  classifySync,
  type ItemType,
} from "../../packages/classifier/src/index.ts";
import { LONGEST_TEXT } from "../../packages/classifier/test/fixtures/arbitraries.ts";
import { loadCatalog2024 } from "../../packages/classifier/test/fixtures/catalog2024.ts";
import { connect } from "../../tools/lib/database.ts";

const databaseUrl = process.env.SUPABASE_DB_URL;
const catalog = loadCatalog2024();

/** The first item of each kind in the 2024 catalog, with its leaf. */
const itemOfKind = new Map<ItemType, { leafCode: string; key: string }>();
for (const indicator of catalog.indicators) {
  for (const leaf of indicator.leaves) {
    for (const item of leaf.items) {
      if (!itemOfKind.has(item.type)) {
        itemOfKind.set(item.type, { leafCode: leaf.code, key: item.key });
      }
    }
  }
}

function classifierAccepts(type: ItemType, value: unknown): boolean {
  const { leafCode, key } = itemOfKind.get(type)!;
  const checklist = { [key]: value };
  try {
    classifySync({
      catalog,
      responses: [{ leafCode, checklist, decision: null, override: null }],
      indicatorOverrides: [],
      movs: [],
    });
    return true;
  } catch (error) {
    if (error instanceof ClassifierInputError) return false;
    throw error;
  }
}

const digits = (length: number, max: number) =>
  fc.integer({ min: 0, max }).map((n) => String(n).padStart(length, "0"));

/** Date-like texts, many of them impossible: month 00-14, day 00-33, hour 00-25, minute 00-62. */
const dateLike = fc.tuple(
  digits(4, 2100),
  digits(2, 14),
  digits(2, 33),
  fc.option(fc.tuple(
    digits(2, 25),
    digits(2, 62),
    fc.option(fc.tuple(digits(2, 62), fc.option(fc.nat(999)))),
    fc.oneof(
      fc.constant("Z"),
      fc.tuple(fc.constantFrom("+", "-"), digits(2, 25), digits(2, 62)).map((p) =>
        `${p[0]}${p[1]}:${p[2]}`
      ),
    ),
  )),
).map(([year, month, day, time]) => {
  const date = `${year}-${month}-${day}`;
  if (time === null) return date;
  const [hour, minute, seconds, zone] = time;
  const second = seconds === null
    ? ""
    : `:${seconds[0]}${seconds[1] === null ? "" : `.${seconds[1]}`}`;
  return `${date}T${hour}:${minute}${second}${zone}`;
});

describe.skipIf(!databaseUrl)("checklist values: the database and the classifier agree", () => {
  const sql = connect(databaseUrl ?? "");
  afterAll(() => sql.end());

  it("the classifier's tests hash texts up to the database's bound", async () => {
    const [{ longest }] = await sql<{ longest: number }[]>`
      select private.longest_item_text() as longest`;
    expect(LONGEST_TEXT).toBe(longest);
  });

  it(
    "a value the database accepts for an item the classifier accepts, and the other way round within the text bound",
    async () => {
      const [{ longest }] = await sql<{ longest: number }[]>`
      select private.longest_item_text() as longest`;
      const value = fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        dateLike,
        fc.constantFrom("yes", "no", "", "2024-02-29", "2023-02-29"),
        fc.integer({ min: longest - 1, max: longest + 1 }).map((length) => "😀".repeat(length)),
      );
      const kinds = [...itemOfKind.keys()];
      await fc.assert(
        fc.asyncProperty(fc.array(value, { minLength: 30, maxLength: 30 }), async (values) => {
          // Values reach the classifier as JSON from the database, so -0 is 0 and so on.
          const cases = kinds.flatMap((type) =>
            values.map((v) => ({ type, value: JSON.parse(JSON.stringify(v)) as unknown }))
          );
          const [{ fits }] = await sql<{ fits: boolean[] }[]>`
          select coalesce(jsonb_agg(private.item_value_fits((c ->> 'type')::public.checklist_item_type, c -> 'value')
                                    order by n), '[]') as fits
          from jsonb_array_elements(${sql.json(cases as never)}) with ordinality as t (c, n)`;
          cases.forEach(({ type, value }, i) => {
            const accepted = classifierAccepts(type, value);
            const beyondBound = typeof value === "string" && [...value].length > longest;
            const at = `${type} ${JSON.stringify(value).slice(0, 80)}`;
            if (fits[i]) expect(accepted, at).toBe(true);
            else if (accepted) expect(beyondBound, at).toBe(true);
          });
        }),
        { numRuns: 40 },
      );
    },
    60_000,
  );
});
