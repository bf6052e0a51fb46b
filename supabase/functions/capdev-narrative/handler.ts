import { callerClaims } from "../_shared/caller.ts";
import { asCaller, type Sql } from "../_shared/db.ts";
import { errorResponse, json, methodNotAllowed } from "../_shared/http.ts";
import { type LogFields, withRequestLog } from "../_shared/log.ts";
import { unreadableOfficialResult } from "../_shared/official.ts";
import { complete, type FallbackReason, type ProviderConfig, providerConfig } from "./provider.ts";

export type NarrativeDependencies = {
  sql: Sql;
  /** The provider's settings, read per request (environment, else Vault). */
  provider?: () => Promise<ProviderConfig | null>;
  timeoutMs?: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANGUAGES = { en: "English", fil: "Filipino", ceb: "Cebuano" } as const;
type Language = keyof typeof LANGUAGES;
const DEFAULT_TIMEOUT_MS = 20_000;

type AgendaRow = Record<string, unknown> & { language: Language };

function parameters(
  url: URL,
): { assessmentId: string; language: Language | null } | { parameter: string; message: string } {
  for (const name of url.searchParams.keys()) {
    if (name !== "assessment" && name !== "language") {
      return { parameter: name, message: `Unknown parameter ${name}: use assessment and language` };
    }
  }
  const assessmentId = url.searchParams.get("assessment");
  if (assessmentId === null || !UUID.test(assessmentId)) {
    return { parameter: "assessment", message: "assessment must be the id (a UUID)" };
  }
  const language = url.searchParams.get("language");
  if (language !== null && !Object.hasOwn(LANGUAGES, language)) {
    return { parameter: "language", message: "language must be en, fil or ceb" };
  }
  return { assessmentId, language: language as Language | null };
}

/** The instructions and the agenda the provider rewrites; it may reword, never add or drop. */
function prompt(agenda: AgendaRow[], language: Language) {
  const items = agenda.map((item) => ({
    rank: item.rank,
    priority: item.priority,
    subIndicator: `${item.leaf_code} ${item.leaf_name}`,
    area: item.area_name,
    whatToDo: item.intervention,
    missingMovs: item.missing_movs,
    uploadWhatIsMissing: item.evidence_intervention,
    shortfalls: item.shortfalls,
    whoHelps: item.office_name,
    dueOn: item.due_on,
    neededToPass: item.in_fewest_fixes,
  }));
  return [
    {
      role: "system" as const,
      content:
        "You write capacity-development plans for Philippine barangays after the Seal of Good Local " +
        "Governance for Barangays (SGLGB) assessment. Rewrite the agenda you are given as a short, " +
        `encouraging narrative in ${
          LANGUAGES[language]
        } addressed to the barangay officials. Keep ` +
        "the order, every sub-indicator code, office and date; explain that core areas come first " +
        "and which items are needed to pass under the 3+1 rule. Add no requirement that is not in " +
        "the agenda.",
    },
    { role: "user" as const, content: JSON.stringify(items) },
  ];
}

async function handle(
  request: Request,
  deps: NarrativeDependencies,
  log: LogFields,
): Promise<Response> {
  if (request.method !== "GET") return methodNotAllowed(["GET"]);
  const claims = callerClaims(request);
  if (!claims) {
    return errorResponse(401, "unauthorized", "Sign in: the narrative needs a user's access token");
  }
  const parsed = parameters(new URL(request.url));
  if ("parameter" in parsed) {
    return errorResponse(400, "invalid_parameter", parsed.message, { parameter: parsed.parameter });
  }
  log.user_id = claims.sub;
  const loaded = await asCaller(deps.sql, claims, async (tx) => {
    const [official] = await tx`
      select 1 from public.official_results where assessment_id = ${parsed.assessmentId}`;
    if (!official) return await unreadableOfficialResult(tx, parsed.assessmentId);
    return await tx<AgendaRow[]>`
      select * from public.capdev_agenda(${parsed.assessmentId}, ${parsed.language}::public.ui_language)`;
  });
  if (loaded === "forbidden") {
    return errorResponse(
      403,
      "forbidden",
      "You may not read this assessment's agenda: a barangay reads its own, the MLGOO and validators " +
        "those of their city or municipality, DILG offices the completed ones in their scope",
      { parameter: "assessment" },
    );
  }
  if (loaded === "not_official") {
    return errorResponse(
      409,
      "no_official_result",
      "This assessment has no agenda you may read yet: it comes with the official result (for the barangay, once the assessment is completed)",
    );
  }
  const agenda = loaded;
  const language = agenda[0]?.language ?? parsed.language ?? "en";
  const deterministic = (reason: FallbackReason | "empty_agenda", detail?: string) => {
    log.source = "deterministic";
    log.fallback = reason;
    if (detail) log.fallback_detail = detail;
    return json({
      assessment_id: parsed.assessmentId,
      language,
      source: "deterministic",
      fallback_reason: reason,
      narrative: null,
      agenda,
    });
  };
  if (agenda.length === 0) return deterministic("empty_agenda");
  const config = await (deps.provider ?? (() => providerConfig(deps.sql)))();
  if (!config) return deterministic("not_configured");
  const completion = await complete(
    config,
    prompt(agenda, language),
    deps.timeoutMs ?? (Number(Deno.env.get("CAPDEV_LLM_TIMEOUT_MS")) || DEFAULT_TIMEOUT_MS),
  );
  if ("fallback" in completion) return deterministic(completion.fallback, completion.detail);
  log.source = "llm";
  return json({
    assessment_id: parsed.assessmentId,
    language,
    source: "llm",
    fallback_reason: null,
    model: config.model,
    narrative: completion.narrative,
    agenda,
  });
}

/**
 * GET /capdev-narrative?assessment=<uuid>[&language=en|fil|ceb]: the caller's agenda (read as the
 * caller), rewritten as a narrative by the configured language model, or served unchanged
 * (`source: "deterministic"` with `fallback_reason`) without a provider or when it fails.
 */
export function createNarrativeHandler(deps: NarrativeDependencies) {
  return withRequestLog("capdev-narrative", (request, log) => handle(request, deps, log));
}
