import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeResetFailure, isResetFromCurrentSources, recordResetSources } from "./database.ts";
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

describe("a failed reset, as the person running it reads it", () => {
  const migrationFailure = [
    "Applying migration 20261126000100_foundations.sql...",
    "Applying migration 20291231000000_broken.sql...",
    'ERROR: relation "public.nothing" does not exist (SQLSTATE 42P01)',
    "At statement: 0",
    "create table public.broken (id int references public.nothing(id))",
    "exec",
  ].join("\n");

  it("names the file, the error and the statement in two lines", () => {
    expect(describeResetFailure(migrationFailure)).toBe(
      'supabase db reset stopped in 20291231000000_broken.sql: relation "public.nothing" does ' +
        "not exist (SQLSTATE 42P01) (at: create table public.broken (id int references " +
        "public.nothing(id)))\nFix that statement, then run the command again.",
    );
  });

  it("names seed.sql when the seed fails, and shortens a long statement", () => {
    const seedFailure = [
      "Applying migration 20261126000100_foundations.sql...",
      "Seeding data from supabase/seed.sql...",
      "ERROR: duplicate key value violates unique constraint (SQLSTATE 23505)",
      "At statement: 12",
      `insert into public.barangays ${"(x) ".repeat(40)}`,
    ].join("\n");
    const [first, second] = describeResetFailure(seedFailure).split("\n");
    expect(first).toMatch(/^supabase db reset stopped in supabase\/seed\.sql: duplicate key/);
    expect(first).toMatch(/\(at: insert into public\.barangays .{40,}\.\.\.\)$/);
    expect(second).toBe("Fix that statement, then run the command again.");
  });

  it("keeps output of another shape whole", () => {
    expect(describeResetFailure("failed to connect to postgres")).toBe(
      "failed to connect to postgres\nsupabase db reset failed (output above).",
    );
  });
});
