import { describe, expect, it } from "vitest";
import { connect, hasMigrations } from "./database.ts";

// Runs against the database `npm test` resets (SUPABASE_DB_URL).
const databaseUrl = process.env.SUPABASE_DB_URL;

describe.skipIf(!databaseUrl)("whether npm start must reset the dev cluster", () => {
  const port = Number(new URL(databaseUrl ?? "postgresql://localhost:1").port);

  it("a database reset with every migration is reused", async () => {
    expect(await hasMigrations(port)).toBe(true);
  });

  it("a database whose history lacks the newest migration is reset", async () => {
    const sql = connect(databaseUrl as string);
    try {
      const [newest] = await sql`
        delete from supabase_migrations.schema_migrations
        where version = (select max(version) from supabase_migrations.schema_migrations)
        returning *`;
      try {
        expect(await hasMigrations(port)).toBe(false);
      } finally {
        await sql`insert into supabase_migrations.schema_migrations ${sql(newest)}`;
      }
    } finally {
      await sql.end();
    }
  });
});
