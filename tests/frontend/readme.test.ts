// The README's frontend examples are these files' `#region readme` parts, word for word (only the
// path of the generated types differs: a frontend keeps its copy beside its code); the Node.js one
// runs here, under the Node.js version the README names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../tools/lib/paths.ts";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const readmeBlocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);

function region(file: string): string {
  const text = readFileSync(path.join(import.meta.dirname, file), "utf8");
  const match = text.match(/^\/\/ #region readme\n([\s\S]*?)^\/\/ #endregion readme$/m);
  if (!match) throw new Error(`${file} has no readme region`);
  return match[1].replaceAll('"../../supabase/database.types.ts"', '"./database.types.ts"');
}

describe("the README's frontend examples", () => {
  it.each([
    "readme-examples.ts",
    "readme-storage.ts",
    "readme-accounts.ts",
    "readme-capdev.ts",
    "node-health.ts",
  ])(
    "%s is in the README as it is",
    (file) => {
      expect(readmeBlocks).toContain(region(file));
    },
  );

  it("names the Node.js version the tests run on", () => {
    const major = process.versions.node.split(".")[0];
    expect(readme).toContain(`Node.js ${major}`);
  });

  it.skipIf(!process.env.FUNCTIONS_URL)(
    "the Node.js example invokes health with supabase-js",
    async () => {
      const { health } = await import("./node-health.ts");
      expect(health.error).toBeNull();
      expect(health.data).toMatchObject({ status: "ok", database: "ok" });
    },
  );
});
