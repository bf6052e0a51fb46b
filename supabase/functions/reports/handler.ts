import { callerClaims } from "../_shared/caller.ts";
import { asCaller, type Claims, type Sql } from "../_shared/db.ts";
import { errorResponse, methodNotAllowed } from "../_shared/http.ts";
import { type LogFields, withRequestLog } from "../_shared/log.ts";
import { bgarPdf } from "./bgar-pdf.ts";
import { loadBgar, loadCycle } from "./queries.ts";
import { parseReportRequest, type ReportRequest } from "./request.ts";
import { toCsv, toXlsx } from "./tables.ts";

export type ReportsDependencies = { sql: Sql; now?: () => Date };

const BGAR_COLUMNS = [
  "area_code",
  "area_name",
  "area_kind",
  "area_passes",
  "indicator_code",
  "indicator_name",
  "indicator_passes",
  "is_bbi",
  "leaf_code",
  "leaf_name",
  "scored",
  "result",
  "reason",
  "shortfalls",
  "remarks",
];
const ROLLUP_COLUMNS = [
  "rank",
  "psgc_code",
  "barangay",
  "city_municipality",
  "status",
  "passed",
  "area_1",
  "area_2",
  "area_3",
  "area_4",
  "area_5",
  "area_6",
  "passed_leaves",
  "scored_leaves",
  "readiness_percent",
  "approved_at",
];
const PASS_RATE_COLUMNS = ["area_code", "area_name", "assessed", "passed", "pass_rate"];
const CYCLE_GAP_COLUMNS = [
  "area_code",
  "leaf_code",
  "leaf_name",
  "assessments",
  "sent_back",
  "fixed",
  "kept",
  "still_unmet",
  "unmet",
];

const CAPDEV_COLUMNS = [
  "psgc_code",
  "barangay",
  "passed",
  "fewest_fixes",
  "rank",
  "priority",
  "area_code",
  "leaf_code",
  "leaf_name",
  "reasons",
  "intervention",
  "office_code",
  "time_frame_days",
  "due_on",
  "in_fewest_fixes",
];

const CONTENT_TYPE = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function file(body: Uint8Array | string, format: keyof typeof CONTENT_TYPE, name: string) {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "content-type": CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="${name}.${format}"`,
      "cache-control": "no-store",
    },
  });
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

async function respond(
  sql: Sql,
  claims: Claims,
  request: ReportRequest,
  now: Date,
): Promise<Response> {
  if (request.report === "bgar") {
    const bgar = await asCaller(sql, claims, (tx) => loadBgar(tx, request.assessmentId));
    if (bgar === "forbidden") {
      return errorResponse(
        403,
        "forbidden",
        "You may not read this assessment's report: a barangay reads its own, the MLGOO and reviewers those of " +
          "their city or municipality, DILG offices the completed ones in their scope. Check the id, or sign in " +
          "with the account that serves that barangay",
        {
          parameter: "assessment",
        },
      );
    }
    if (bgar === "not_official") {
      return errorResponse(
        409,
        "no_official_result",
        "This assessment has no official result you may read yet: the BGAR is issued once it is validated (for the barangay, once it is completed)",
      );
    }
    const name = `bgar-${slug(bgar.header.barangay)}-${bgar.header.cycle_year}`;
    return request.format === "pdf"
      ? file(await bgarPdf(bgar, now), "pdf", name)
      : file(toCsv(bgar.leaves, BGAR_COLUMNS), "csv", name);
  }
  const cycle = await asCaller(sql, claims, (tx) => loadCycle(tx, request.cycleId));
  if (cycle === "not_found") {
    return errorResponse(
      404,
      "not_found",
      `Cycle ${request.cycleId} does not exist: take the id from the cycles list (public.cycles)`,
      {
        parameter: "cycle",
      },
    );
  }
  if (cycle === "forbidden") {
    return errorResponse(
      403,
      "forbidden",
      "You read no assessment of this cycle: the roll-up covers the assessments your account may read. " +
        "Sign in with an account of a city or municipality (or DILG office) taking part in it",
      {
        parameter: "cycle",
      },
    );
  }
  const capdevSheet = { name: "CapDev agenda", rows: cycle.capdev, columns: CAPDEV_COLUMNS };
  if (request.report === "capdev") {
    const name = `sglgb-capdev-${slug(cycle.title)}`;
    return request.format === "csv"
      ? file(toCsv(cycle.capdev, CAPDEV_COLUMNS), "csv", name)
      : file(await toXlsx([capdevSheet]), "xlsx", name);
  }
  const name = `sglgb-rollup-${slug(cycle.title)}`;
  return request.format === "csv" ? file(toCsv(cycle.rollup, ROLLUP_COLUMNS), "csv", name) : file(
    await toXlsx([
      {
        name: "Roll-up",
        rows: cycle.rollup,
        columns: ROLLUP_COLUMNS,
        decimals: ["readiness_percent"],
      },
      {
        name: "Pass rates",
        rows: cycle.passRates,
        columns: PASS_RATE_COLUMNS,
        decimals: ["pass_rate"],
      },
      { name: "Gap analysis", rows: cycle.gaps, columns: CYCLE_GAP_COLUMNS },
      capdevSheet,
    ]),
    "xlsx",
    name,
  );
}

async function handle(
  request: Request,
  deps: ReportsDependencies,
  log: LogFields,
): Promise<Response> {
  if (request.method !== "GET") return methodNotAllowed(["GET"]);
  const claims = callerClaims(request);
  if (!claims) {
    return errorResponse(401, "unauthorized", "Sign in: reports need a user's access token");
  }
  const parsed = parseReportRequest(new URL(request.url).searchParams);
  if ("error" in parsed) {
    return errorResponse(400, "invalid_parameter", parsed.error.message, {
      parameter: parsed.error.parameter,
    });
  }
  log.user_id = claims.sub;
  log.report = parsed.request.report;
  log.format = parsed.request.format;
  return await respond(deps.sql, claims, parsed.request, deps.now?.() ?? new Date());
}

/**
 * GET /reports?report=bgar&assessment=<uuid>&format=pdf|csv and
 * GET /reports?report=cycle|capdev&cycle=<uuid>&format=csv|xlsx, as the caller.
 */
export function createReportsHandler(deps: ReportsDependencies) {
  return withRequestLog("reports", (request, log) => handle(request, deps, log));
}
