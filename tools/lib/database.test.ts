import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isResetFromCurrentSources, recordResetSources } from "./database.ts";
import { resetSourcesSha256, supabaseDir } from "./paths.ts";

// Runs against the database `npm test` resets (SUPABASE_DB_URL).
const databaseUrl = process.env.SUPABASE_DB_URL;

describe.skipIf(!databaseUrl)("whether npm start must reset the dev cluster", () => {
  const port = Number(new URL(databaseUrl ?? "postgresql://localhost:1").port);

  it("a database reset from the migrations and seed as they are now is reused", async () => {
    expect(await isResetFromCurrentSources(port)).toBe(true);
  });

  it("a database reset from other sources, or whose reset did not finish, is reset", async () => {
    try {
      await recordResetSources(port, "0".repeat(64));
      expect(await isResetFromCurrentSources(port)).toBe(false);
      // A reset clears the record first and writes it only once it succeeded.
      await recordResetSources(port, null);
      expect(await isResetFromCurrentSources(port)).toBe(false);
    } finally {
      await recordResetSources(port, resetSourcesSha256());
    }
    expect(await isResetFromCurrentSources(port)).toBe(true);
  });
});

describe("what a reset is built from", () => {
  it("an edited, added or removed migration, or an edited seed, changes the digest", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "vantage-sources-"));
    try {
      cpSync(path.join(supabaseDir, "migrations"), path.join(folder, "migrations"), {
        recursive: true,
      });
      cpSync(path.join(supabaseDir, "seed.sql"), path.join(folder, "seed.sql"));
      const original = resetSourcesSha256(folder);
      expect(original).toBe(resetSourcesSha256());
      const added = path.join(folder, "migrations", "29991231000000_later.sql");
      writeFileSync(added, "select 1;\n");
      const withAdded = resetSourcesSha256(folder);
      writeFileSync(added, "select 2;\n");
      const withEdited = resetSourcesSha256(folder);
      rmSync(added);
      expect(resetSourcesSha256(folder)).toBe(original);
      writeFileSync(path.join(folder, "seed.sql"), "-- no users\n");
      const withOtherSeed = resetSourcesSha256(folder);
      expect(new Set([original, withAdded, withEdited, withOtherSeed]).size).toBe(4);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
