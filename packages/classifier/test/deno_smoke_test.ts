import { classificationResultSchema, ClassifierInputError, classify } from "../src/index.ts";
import { allMovs2024, decisions2024, input2024 } from "./fixtures/assessments.ts";

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

Deno.test("the classifier imports and classifies the 2024 catalog unchanged under Deno", async () => {
  const result = await classify(
    input2024({ responses: decisions2024(() => "met"), movs: allMovs2024() }),
  );
  classificationResultSchema.parse(result);
  assert(result.overall.passed, "a barangay meeting every leaf passes");
  assert(result.leaves.length === 84, "every leaf of the 2024 catalog is classified");
  assert(/^[0-9a-f]{64}$/.test(result.inputHash), "the input hash is a SHA-256 in hex");
});

Deno.test("under Deno the same input hashes the same as under Node", async () => {
  const result = await classify(input2024());
  const again = await classify(input2024());
  assert(result.inputHash === again.inputHash, "the hash is stable");
});

Deno.test("under Deno invalid input is refused with the field named", async () => {
  const error = await classify(input2024({ movs: [{ leafCode: "1.1.1", slotKey: "nope" }] }))
    .then(() => null, (e: unknown) => e);
  assert(error instanceof ClassifierInputError, "a ClassifierInputError is thrown");
  assert(error.field === "movs[0].slotKey", `the field is named, got ${error.field}`);
});
