import { describe, expect, it } from "vitest";
import { functionsEnvironment } from "./stack.ts";

const keys = { anonKey: "anon", serviceRoleKey: "service" };

describe("the functions' environment on the local stack", () => {
  it("passes VANTAGE_STORAGE_URL through, beside the SUPABASE_URL of the functions server", () => {
    const env = functionsEnvironment(55432, 54321, keys, {
      VANTAGE_STORAGE_URL: "http://127.0.0.1:5000",
    });
    expect(env).toMatchObject({
      SUPABASE_URL: "http://127.0.0.1:54321",
      VANTAGE_STORAGE_URL: "http://127.0.0.1:5000",
      SUPABASE_SERVICE_ROLE_KEY: "service",
    });
  });

  it("leaves it out when it is not set, so that supabase/functions/.env may set it", () => {
    expect(functionsEnvironment(55432, 54321, keys, {})).not.toHaveProperty("VANTAGE_STORAGE_URL");
  });
});
