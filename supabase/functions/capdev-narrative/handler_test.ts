import { strict as assert } from "node:assert";
import { SignJWT } from "jose";
import { describeShortfall } from "../../../packages/classifier/src/describe.ts";
import type { ClassificationResult } from "../../../packages/classifier/src/schema.ts";
import { asUser, testDatabase } from "../classify/test-fixtures.ts";
import { assessment, seededReports, USERS } from "../reports/test-seed.ts";
import { createNarrativeHandler } from "./handler.ts";
import { type ProviderConfig, providerConfig } from "./provider.ts";

// The narrative over the test stack's seeded agendas, against an OpenAI-compatible provider this
// test serves itself on a free port: one that answers, one that fails, one too slow, one that
// answers no JSON; and without any provider.

const sql = testDatabase();
const seeded = seededReports(sql);
const functionsUrl = Deno.env.get("FUNCTIONS_URL");
const jwtSecret = new TextEncoder().encode(Deno.env.get("SUPABASE_JWT_SECRET") ?? "");

const PATIMBAO = assessment(13);
const CALIOS = assessment(4);
const API_KEY = "sk-test-capdev-0123456789abcdef";
const NARRATIVE = "Barangay Patimbao, una sa lahat: ang 2.1.4 ng BDRRMC.";

type Behaviour = "answer" | "fail" | "slow" | "garbage";
let behaviour: Behaviour = "answer";
const received: { authorization: string | null; body: Record<string, unknown> }[] = [];

const provider = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
  received.push({
    authorization: request.headers.get("authorization"),
    body: await request.json(),
  });
  if (behaviour === "fail") return new Response("upstream exploded", { status: 500 });
  if (behaviour === "garbage") return new Response("<html>busy</html>", { status: 200 });
  if (behaviour === "slow") await new Promise((resolve) => setTimeout(resolve, 1_500));
  return Response.json({ choices: [{ message: { role: "assistant", content: NARRATIVE } }] });
});
const config: ProviderConfig = {
  baseUrl: `http://127.0.0.1:${provider.addr.port}/v1`,
  apiKey: API_KEY,
  model: "test-model",
};

