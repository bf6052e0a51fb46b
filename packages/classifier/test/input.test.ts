import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClassifierInputError, classifierInputSchema, classify } from "../src/index.ts";
import { isoDay } from "../src/input.ts";
import { decisionSchema } from "../src/schema.ts";
import { assessment2024 } from "./fixtures/arbitraries.ts";
import { allMovs2024, decisions2024, input2024, leaf2024 } from "./fixtures/assessments.ts";

/** fast-check runs classify dozens of times per property; allow for a loaded machine. */
const PROPERTY_TIMEOUT_MS = 60_000;

const response = (leafCode: string, extra: object = {}) => ({
  leafCode,
  checklist: {},
  decision: null,
  override: null,
  ...extra,
});

async function refusal(input: unknown): Promise<ClassifierInputError> {
  const error = await classify(input).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ClassifierInputError);
  return error as ClassifierInputError;
}

describe("input validation: what is read", () => {
  it.each(decisionSchema.options)(
    "the decision %s, as decision or override, is read",
    async (decision) => {
      const result = await classify(input2024({
        responses: [response("1.3.1", { decision }), response("1.6.1", { override: decision })],
      }));
      for (const code of ["1.3.1", "1.6.1"]) {
        expect(result.leaves.find((leaf) => leaf.code === code)?.status).toBe(decision);
      }
    },
  );
});

