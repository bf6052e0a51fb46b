import { decodeJwt, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { mintApiKey, signClaims, userClaims, verifyToken } from "./jwt.ts";

// The keys `supabase start` prints for every local project: clients configured for the CLI's
// stack work against this one unchanged.
const CLI_ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
const CLI_SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";

describe("local JWTs", () => {
  it("mints the same anon and service-role keys as the Supabase CLI", async () => {
    expect(await mintApiKey("anon")).toBe(CLI_ANON_KEY);
    expect(await mintApiKey("service_role")).toBe(CLI_SERVICE_ROLE_KEY);
  });

  it("signs a user's claims with the user as subject and the given claims", async () => {
    const token = await signClaims(userClaims("00000000-0000-4000-8000-000000000001", {
      app_role: "mlgoo",
      sub: "someone-else",
    }));
    const claims = await verifyToken(token);
    expect(claims.sub).toBe("00000000-0000-4000-8000-000000000001");
    expect(claims.role).toBe("authenticated");
    expect(claims.aud).toBe("authenticated");
    expect(claims.app_role).toBe("mlgoo");
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it("rejects a token signed with another secret", async () => {
    const forged = await new SignJWT({ role: "service_role" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode("another-secret-that-is-at-least-32-characters"));
    await expect(verifyToken(forged)).rejects.toThrow();
  });

  it("rejects an expired token", async () => {
    const expired = await signClaims(userClaims("00000000-0000-4000-8000-000000000001", {}, -60));
    expect(decodeJwt(expired).sub).toBe("00000000-0000-4000-8000-000000000001");
    await expect(verifyToken(expired)).rejects.toThrow(/exp/);
  });
});
