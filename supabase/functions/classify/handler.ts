import { classify } from "../../../packages/classifier/src/index.ts";
import type { Sql } from "../_shared/db.ts";
import { errorResponse, json, methodNotAllowed } from "../_shared/http.ts";
import { type LogFields, withRequestLog } from "../_shared/log.ts";
import { bearerToken, secretMatches } from "../_shared/secret.ts";
import { type ByteReader, checkContent } from "./content-check.ts";
import { parsePayload } from "./payload.ts";
import {
  acknowledgeJobs,
  findAssessment,
  findJob,
  jobStatus,
  loadInput,
  lockAssessment,
  type PendingMov,
  recordContentChecks,
  type ResultKind,
  storeAgenda,
  storeResult,
} from "./store.ts";

export type ClassifyDependencies = {
  sql: Sql;
  /** The secret the dispatcher presents as `Authorization: Bearer <secret>`. */
  webhookSecret: () => Promise<string | null>;
  /** Reads the first bytes of a MOV from storage. */
  readHead: ByteReader;
};

type Target = { assessmentId: string; kind: ResultKind; jobId: number | null };

const alreadyDone = (jobId: number) => json({ job_id: jobId, status: "done", already_done: true });

async function handle(
  request: Request,
  deps: ClassifyDependencies,
  log: LogFields,
): Promise<Response> {
  if (request.method !== "POST") return methodNotAllowed(["POST"]);
  if (
    !(await secretMatches(
      bearerToken(request),
      (await deps.webhookSecret()) ?? "",
    ))
  ) {
    return errorResponse(
      401,
      "unauthorized",
      "Missing or wrong webhook secret",
    );
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return errorResponse(400, "invalid_payload", "The body is not JSON", {
      field: "(body)",
    });
  }
  const parsed = parsePayload(body);
  if ("error" in parsed) {
    return errorResponse(
      400,
      "invalid_payload",
      `${parsed.error.field}: ${parsed.error.message}`,
      {
        field: parsed.error.field,
      },
    );
  }
  const { job_id: jobId, assessment_id: assessmentId, kind } = parsed.payload;
  log.job_id = jobId;

  let target: Target;
  let pending: PendingMov[];
  if (jobId !== undefined) {
    const job = await findJob(deps.sql, jobId);
    if (!job) {
      return errorResponse(404, "job_not_found", `Job ${jobId} does not exist`);
    }
    if (job.status === "done") {
      return alreadyDone(jobId);
    }
    target = { assessmentId: job.assessmentId, kind: job.kind, jobId };
    pending = job.pending;
  } else {
    const assessment = await findAssessment(deps.sql, assessmentId!);
    if (!assessment) {
      return errorResponse(
        404,
        "assessment_not_found",
        `Assessment ${assessmentId} does not exist`,
      );
    }
    target = {
      assessmentId: assessmentId!,
      kind: kind ?? "projection",
      jobId: null,
    };
    pending = assessment.pending;
  }
  log.assessment_id = target.assessmentId;
  log.kind = target.kind;

  // Storage is read before the lock is taken, so slow reads never hold up other jobs.
  const checks = await Promise.all(
    pending.map(async (mov) => ({
      mov,
      verdict: await checkContent(mov, deps.readHead),
    })),
  );
  log.content_checks = checks.map(({ verdict }) =>
    verdict.detail ? `${verdict.check}: ${verdict.detail}` : verdict.check
  );

  const outcome = await deps.sql.begin(async (tx) => {
    await lockAssessment(tx, target.assessmentId);
    if (
      target.jobId !== null && (await jobStatus(tx, target.jobId)) === "done"
    ) return null;
    await recordContentChecks(tx, checks);
    const { input, coveredJobs } = await loadInput(tx, target.assessmentId, target.kind);
    const result = await classify(input);
    const stored = await storeResult(
      tx,
      target.assessmentId,
      target.kind,
      result,
    );
    if (target.kind === "official") {
      await storeAgenda(tx, stored.id, target.assessmentId, result);
    }
    const acknowledged = target.jobId === null
      ? coveredJobs
      : [...new Set([target.jobId, ...coveredJobs])];
    await acknowledgeJobs(tx, acknowledged);
    return { result, stored, acknowledged };
  });
  if (!outcome) {
    return alreadyDone(jobId!);
  }

  log.input_hash = outcome.result.inputHash;
  log.created = outcome.stored.created;
  log.acknowledged = outcome.acknowledged;
  return json({
    job_id: target.jobId,
    assessment_id: target.assessmentId,
    kind: target.kind,
    status: "done",
    result_id: outcome.stored.id,
    input_hash: outcome.result.inputHash,
    created: outcome.stored.created,
    acknowledged_jobs: outcome.acknowledged,
    passed: outcome.stored.passed,
    readiness_percent: outcome.result.projection.readinessPercent,
  });
}

/** POST /classify: one classification per request, logged as one JSON object. */
export function createClassifyHandler(deps: ClassifyDependencies) {
  return withRequestLog(
    "classify",
    (request, log) => handle(request, deps, log),
    "The classification failed; it will be retried",
  );
}