describe("input validation: refused, never a wrong verdict", () => {
  it.each<readonly [string, object, string]>([
    [
      "a response for a leaf outside the catalog",
      { responses: [response("9.9.9")] },
      "responses[0].leafCode",
    ],
    ["a decision outside met, unmet, considered", {
      responses: [response("1.1.1", { decision: "passed" })],
    }, "responses[0].decision"],
    ["a checklist key the leaf does not have", {
      responses: [response("1.1.1", { checklist: { "2_1_1_x": true } })],
    }, "responses[0].checklist.2_1_1_x"],
    ["a checkbox valued with a number", {
      responses: [response("1.1.1", { checklist: { "1_1_1_bfdp_form": 1 } })],
    }, "responses[0].checklist.1_1_1_bfdp_form"],
    ["a negative document count", {
      responses: [response("1.1.1", { checklist: { "1_1_1_bfdp_count": -1 } })],
    }, "responses[0].checklist.1_1_1_bfdp_count"],
    ["a date that is not an ISO date", {
      responses: [response("1.3.1", { checklist: { "1_3_1_date_approval": "31/03/2024" } })],
    }, "responses[0].checklist.1_3_1_date_approval"],
    ["an amount given as text", {
      responses: [response("2.1.4", { checklist: { "2_1_4_financial_utilized": "1000" } })],
    }, "responses[0].checklist.2_1_4_financial_utilized"],
    ["a second response for the same leaf", {
      responses: [response("1.1.1"), response("1.1.1")],
    }, "responses[1].leafCode"],
    [
      "a MOV for a leaf outside the catalog",
      { movs: [{ leafCode: "7.1.1", slotKey: "x" }] },
      "movs[0].leafCode",
    ],
    [
      "a MOV in a slot the leaf does not have",
      { movs: [{ leafCode: "1.1.1", slotKey: "x" }] },
      "movs[0].slotKey",
    ],
    ["an override for an indicator outside the catalog", {
      indicatorOverrides: [{ indicatorCode: "1.1.1", decision: "unmet" }],
    }, "indicatorOverrides[0].indicatorCode"],
    ["an override on a profiling-only indicator", {
      indicatorOverrides: [{ indicatorCode: "4.9", decision: "unmet" }],
    }, "indicatorOverrides[0].indicatorCode"],
    ["a considered parent-level override", {
      indicatorOverrides: [{ indicatorCode: "1.1", decision: "considered" }],
    }, "indicatorOverrides[0].decision"],
    ["two overrides for one indicator", {
      indicatorOverrides: [{ indicatorCode: "1.1", decision: "unmet" }, {
        indicatorCode: "1.1",
        decision: "met",
      }],
    }, "indicatorOverrides[1].indicatorCode"],
    ["responses that are not a list", { responses: {} }, "responses"],
    ...[
      "2024-03-31T25:61:99+99:99",
      "2024-03-31T24:00Z",
      "2024-03-31T23:60Z",
      "2024-03-31T23:59:60Z",
      "2024-03-31T23:59:59+24:00",
      "2024-03-31T23:59:59-08:60",
    ].map((date) =>
      [`the impossible date ${date}`, {
        responses: [response("1.3.1", { checklist: { "1_3_1_date_approval": date } })],
      }, "responses[0].checklist.1_3_1_date_approval"] as const
    ),
    ...[NaN, Infinity, -Infinity].flatMap((number) =>
      ["1_6_1_or_1", "1_6_1_opt1_header"].map((key) =>
        [`${number} in ${key}`, {
          responses: [response("1.6.1", { checklist: { [key]: number } })],
        }, `responses[0].checklist.${key}`] as const
      )
    ),
    ["a checklist value left undefined", {
      responses: [response("1.1.1", { checklist: { "1_1_1_bfdp_form": undefined } })],
    }, "responses[0].checklist.1_1_1_bfdp_form"],
    ...[
      new Map([["1_1_1_bfdp_form", true]]),
      new Set(["1_1_1_bfdp_form"]),
      new Date(0),
      /1_1_1_bfdp_form/,
      Object.assign(new Date(0), { "1_1_1_bfdp_form": true }),
      new (class Checklist {
        "1_1_1_bfdp_form" = true;
      })(),
    ].map((checklist) =>
      [`a checklist given as ${Object.prototype.toString.call(checklist)}`, {
        responses: [response("1.1.1", { checklist })],
      }, "responses[0].checklist"] as const
    ),
  ])("%s is refused at %s", async (_, parts, field) => {
    const error = await refusal({ ...input2024(), ...parts });
    expect(error.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
    expect(error.code).toBe("invalid_classifier_input");
  });

  it("a checklist with several problems names its first misfit value in catalog order, before unknown keys", async () => {
    const checklist = { "2_1_1_x": true, "1_1_1_bfdp_count": -1, "1_1_1_bfdp_form": 1 };
    const error = await refusal(input2024({ responses: [response("1.1.1", { checklist })] }));
    expect(error.field).toBe("responses[0].checklist.1_1_1_bfdp_form");
  });

  it("an input without a catalog is refused", async () => {
    expect((await refusal({ responses: [] })).field).toBe("catalog");
    expect((await refusal(null)).field).toBe("catalog");
  });

  it("values the contract allows are accepted", async () => {
    const responses = [
      response("1.4.1", {
        checklist: { "1_4_1_date_of_approval": "2024-03-31T23:59:59.999-12:00" },
      }),
      response("1.6.1", {
        checklist: { "1_6_1_or_1": -0.5, "1_6_1_opt1_header": "OR", "1_6_1_or_2": false },
      }),
      response("1.1.2", { checklist: Object.assign(Object.create(null), { "1_1_2_a": null }) }),
      response("1.1.1", {
        checklist: { "1_1_1_bfdp_form": true, "1_1_1_bfdp_count": 3 },
        decision: "met",
      }),
      response("1.3.1", { checklist: { "1_3_1_date_approval": "2024-03-31", "1_3_1_a": null } }),
      response("2.1.4", {
        checklist: {
          "2_1_4_option_a": true,
          "2_1_4_option_b": "no",
          "2_1_4_financial_utilized": 12.5,
        },
      }),
    ];
    await expect(classify(input2024({ responses }))).resolves.toBeDefined();
  });
});

describe("the input contract schema", () => {
  it("every assessment classify accepts also satisfies classifierInputSchema", async () => {
    await fc.assert(
      fc.asyncProperty(assessment2024, async (parts) => {
        const input = input2024(parts);
        await classify(input);
        expect(classifierInputSchema.safeParse(input).success).toBe(true);
      }),
      { numRuns: 30 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it("whatever classifierInputSchema refuses, classify refuses too", async () => {
    const items = leaf2024("1.6.1").items.map((item) => item.key);
    const anything = fc.anything({
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withObjectString: true,
    });
    const either = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, valid, anything);
    const values = fc.dictionary(fc.constantFrom(...items), anything);
    const checklist = fc.oneof(
      anything,
      values,
      values.map((entries) => new Map(Object.entries(entries))),
      values.map((entries) => Object.assign(new Date(0), entries)),
      values.map((entries) => Object.assign(/x/, entries)),
      values.map((entries) => Object.assign(Object.create(null), entries)),
    );
    const decision = either(fc.constantFrom(null, "met", "unmet"));
    const row = fc.record({
      leafCode: either(fc.constant("1.6.1")),
      checklist,
      decision,
      override: decision,
    }, { requiredKeys: ["leafCode"] });
    const mov = fc.record({
      leafCode: either(fc.constant("1.1.1")),
      slotKey: either(fc.constantFrom(...leaf2024("1.1.1").slots.map((slot) => slot.key))),
    }, { requiredKeys: [] });
    const override = fc.record({
      indicatorCode: either(fc.constant("1.1")),
      decision: either(fc.constantFrom("met", "unmet")),
    }, { requiredKeys: [] });
    const parts = fc.record({
      responses: either(fc.array(either(row), { maxLength: 1 })),
      movs: either(fc.array(either(mov), { maxLength: 2 })),
      indicatorOverrides: either(fc.array(either(override), { maxLength: 1 })),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(parts, fc.boolean(), async (parts, asList) => {
        const fields = { catalog: input2024().catalog, ...parts };
        const input = asList ? Object.assign([], fields) : fields;
        fc.pre(!classifierInputSchema.safeParse(input).success);
        await expect(classify(input)).rejects.toBeInstanceOf(ClassifierInputError);
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it.each([
    ["a decision that is not a decision", {
      responses: [response("1.1.1", { decision: "passed" })],
    }],
    ["a checklist value that is an object", {
      responses: [response("1.1.1", { checklist: { "1_1_1_bfdp_form": {} } })],
    }],
    ["an override decided considered", {
      indicatorOverrides: [{ indicatorCode: "1.1", decision: "considered" }],
    }],
    ["a MOV without a slot", { movs: [{ leafCode: "1.1.1" }] }],
  ])("classify and classifierInputSchema both refuse %s", async (_, parts) => {
    const input = { ...input2024(), ...parts };
    expect(classifierInputSchema.safeParse(input).success).toBe(false);
    await expect(classify(input)).rejects.toBeInstanceOf(ClassifierInputError);
  });
});

describe("reading a checklist by its keys", () => {
  const firstKeyOf = (code: string) => leaf2024(code).items[0].key;

  it("the first item key of the next leaf is not an item of this leaf", async () => {
    const checklist = Object.fromEntries(
      leaf2024("1.1.1").items.map((item) => [item.key, null] as const),
    );
    const stray = firstKeyOf("1.1.2");
    const error = await refusal(
      input2024({ responses: [response("1.1.1", { checklist: { ...checklist, [stray]: true } })] }),
    );
    expect(error.field).toBe(`responses[0].checklist.${stray}`);
  });

  it("keys in any order are read by their own item", async () => {
    const items = leaf2024("1.1.1").items;
    const valueFor = (type: string) =>
      type === "checkbox" ? true : type === "document_count" ? 2 : null;
    const forward = Object.fromEntries(items.map((item) => [item.key, valueFor(item.type)]));
    const backward = Object.fromEntries(Object.entries(forward).reverse());
    expect(Object.keys(backward)).not.toEqual(Object.keys(forward));
    const classifyWith = (checklist: Record<string, boolean | number | null>) =>
      classify(input2024({ responses: [response("1.1.1", { checklist })] }));
    expect(await classifyWith(backward)).toEqual(await classifyWith(forward));
  });

  it("a value a checklist only inherits is not read as an answer", async () => {
    const key = "1_1_1_bfdp_form";
    const inheriting = Object.create({ [key]: true });
    const viaPrototype = await classify(
      input2024({ responses: [response("1.1.1", { checklist: inheriting })] }),
    );
    const empty = await classify(input2024({ responses: [response("1.1.1")] }));
    expect(viaPrototype.leaves[0]).toEqual(empty.leaves[0]);
    expect(viaPrototype.inputHash).toBe(empty.inputHash);
  });

  it("an item key every object inherits is not read as an answer, and own keys still are", async () => {
    const [inherited, own] = leaf2024("1.1.1").items
      .filter((item) => item.type === "checkbox")
      .map((item) => item.key);
    const classifyWith = (checklist: Record<string, boolean>) =>
      classify(input2024({ responses: [response("1.1.1", { checklist })] }));
    const expected = await classifyWith({ [own]: true });
    Object.defineProperty(Object.prototype, inherited, {
      value: true,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      expect(await classifyWith({ [own]: true })).toEqual(expected);
    } finally {
      delete (Object.prototype as Record<string, unknown>)[inherited];
    }
  });
});

describe("one classification after another", () => {
  it("an input refused half-way leaves nothing behind for the next classification", async () => {
    const full = input2024({ responses: decisions2024(() => "met"), movs: allMovs2024() });
    const before = await classify(full);
    const broken = input2024({
      responses: [
        ...decisions2024(() => "unmet"),
        response("9.9.9"),
      ],
      movs: allMovs2024().slice(0, 5),
    });
    expect((await refusal(broken)).field).toMatch(/^responses\[\d+\]\.leafCode$/);
    const empty = await classify(input2024());
    expect(empty.leaves.every((leaf) => leaf.status === "no_decision")).toBe(true);
    expect(empty.leaves.some((leaf) => leaf.completeness.complete && leaf.scored)).toBe(false);
    expect(await classify(full)).toEqual(before);
  });
});

describe("a date item's day", () => {
  /** The plain reading: the text's year, month and day name a day of the proleptic Gregorian calendar. */
  function referenceDay(text: string): { year: number; month: number; day: number } | null {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.slice(0, 10));
    if (match === null) return null;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day;
    return real && year >= 100 ? { year, month, day } : null;
  }

  const digits = (count: number) =>
    fc.array(fc.constantFrom(..."0123456789"), { minLength: count, maxLength: count })
      .map((chars) => chars.join(""));
  const dayText = fc.oneof(
    fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
    fc.tuple(
      fc.integer({ min: 100, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
    fc.string({ minLength: 10, maxLength: 10, unit: fc.constantFrom(..."0129-/ ａ٣") }),
  );

  it("is a real day exactly when the plain reading finds one, and orders days as their text", () => {
    fc.assert(
      fc.property(dayText, dayText, (a, b) => {
        for (const text of [a, b]) {
          const read = referenceDay(text);
          expect(isoDay(text), text).toBe(
            read === null ? -1 : read.year * 512 + read.month * 32 + read.day,
          );
        }
        const [dayA, dayB] = [isoDay(a), isoDay(b)];
        if (dayA >= 0 && dayB >= 0) expect(Math.sign(dayA - dayB)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("a day with a time of day is read only with a valid time", () => {
    expect(isoDay("2024-02-29T23:59:59.5+08:00")).toBe(2024 * 512 + 2 * 32 + 29);
    expect(isoDay("2023-02-29")).toBe(-1);
    expect(isoDay("1900-02-29")).toBe(-1);
    expect(isoDay("2000-02-29")).toBe(2000 * 512 + 2 * 32 + 29);
    expect(isoDay("2024-02-29T24:00Z")).toBe(-1);
    expect(isoDay("0099-12-31")).toBe(-1);
    expect(isoDay(20240229)).toBe(-1);
  });
});