const token = (userId: string) =>
  new SignJWT({
    sub: userId,
    role: "authenticated",
    aud: "authenticated",
    exp: Math.floor(Date.now() / 1000) + 600,
  }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(jwtSecret);

async function call(
  userId: string | null,
  query: string,
  configured: ProviderConfig | null,
  timeoutMs = 2_000,
) {
  const handler = createNarrativeHandler({
    sql,
    provider: () => Promise.resolve(configured),
    timeoutMs,
  });
  const headers: Record<string, string> = userId
    ? { authorization: `Bearer ${await token(userId)}` }
    : {};
  const response = await handler(
    new Request(`http://127.0.0.1/capdev-narrative?${query}`, { headers }),
  );
  const text = await response.text();
  assert.ok(!text.includes(API_KEY), "the key is never in a response");
  return { status: response.status, body: JSON.parse(text) };
}

const agendaOf = (userId: string, id: string, language: string | null = null) =>
  asUser(
    sql,
    userId,
    (tx) => tx`select * from public.capdev_agenda(${id}, ${language}::public.ui_language)`,
  );

const sameAgenda = (served: Record<string, unknown>[], rows: Record<string, unknown>[]) =>
  assert.deepEqual(served, JSON.parse(JSON.stringify(rows)));

Deno.test("without a provider the deterministic agenda is served unchanged, saying so", async () => {
  await seeded;
  const { status, body } = await call(USERS.mlgoo, `assessment=${PATIMBAO}`, null);
  assert.equal(status, 200);
  assert.equal(body.source, "deterministic");
  assert.equal(body.fallback_reason, "not_configured");
  assert.equal(body.narrative, null);
  sameAgenda(body.agenda, await agendaOf(USERS.mlgoo, PATIMBAO));
  assert.deepEqual(body.agenda.map((item: { leaf_code: string }) => item.leaf_code), ["2.1.4"]);
});

Deno.test("a configured provider rewrites the agenda it is sent into the narrative", async () => {
  await seeded;
  behaviour = "answer";
  received.length = 0;
  const { status, body } = await call(USERS.mlgoo, `assessment=${PATIMBAO}&language=fil`, config);
  assert.equal(status, 200);
  assert.equal(body.source, "llm");
  assert.equal(body.fallback_reason, null);
  assert.equal(body.narrative, NARRATIVE);
  assert.equal(body.model, "test-model");
  assert.equal(body.language, "fil");
  sameAgenda(body.agenda, await agendaOf(USERS.mlgoo, PATIMBAO, "fil"));

  assert.equal(received.length, 1);
  assert.equal(received[0].authorization, `Bearer ${API_KEY}`);
  assert.equal(received[0].body.model, "test-model");
  const [system, user] = received[0].body.messages as { role: string; content: string }[];
  assert.equal(system.role, "system");
  assert.match(system.content, /narrative in Filipino/);
  const sent = JSON.parse(user.content);
  assert.equal(sent[0].subIndicator.startsWith("2.1.4 "), true);
  assert.match(sent[0].whatToDo, /^Isagawa ang mga gawain ng BDRRM Plan/);
  // The shortfall in Filipino, as the classifier writes it.
  const [{ result }] = await sql<{ result: ClassificationResult }[]>`
    select result from public.official_results where assessment_id = ${PATIMBAO}`;
  const shortfall = result.leaves.find((leaf) => leaf.code === "2.1.4")!.shortfalls[0];
  assert.deepEqual(sent[0].shortfalls, [describeShortfall(shortfall, "fil")]);
  assert.notEqual(sent[0].shortfalls[0], describeShortfall(shortfall, "en"));
});

Deno.test("a provider failing, answering no JSON or too slowly leaves the deterministic agenda", async () => {
  await seeded;
  const expected = JSON.parse(JSON.stringify(await agendaOf(USERS.mlgoo, PATIMBAO)));
  const cases: [Behaviour, string][] = [
    ["fail", "provider_error"],
    ["garbage", "invalid_response"],
    ["slow", "timeout"],
  ];
  for (const [mode, reason] of cases) {
    behaviour = mode;
    const { status, body } = await call(USERS.mlgoo, `assessment=${PATIMBAO}`, config, 300);
    assert.equal(status, 200, mode);
    assert.equal(body.source, "deterministic", mode);
    assert.equal(body.fallback_reason, reason, mode);
    assert.equal(body.narrative, null, mode);
    assert.deepEqual(body.agenda, expected, mode);
  }
  behaviour = "answer";
});

Deno.test("an unreachable provider is a provider error too", async () => {
  await seeded;
  const closed = { ...config, baseUrl: "http://127.0.0.1:9/v1" };
  const { body } = await call(USERS.mlgoo, `assessment=${PATIMBAO}`, closed);
  assert.equal(body.source, "deterministic");
  assert.equal(body.fallback_reason, "provider_error");
});

Deno.test("the agenda is read as the caller: nothing before completion, nothing of another barangay", async () => {
  const { patimbao } = await seeded;
  assert.equal((await call(patimbao, `assessment=${PATIMBAO}`, config)).status, 200);
  const early = await call(USERS.calios, `assessment=${CALIOS}`, config);
  assert.equal(early.status, 409);
  assert.equal(early.body.error.code, "no_official_result");
  const other = await call(USERS.alipit, `assessment=${PATIMBAO}`, config);
  assert.equal(other.status, 403);
  assert.equal(other.body.error.parameter, "assessment");
  assert.equal((await call(null, `assessment=${PATIMBAO}`, config)).status, 401);
  const bad = await call(USERS.mlgoo, `assessment=${PATIMBAO}&language=de`, config);
  assert.deepEqual([bad.status, bad.body.error.parameter], [400, "language"]);
});

Deno.test("a passing barangay's empty agenda is served as it is, the provider not asked", async () => {
  await seeded;
  received.length = 0;
  const { body } = await call(USERS.mlgoo, `assessment=${assessment(5)}`, config);
  assert.deepEqual([body.source, body.fallback_reason, body.agenda], [
    "deterministic",
    "empty_agenda",
    [],
  ]);
  assert.equal(received.length, 0);
});

Deno.test("the provider is configured by the environment, else by Vault or private.settings", async () => {
  const names = ["capdev_llm_base_url", "capdev_llm_api_key", "capdev_llm_model"];
  assert.equal(await providerConfig(sql, () => undefined), null);
  try {
    await sql`
      insert into private.settings (key, value)
      values (${names[0]}, 'http://127.0.0.1:1/v1'), (${names[1]}, 'sk-from-settings'), (${
      names[2]
    }, 'settings-model')`;
    assert.deepEqual(await providerConfig(sql, () => undefined), {
      baseUrl: "http://127.0.0.1:1/v1",
      apiKey: "sk-from-settings",
      model: "settings-model",
    });
    const env = (name: string) => (name === "CAPDEV_LLM_MODEL" ? "env-model" : undefined);
    assert.equal((await providerConfig(sql, env))?.model, "env-model");
  } finally {
    await sql`delete from private.settings where key = any(${names})`;
  }
});

Deno.test("the served function verifies the token and, with no provider configured, serves the agenda", async () => {
  await seeded;
  const url = `${functionsUrl}/capdev-narrative?assessment=${PATIMBAO}`;
  const anonymous = await fetch(url, {
    headers: { authorization: `Bearer ${Deno.env.get("SUPABASE_ANON_KEY")}` },
  });
  assert.equal(anonymous.status, 401);
  await anonymous.body?.cancel();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${await token(USERS.mlgoo)}` },
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.source, "deterministic");
  assert.equal(body.fallback_reason, "not_configured");
});

Deno.test("cleanup", async () => {
  await provider.shutdown();
  await (await seeded).remove();
  await sql.end();
});
