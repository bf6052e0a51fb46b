import assert from "node:assert/strict";
import { createDatabase } from "../_shared/db.ts";
import { createHealthHandler, latestMigration } from "./handler.ts";

const databaseUrl = Deno.env.get("SUPABASE_DB_URL");
const functionsUrl = Deno.env.get("FUNCTIONS_URL");
const get = (url = "http://127.0.0.1/health") => new Request(url);

Deno.test("health reports the latest applied migration when the database answers", async () => {
  const sql = createDatabase(databaseUrl);
  try {
    const [{ version }] = await sql<{ version: string }[]>`
      select version from supabase_migrations.schema_migrations order by version desc limit 1`;
    const response = await createHealthHandler({
      latestMigration: () => latestMigration(sql),
      version: "9.9.9",
    })(get());
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      status: "ok",
      database: "ok",
      migration: version,
      version: "9.9.9",
    });
  } finally {
    await sql.end();
  }
});

Deno.test("health answers 503 with a JSON error when the database cannot be reached", async () => {
  const unreachable = createDatabase(
    "postgresql://postgres:postgres@127.0.0.1:1/postgres?sslmode=disable",
    { connect_timeout: 2 },
  );
  try {
    const response = await createHealthHandler({
      latestMigration: () => latestMigration(unreachable),
      version: "9.9.9",
    })(get());
    assert.equal(response.status, 503);
    assert.equal(response.headers.get("content-type"), "application/json");
    const body = await response.json();
    assert.equal(body.database, "unreachable");
    assert.equal(body.error.code, "database_unreachable");
  } finally {
    await unreachable.end();
  }
});

Deno.test("health refuses methods other than GET", async () => {
  const response = await createHealthHandler({
    latestMigration: () => Promise.resolve(null),
    version: "9.9.9",
  })(new Request("http://127.0.0.1/health", { method: "POST" }));
  assert.equal(response.status, 405);
  await response.body?.cancel();
});

Deno.test("the served health function answers without a JWT (verify_jwt = false)", async () => {
  const response = await fetch(`${functionsUrl}/health`);
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.status, "ok");
  assert.equal(body.database, "ok");
});
