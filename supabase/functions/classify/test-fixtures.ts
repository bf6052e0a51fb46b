import { asCaller, createDatabase, type Sql } from "../_shared/db.ts";

/** Committed fixtures for tests against the real test database, removed by `cleanup`. */

export const PDF_HEAD = new TextEncoder().encode(
  "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj",
);

export function testDatabase(): Sql {
  return createDatabase(Deno.env.get("SUPABASE_DB_URL"), { max: 10 });
}

export type Fixture = {
  cycleId: string;
  barangayId: string;
  assessmentId: string;
  userId: string;
  /** Another active user: an assessor of `areaCode`, or the MLGOO. */
  addUser: (role: "assessor" | "mlgoo", areaCode?: number) => Promise<string>;
  cleanup: () => Promise<void>;
};

const randomDigits = (count: number) =>
  Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join("");

async function createCycle(sql: Sql): Promise<string> {
  for (;;) {
    const year = 2030 + Math.floor(Math.random() * 60);
    const [row] = await sql<{ id: string }[]>`
      insert into public.cycles (year, title, reviewed_year, catalog_edition)
      values (${year}, ${`Pipeline test ${year}`}, ${year - 1}, '2024')
      on conflict (year) do nothing
      returning id`;
    if (row) return row.id;
  }
}

/** An active user with a role and scope, its password change done (as the demo users). */
export async function insertUser(
  sql: Sql,
  role: string,
  barangayId: string | null,
  areaCode: number | null,
): Promise<string> {
  const userId = crypto.randomUUID();
  await sql`
    insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                            confirmation_token, recovery_token, email_change_token_new, email_change)
    values ('00000000-0000-0000-0000-000000000000', ${userId}, 'authenticated', 'authenticated',
            ${`pipeline-${userId}@test.local`}, '{"provider": "email"}', '{}', '', '', '', '')`;
  // Role and scope are workflow state; the password change is done, as for the demo users.
  await asWorkflowWrite(sql, (tx) =>
    tx`
      insert into public.profiles (id, email, role, barangay_id, area_code, city_municipality_code, must_change_password)
      values (${userId}, ${`pipeline-${userId}@test.local`}, ${role}, ${barangayId}, ${areaCode},
              ${role === "blgu" ? null : "043426000"}, false)
      on conflict (id) do update set role = excluded.role, barangay_id = excluded.barangay_id,
                                     area_code = excluded.area_code,
                                     city_municipality_code = excluded.city_municipality_code, is_active = true,
                                     must_change_password = false`);
  return userId;
}

/**
 * Runs `query` in a transaction declared a workflow write (private.declare_workflow_write), as a
 * fixture that sets workflow state directly must.
 */
export async function asWorkflowWrite<T>(sql: Sql, query: (tx: Sql) => Promise<T>): Promise<T> {
  return await sql.begin(async (tx) => {
    await tx`select private.declare_workflow_write()`;
    return await query(tx as unknown as Sql);
  }) as T;
}

/** Runs `query` in a transaction as the user, with the claims PostgREST would set. */
export async function asUser<T>(
  sql: Sql,
  userId: string,
  query: (tx: Sql) => Promise<T>,
): Promise<T> {
  return await asCaller(sql, { sub: userId, role: "authenticated" }, query);
}

/** A cycle with its catalog, a barangay, its draft assessment and an active barangay user. */
export async function createFixture(sql: Sql): Promise<Fixture> {
  const cycleId = await createCycle(sql);
  const [{ id: barangayId }] = await sql<{ id: string }[]>`
    insert into public.barangays (psgc_code, name, city_municipality_code)
    values (${"9" + randomDigits(8)}, 'Pipeline Test', '043426000')
    returning id`;
  const [{ id: assessmentId }] = await sql<{ id: string }[]>`
    insert into public.assessments (cycle_id, barangay_id) values (${cycleId}, ${barangayId}) returning id`;
  const userId = await insertUser(sql, "blgu", barangayId, null);
  const userIds = [userId];
  const addUser = async (role: "assessor" | "mlgoo", areaCode?: number) => {
    userIds.push(await insertUser(sql, role, null, areaCode ?? null));
    return userIds.at(-1)!;
  };
  const cleanup = async () => {
    await sql.begin(async (tx) => {
      // The workflow's events and leaf history are append-only; the fixture goes as a whole.
      await tx`alter table public.events disable trigger append_only`;
      await tx`alter table public.leaf_history disable trigger append_only`;
      await tx`select set_config('storage.allow_delete_query', 'true', true)`;
      await tx`delete from storage.objects where bucket_id = 'movs' and split_part(name, '/', 1) = ${assessmentId}`;
      await tx`delete from public.assessments where cycle_id = ${cycleId}`;
      await tx`delete from public.cycles where id = ${cycleId}`;
      await tx`delete from auth.users where id = any(${userIds})`;
      await tx`delete from public.barangays where id = ${barangayId}`;
      await tx`alter table public.events enable trigger append_only`;
      await tx`alter table public.leaf_history enable trigger append_only`;
    });
  };
  return { cycleId, barangayId, assessmentId, userId, addUser, cleanup };
}

/** The first upload slot of a leaf in the fixture's cycle. */
export async function slotKey(
  sql: Sql,
  cycleId: string,
  leafCode: string,
): Promise<string> {
  const [row] = await sql<{ slot_key: string }[]>`
    select s.slot_key from public.upload_slots s
    join public.indicators l on l.id = s.indicator_id
    where l.cycle_id = ${cycleId} and l.code = ${leafCode}
    order by s.sort_order limit 1`;
  return row.slot_key;
}

export type Upload = {
  assessmentId: string;
  leafCode: string;
  fileName: string;
  mimeType: string;
  size?: number;
};

/**
 * Uploads an object as the Storage API does, with the pgTAP suite's helper tests.storage_upload
 * (supabase/tests/002-test-helpers.test.sql): the permission test as the user, rolled back, then
 * the service-role upsert with the full metadata. Returns the object path.
 */
export async function uploadAsStorageApi(
  sql: Sql,
  fixture: Fixture,
  upload: Upload,
): Promise<string> {
  const slot = await slotKey(sql, fixture.cycleId, upload.leafCode);
  const path =
    `${upload.assessmentId}/${upload.leafCode}/${slot}/${crypto.randomUUID()}-${upload.fileName}`;
  await sql.begin(async (tx) => {
    await tx`select set_config('request.jwt.claims', ${
      JSON.stringify({ sub: fixture.userId, role: "authenticated" })
    }, true)`;
    await tx`set local role authenticated`;
    await tx`select tests.storage_upload(${path}, ${upload.mimeType}, ${upload.size ?? 1024})`;
  });
  return path;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs `body` with some private.settings replaced, restoring the previous values afterwards. */
export async function withSettings<T>(
  sql: Sql,
  settings: Record<string, string>,
  body: () => Promise<T>,
): Promise<T> {
  const keys = Object.keys(settings);
  const previous = await sql<{ key: string; value: string }[]>`
    select key, value from private.settings where key = any(${keys})`;
  const write = async (values: Record<string, string>) => {
    for (const [key, value] of Object.entries(values)) {
      await sql`insert into private.settings (key, value) values (${key}, ${value})
                on conflict (key) do update set value = excluded.value, updated_at = now()`;
    }
  };
  await write(settings);
  try {
    return await body();
  } finally {
    await sql`delete from private.settings where key = any(${keys})`;
    await write(
      Object.fromEntries(previous.map(({ key, value }) => [key, value])),
    );
  }
}
