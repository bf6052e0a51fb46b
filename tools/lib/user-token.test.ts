import { describe, expect, it } from "vitest";
import { verifyToken } from "./jwt.ts";
import { userToken } from "./user-token.ts";

// Runs against the seeded database `npm test` provides (SUPABASE_DB_URL).
const databaseUrl = process.env.SUPABASE_DB_URL;

describe.skipIf(!databaseUrl)("npm run token", () => {
  const port = Number(new URL(databaseUrl ?? "postgresql://localhost:1").port);

  it("signs the claims the access-token hook gives a seeded user", async () => {
    const { token, claims } = await userToken(port, "assessor2@vantage.local");
    const verified = await verifyToken(token);
    expect(verified).toMatchObject({
      sub: "00000000-0000-4000-8000-000000000102",
      email: "assessor2@vantage.local",
      role: "authenticated",
      aud: "authenticated",
      app_role: "assessor",
      area_code: 2,
      barangay_id: null,
    });
    expect(verified).toEqual(claims);
  });

  it("refuses an e-mail no user has", async () => {
    await expect(userToken(port, "nobody@vantage.local")).rejects.toThrow(
      "No user with the e-mail nobody@vantage.local: npm start lists the demo logins",
    );
  });
});
