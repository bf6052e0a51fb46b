import assert from "node:assert/strict";
import { version } from "./version.ts";

Deno.test("health reports the version of the root package.json", async () => {
  const packageJson = JSON.parse(
    await Deno.readTextFile(new URL("../../../package.json", import.meta.url)),
  );
  assert.equal(version, packageJson.version);
});
