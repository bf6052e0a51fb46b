import { strict as assert } from "node:assert";
import { asUser, asWorkflowWrite, insertUser } from "../classify/test-fixtures.ts";
import {
  authServer,
  authServerWithoutSmtp,
  authUser,
  call,
  email,
  handlerWith,
  mailbox,
  newMlgoo,
  PAGSANJAN,
  passwordIs,
  profile,
  removeRunAccounts,
  SANTA_CRUZ,
  SEEDED,
  seen,
  SERVICE_ROLE_KEY,
  sql,
  tokenOf,
} from "./test-support_test.ts";

// The admin-users function against the test database, with the Auth admin stand-in the tests
// start (tools/auth-server.ts): it writes auth.users, so the project's triggers run for real.

const mlgoo = await newMlgoo();
const assessor = await insertUser(sql, "assessor", null, 1);
const TEMPORARY = /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/;

const secretary = (name: string, barangay: string) => ({
  email: email(name),
  fullName: `Secretary ${name}`,
  role: "blgu",
  barangay,
});

async function events(userEmail: string) {
  return await sql<{ action: string; actor_id: string; to_status: string | null; hash: string }[]>`
    select action, actor_id, to_status, hash from public.events
    where details ->> 'email' = ${userEmail} order by id`;
}

Deno.test("an MLGOO creates a barangay secretary of its municipality, with a temporary password shown once", async () => {
  const request = { ...secretary("alipit", "Alipit"), language: "fil" };
  const { status, body } = await call(mlgoo, "POST", "", request);
  assert.equal(status, 201, JSON.stringify(body));
  assert.match(body.temporaryPassword, TEMPORARY);
  assert.deepEqual(
    { ...body.account, id: undefined },
    {
      id: undefined,
      email: request.email,
      fullName: "Secretary alipit",
      role: "blgu",
      barangayId: "b0000000-0000-4000-8000-000000000001",
      areaCode: null,
      cityMunicipalityCode: null,
      oversightScopeCode: null,
      language: "fil",
      isActive: true,
      mustChangePassword: true,
    },
  );
  // Auth holds the account with that password; the profile (made by the project's trigger) its
  // role, scope and language; the event names the MLGOO and is chained.
  const user = await authUser(request.email);
  assert.equal(user.id, body.account.id);
  assert.ok(await passwordIs(request.email, body.temporaryPassword));
  const stored = await profile(request.email);
  assert.equal(stored.barangay_code, "043426001");
  assert.equal(stored.full_name, "Secretary alipit");
  assert.equal(stored.must_change_password, true);
  const [event] = await events(request.email);
  assert.deepEqual({ ...event, hash: event.hash.length }, {
    action: "user_created",
    actor_id: mlgoo,
    to_status: "blgu",
    hash: 64,
  });
  // The password is nowhere else: not in the profile, the event or a log line.
  assert.ok(!JSON.stringify(stored).includes(body.temporaryPassword));
  const [{ trail }] = await sql`select string_agg(details::text, ' ') as trail from public.events`;
  assert.ok(!trail.includes(body.temporaryPassword));
  assert.ok(!seen.some((line) => line.includes("level") && line.includes(body.temporaryPassword)));
});

Deno.test("a barangay by PSGC code, an assessor with an area, a validator: each of the MLGOO's municipality", async () => {
  const byCode = await call(mlgoo, "POST", "", secretary("bagumbayan", "043426002"));
  assert.equal(byCode.status, 201);
  assert.equal(byCode.body.account.barangayId, "b0000000-0000-4000-8000-000000000002");
  const assessorAccount = await call(mlgoo, "POST", "", {
    email: email("assessor-3"),
    fullName: "Area Three",
    role: "assessor",
    area: 3,
  });
  assert.equal(assessorAccount.status, 201);
  assert.equal(assessorAccount.body.account.areaCode, 3);
  assert.equal(assessorAccount.body.account.cityMunicipalityCode, SANTA_CRUZ);
  const validator = await call(mlgoo, "POST", "", {
    email: email("validator"),
    fullName: "Val Idator",
    role: "validator",
  });
  assert.equal(validator.status, 201);
  assert.equal(validator.body.account.cityMunicipalityCode, SANTA_CRUZ);
});

