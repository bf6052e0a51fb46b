import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiSchemas, verifyJwtSetting } from "./supabase-config.ts";
import { configTomlPath } from "./paths.ts";

const toml = `
[functions.open]
enabled = true
verify_jwt = false # public

[functions.closed]
verify_jwt = true

[functions.plain]
entrypoint = "./functions/plain/index.ts"

[auth]
verify_jwt = false
`;

describe("verify_jwt from config.toml", () => {
  it("reads false and true from the function's own table", () => {
    expect(verifyJwtSetting(toml, "open")).toBe(false);
    expect(verifyJwtSetting(toml, "closed")).toBe(true);
  });

  it("defaults to true, as the CLI does, when the function or the key is absent", () => {
    expect(verifyJwtSetting(toml, "plain")).toBe(true);
    expect(verifyJwtSetting(toml, "unknown")).toBe(true);
  });

  it("serves health without a JWT in the project's config", () => {
    expect(verifyJwtSetting(readFileSync(configTomlPath, "utf8"), "health")).toBe(false);
  });
});

describe("the API's schemas from config.toml", () => {
  it("reads [api] schemas, and the CLI's default without them", () => {
    expect(apiSchemas(`[api]\nschemas = ["public", "reports"]\n`)).toEqual(["public", "reports"]);
    expect(apiSchemas("[db]\nport = 54322\n")).toEqual(["public", "graphql_public"]);
    expect(apiSchemas()).toContain("public");
  });
});
