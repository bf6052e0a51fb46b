import { afterAll, describe, expect, it } from "vitest";
import { connect } from "./database.ts";
import { databaseTypesAreCurrent, generateDatabaseTypes } from "./typegen.ts";

// Runs against the database `npm test` resets (SUPABASE_DB_URL), built from the migrations.
const databaseUrl = process.env.SUPABASE_DB_URL;

describe.skipIf(!databaseUrl)("the committed database types", () => {
  const port = Number(new URL(databaseUrl ?? "postgresql://localhost:1").port);
  const sql = connect(databaseUrl ?? "");
  afterAll(async () => {
    await sql`drop function if exists public.typegen_probe(integer)`;
    await sql.end();
  });

  it("are what the migrations generate", async () => {
    expect(await databaseTypesAreCurrent(port)).toBe(true);
  }, 60_000);

  it("are out of date once a public function signature changes", async () => {
    await sql`create function public.typegen_probe(p_count integer) returns text
              language sql as $$ select 'probe' $$`;
    try {
      const generated = await generateDatabaseTypes(port);
      expect(generated).toContain("typegen_probe: { Args: { p_count: number }; Returns: string }");
      expect(await databaseTypesAreCurrent(port)).toBe(false);
    } finally {
      await sql`drop function public.typegen_probe(integer)`;
    }
  }, 60_000);
});