Deno.test("every refusal names the field, the scope or the conflict, and creates nothing", async () => {
  const cases: [string, string, unknown, number, string, string | undefined][] = [
    ["an assessor", assessor, secretary("r1", "Alipit"), 403, "forbidden", undefined],
    [
      "the oversight office",
      SEEDED.oversight,
      secretary("r2", "Alipit"),
      403,
      "forbidden",
      undefined,
    ],
    [
      "a barangay of another municipality",
      mlgoo,
      secretary("r3", "043422001"),
      403,
      "forbidden",
      "barangay",
    ],
    [
      "another municipality's MLGOO for Alipit",
      SEEDED.mlgooPagsanjan,
      secretary("r4", "043426001"),
      403,
      "forbidden",
      "barangay",
    ],
    [
      "an MLGOO making an MLGOO",
      mlgoo,
      { email: email("r5"), fullName: "M", role: "mlgoo", cityMunicipality: SANTA_CRUZ },
      403,
      "forbidden",
      "role",
    ],
    [
      "an MLGOO making an oversight user",
      mlgoo,
      { email: email("r6"), fullName: "O", role: "oversight" },
      403,
      "forbidden",
      "role",
    ],
    [
      "a validator of another municipality",
      mlgoo,
      { email: email("r7"), fullName: "V", role: "validator", cityMunicipality: PAGSANJAN },
      403,
      "forbidden",
      "cityMunicipality",
    ],
    [
      "the central administrator making a barangay user",
      SEEDED.administrator,
      secretary("r8", "043426001"),
      403,
      "forbidden",
      "role",
    ],
    ["an unknown barangay", mlgoo, secretary("r9", "Atlantis"), 400, "invalid_field", "barangay"],
    [
      "a blgu without a barangay",
      mlgoo,
      { email: email("r10"), fullName: "B", role: "blgu" },
      400,
      "invalid_field",
      "barangay",
    ],
    [
      "an assessor without an area",
      mlgoo,
      { email: email("r11"), fullName: "A", role: "assessor" },
      400,
      "invalid_field",
      "area",
    ],
    [
      "an area 9",
      mlgoo,
      { email: email("r12"), fullName: "A", role: "assessor", area: 9 },
      400,
      "invalid_field",
      "area",
    ],
    [
      "a malformed e-mail",
      mlgoo,
      { ...secretary("r13", "Alipit"), email: "juan@" },
      400,
      "invalid_field",
      "email",
    ],
    [
      "no full name",
      mlgoo,
      { ...secretary("r14", "Alipit"), fullName: " " },
      400,
      "invalid_field",
      "fullName",
    ],
    [
      "an unknown role",
      mlgoo,
      { ...secretary("r15", "Alipit"), role: "mayor" },
      400,
      "invalid_field",
      "role",
    ],
    [
      "an unknown language",
      mlgoo,
      { ...secretary("r16", "Alipit"), language: "es" },
      400,
      "invalid_field",
      "language",
    ],
    [
      "an unknown field",
      mlgoo,
      { ...secretary("r17", "Alipit"), password: "x" },
      400,
      "invalid_field",
      "password",
    ],
  ];
  for (const [what, caller, request, status, code, field] of cases) {
    const { status: got, body } = await call(caller, "POST", "", request);
    assert.equal(got, status, `${what}: ${JSON.stringify(body)}`);
    assert.equal(body.error.code, code, what);
    assert.equal(body.error.field, field, what);
    assert.ok(body.error.message.length > 10, what);
    assert.equal(
      await authUser((request as { email: string }).email),
      undefined,
      `${what}: no Auth user`,
    );
  }
  const duplicate = await call(mlgoo, "POST", "", {
    ...secretary("alipit", "Alipit"),
    email: email("ALIPIT"),
  });
  assert.equal(duplicate.status, 409);
  assert.deepEqual([duplicate.body.error.code, duplicate.body.error.field], [
    "email_in_use",
    "email",
  ]);
  const notJson = await handlerWith()(
    new Request("http://127.0.0.1/admin-users", { method: "POST", body: "{" }),
  );
  assert.equal(notJson.status, 401, "no token, no answer but 401");
});

Deno.test("the central administrator creates MLGOOs and oversight offices", async () => {
  const mlgooAccount = await call(SEEDED.administrator, "POST", "", {
    email: email("mlgoo-pagsanjan"),
    fullName: "Second MLGOO",
    role: "mlgoo",
    cityMunicipality: PAGSANJAN,
  });
  assert.equal(mlgooAccount.status, 201, JSON.stringify(mlgooAccount.body));
  assert.equal(mlgooAccount.body.account.cityMunicipalityCode, PAGSANJAN);
  const office = await call(SEEDED.administrator, "POST", "", {
    email: email("region-office"),
    fullName: "DILG Region IV-A",
    role: "oversight",
    oversightScope: "040000000",
  });
  assert.equal(office.status, 201, JSON.stringify(office.body));
  assert.equal(office.body.account.oversightScopeCode, "040000000");
  const noCity = await call(SEEDED.administrator, "POST", "", {
    email: email("mlgoo-nowhere"),
    fullName: "M",
    role: "mlgoo",
  });
  assert.deepEqual([noCity.status, noCity.body.error.field], [400, "cityMunicipality"]);
});

