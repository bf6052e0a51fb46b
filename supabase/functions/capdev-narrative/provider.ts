import type { Sql } from "../_shared/db.ts";

/**
 * An OpenAI-compatible chat-completions provider: `baseUrl` up to `/v1` (the request goes to
 * `${baseUrl}/chat/completions`), its API key and the model. Configured by the environment
 * (CAPDEV_LLM_BASE_URL, CAPDEV_LLM_API_KEY, CAPDEV_LLM_MODEL) or, for any of them missing there,
 * by Vault or private.settings (capdev_llm_base_url, capdev_llm_api_key, capdev_llm_model).
 */
export type ProviderConfig = { baseUrl: string; apiKey: string; model: string };

const SETTINGS = {
  baseUrl: ["CAPDEV_LLM_BASE_URL", "capdev_llm_base_url"],
  apiKey: ["CAPDEV_LLM_API_KEY", "capdev_llm_api_key"],
  model: ["CAPDEV_LLM_MODEL", "capdev_llm_model"],
} as const;

/** The configured provider, or null when any of its three settings is missing. */
export async function providerConfig(
  sql: Sql,
  env: (name: string) => string | undefined = (name) => Deno.env.get(name),
): Promise<ProviderConfig | null> {
  const entries = await Promise.all(
    Object.entries(SETTINGS).map(async ([key, [variable, setting]]) => {
      const fromEnv = env(variable)?.trim();
      if (fromEnv) return [key, fromEnv];
      const [row] = await sql<
        { value: string | null }[]
      >`select private.setting(${setting}) as value`;
      return [key, row.value?.trim() || null];
    }),
  );
  const config = Object.fromEntries(entries);
  return config.baseUrl && config.apiKey && config.model ? config as ProviderConfig : null;
}

/** Why the deterministic agenda was served instead of a narrative. */
export type FallbackReason = "not_configured" | "timeout" | "provider_error" | "invalid_response";

export type Completion = { narrative: string } | { fallback: FallbackReason; detail: string };

/**
 * Asks the provider for one chat completion and returns its text. Any failure (no answer within
 * `timeoutMs`, an HTTP error, a body without a text) is a fallback whose detail names the cause
 * and never the key.
 */
export async function complete(
  config: ProviderConfig,
  messages: { role: "system" | "user"; content: string }[],
  timeoutMs: number,
  fetcher: typeof fetch = fetch,
): Promise<Completion> {
  let response: Response;
  try {
    response = await fetcher(`${config.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${config.apiKey}`,
      },
      body: JSON.stringify({ model: config.model, messages, temperature: 0.2 }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return name === "TimeoutError"
      ? { fallback: "timeout", detail: `no answer within ${timeoutMs} ms` }
      : {
        fallback: "provider_error",
        detail: `the provider could not be reached (${name || "error"})`,
      };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { fallback: "provider_error", detail: `the provider answered HTTP ${response.status}` };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return timedOut
      ? { fallback: "timeout", detail: `no answer within ${timeoutMs} ms` }
      : { fallback: "invalid_response", detail: "the provider's answer is not JSON" };
  }
  const text = (body as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]
    ?.message?.content;
  return typeof text === "string" && text.trim().length > 0
    ? { narrative: text.trim() }
    : { fallback: "invalid_response", detail: "the provider's answer holds no text" };
}