Deno.test("when the role step is refused after Auth created the user, the Auth user is deleted again", async () => {
  const caller = await newMlgoo();
  // The MLGOO is deactivated while Auth creates the account: the database then refuses its role.
  const racing = async (input: string | URL | Request, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (init?.method === "POST" && String(input).endsWith("/admin/users")) {
      await asWorkflowWrite(
        sql,
        (tx) => tx`update public.profiles set is_active = false where id = ${caller}`,
      );
    }
    return response;
  };
  const request = secretary("raced", "Alipit");
  const response = await handlerWith(authServer.url, racing)(
    new Request("http://127.0.0.1/admin-users", {
      method: "POST",
      headers: { authorization: `Bearer ${await tokenOf(caller)}` },
      body: JSON.stringify(request),
    }),
  );
  assert.equal(response.status, 403);
  await response.body?.cancel();
  assert.equal(await authUser(request.email), undefined, "no Auth user is left");
  assert.equal(await profile(request.email), undefined, "and no profile");
  assert.ok(
    seen.some((line) => line.includes('"compensated"') && line.includes('"authUserDeleted":true')),
  );
});

Deno.test("a reset gives a new temporary password and forces a change at the next sign-in", async () => {
  const address = email("reset");
  const created = await call(mlgoo, "POST", "", secretary("reset", "Bubukal"));
  assert.equal(created.status, 201);
  const userId = created.body.account.id;
  // The user signs in and sets an own password: the existing mechanism clears the flag.
  await sql`update auth.users set last_sign_in_at = now() where id = ${userId}`;
  await sql`update auth.users set encrypted_password = extensions.crypt('own-password-1', extensions.gen_salt('bf', 4)) where id = ${userId}`;
  assert.equal((await profile(address)).must_change_password, false);

  const refused = await call(SEEDED.mlgooPagsanjan, "POST", `/${userId}/password`);
  assert.equal(refused.status, 403);
  assert.ok(await passwordIs(address, "own-password-1"), "a refused reset changes nothing");

  const reset = await call(mlgoo, "POST", `/${userId}/password`);
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.match(reset.body.temporaryPassword, TEMPORARY);
  assert.equal(reset.body.account.mustChangePassword, true);
  assert.ok(await passwordIs(address, reset.body.temporaryPassword));
  assert.deepEqual((await events(address)).map((event) => event.action), [
    "user_created",
    "password_reset",
  ]);
  // Signed in with the temporary password, the user reads but changes nothing ...
  await sql`update auth.users set last_sign_in_at = now() where id = ${userId}`;
  await assert.rejects(
    asUser(
      sql,
      userId,
      (tx) => tx`update public.profiles set full_name = 'Mine' where id = ${userId}`,
    ),
    /Change your password first/,
  );
  // ... until setting an own password.
  await sql`update auth.users set encrypted_password = extensions.crypt('own-password-2', extensions.gen_salt('bf', 4)) where id = ${userId}`;
  assert.equal((await profile(address)).must_change_password, false);
  await asUser(
    sql,
    userId,
    (tx) => tx`update public.profiles set full_name = 'Mine' where id = ${userId}`,
  );

  const self = await call(mlgoo, "POST", `/${mlgoo}/password`);
  assert.equal(self.status, 400, "nobody resets their own password here");
  const unknown = await call(mlgoo, "POST", `/${crypto.randomUUID()}/password`);
  assert.equal(unknown.status, 404);
  const badId = await call(mlgoo, "POST", "/not-a-uuid/password");
  assert.deepEqual([badId.status, badId.body.error.field], [400, "id"]);
});

Deno.test("deactivation bans in Auth and ends access; reactivation lifts both", async () => {
  const address = email("leaver");
  const created = await call(mlgoo, "POST", "", secretary("leaver", "Calios"));
  const userId = created.body.account.id;

  const refused = await call(SEEDED.mlgooPagsanjan, "POST", `/${userId}/deactivate`);
  assert.equal(refused.status, 403);
  assert.equal((await authUser(address)).banned_until, null);

  const off = await call(mlgoo, "POST", `/${userId}/deactivate`);
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal(off.body.account.isActive, false);
  assert.ok((await authUser(address)).banned_until! > new Date(Date.now() + 50 * 365 * 86400_000));
  const on = await call(mlgoo, "POST", `/${userId}/reactivate`);
  assert.equal(on.status, 200);
  assert.equal(on.body.account.isActive, true);
  assert.equal((await authUser(address)).banned_until, null);
  assert.deepEqual((await events(address)).map((event) => event.action), [
    "user_created",
    "user_deactivated",
    "user_reactivated",
  ]);

  const admin = await call(SEEDED.administrator, "POST", `/${userId}/deactivate`);
  assert.equal(admin.status, 403, "the central administrator does not administer barangay users");
  const pagsanjanMlgoo = await call(
    SEEDED.administrator,
    "POST",
    `/${SEEDED.mlgooPagsanjan}/deactivate`,
  );
  assert.equal(pagsanjanMlgoo.status, 200, "but does MLGOOs");
  assert.equal(
    (await call(SEEDED.administrator, "POST", `/${SEEDED.mlgooPagsanjan}/reactivate`)).status,
    200,
  );
});

Deno.test("a role or scope changes within the MLGOO's municipality only", async () => {
  const address = email("mover");
  const created = await call(mlgoo, "POST", "", secretary("mover", "Duhat"));
  const userId = created.body.account.id;
  const moved = await call(mlgoo, "PATCH", `/${userId}`, { role: "blgu", barangay: "043426006" });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal((await profile(address)).barangay_code, "043426006");
  const away = await call(mlgoo, "PATCH", `/${userId}`, { role: "blgu", barangay: "043422002" });
  assert.deepEqual([away.status, away.body.error.field], [403, "barangay"]);
  const promoted = await call(mlgoo, "PATCH", `/${userId}`, { role: "assessor", area: 2 });
  assert.equal(promoted.status, 200);
  assert.deepEqual([promoted.body.account.role, promoted.body.account.areaCode], ["assessor", 2]);
  const invalid = await call(mlgoo, "PATCH", `/${userId}`, { role: "assessor", area: "two" });
  assert.deepEqual([invalid.status, invalid.body.error.field], [400, "area"]);
  const outsider = await call(SEEDED.mlgooPagsanjan, "PATCH", `/${userId}`, { role: "validator" });
  assert.equal(outsider.status, 403);
  assert.deepEqual((await events(address)).map((event) => event.action), [
    "user_created",
    "user_role_set",
    "user_role_set",
  ]);
});

Deno.test("an invitation e-mail instead of a password where the project has SMTP; a clear 503 where it has none", async () => {
  const invited = await call(mlgoo, "POST", "?delivery=invite", secretary("invited", "Gatid"));
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  assert.equal(invited.body.invited, true);
  assert.equal(invited.body.temporaryPassword, undefined);
  assert.ok(
    mailbox.some((mail) => mail.to === email("invited") && mail.link.includes("type=invite")),
  );
  assert.ok((await authUser(email("invited"))).invited_at);

  const noSmtp = handlerWith(authServerWithoutSmtp.url);
  const refused = await call(
    mlgoo,
    "POST",
    "?delivery=invite",
    secretary("uninvited", "Gatid"),
    noSmtp,
  );
  assert.equal(refused.status, 503);
  assert.equal(refused.body.error.code, "invitation_not_sent");
  assert.equal(await authUser(email("uninvited")), undefined);
  const unknownDelivery = await call(
    mlgoo,
    "POST",
    "?delivery=pigeon",
    secretary("pigeon", "Gatid"),
  );
  assert.deepEqual([unknownDelivery.status, unknownDelivery.body.error.field], [400, "delivery"]);
});

Deno.test("served: an MLGOO's token creates a secretary of its municipality and is refused for another's", async () => {
  const functionsUrl = Deno.env.get("FUNCTIONS_URL");
  const served = (request: Request) =>
    fetch(request.url.replace("http://127.0.0.1", functionsUrl!), request);
  const own = await call(mlgoo, "POST", "", secretary("served", "Jasaan"), served);
  assert.equal(own.status, 201, JSON.stringify(own.body));
  assert.ok(await passwordIs(email("served"), own.body.temporaryPassword));
  const other = await call(mlgoo, "POST", "", secretary("served-away", "043422003"), served);
  assert.equal(other.status, 403);
  const anonymous = await fetch(`${functionsUrl}/admin-users`, { method: "POST", body: "{}" });
  assert.equal(anonymous.status, 401, "the gateway refuses a call without a user's token");
  await anonymous.body?.cancel();
});

Deno.test("a browser's preflight is answered, and a wrong method or route is refused", async () => {
  const handler = handlerWith();
  const preflight = await handler(
    new Request("http://127.0.0.1/admin-users/import", { method: "OPTIONS" }),
  );
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
  assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/);
  const wrongMethod = await call(mlgoo, "GET", "");
  assert.equal(wrongMethod.status, 405);
  const unknownRoute = await call(mlgoo, "POST", `/${mlgoo}/promote`);
  assert.equal(unknownRoute.status, 404);
});

Deno.test("the service role key appears in no response body, header or log line", () => {
  assert.ok(SERVICE_ROLE_KEY.length > 100);
  assert.ok(seen.length > 50);
  const leaks = seen.filter((line) => line.includes(SERVICE_ROLE_KEY));
  assert.deepEqual(leaks, []);
});

Deno.test("clean-up: this run's accounts go", removeRunAccounts);
