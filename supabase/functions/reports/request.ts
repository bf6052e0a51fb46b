/**
 * The reports a caller may ask for and their parameters: `report` picks one, the others name what
 * it covers and the file format. Anything else, or a malformed value, is refused naming the
 * parameter.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const REPORTS = {
  bgar: { subject: "assessment", formats: ["pdf", "csv"] },
  cycle: { subject: "cycle", formats: ["csv", "xlsx"] },
  capdev: { subject: "cycle", formats: ["csv", "xlsx"] },
} as const;

export type ReportName = keyof typeof REPORTS;
export type Format = "pdf" | "csv" | "xlsx";

export type ReportRequest =
  | { report: "bgar"; assessmentId: string; format: "pdf" | "csv" }
  | { report: "cycle" | "capdev"; cycleId: string; format: "csv" | "xlsx" };

export type ParameterError = { parameter: string; message: string };

export function parseReportRequest(
  params: URLSearchParams,
): { request: ReportRequest } | { error: ParameterError } {
  const report = params.get("report");
  if (report === null || !Object.hasOwn(REPORTS, report)) {
    return {
      error: {
        parameter: "report",
        message: `report must be one of ${Object.keys(REPORTS).join(", ")}`,
      },
    };
  }
  const { subject, formats } = REPORTS[report as ReportName];
  const allowed = new Set(["report", subject, "format"]);
  for (const name of params.keys()) {
    if (!allowed.has(name)) {
      return {
        error: {
          parameter: name,
          message: `Unknown parameter ${name}: report=${report} takes ${subject} and format`,
        },
      };
    }
    if (params.getAll(name).length > 1) {
      return { error: { parameter: name, message: `${name} is given more than once` } };
    }
  }
  const id = params.get(subject);
  if (id === null || !UUID.test(id)) {
    return { error: { parameter: subject, message: `${subject} must be the id (a UUID)` } };
  }
  const format = params.get("format") ?? formats[0];
  if (!(formats as readonly string[]).includes(format)) {
    return {
      error: { parameter: "format", message: `format must be ${formats.join(" or ")}` },
    };
  }
  return {
    request: report === "bgar"
      ? { report, assessmentId: id, format: format as "pdf" | "csv" }
      : { report: report as "cycle" | "capdev", cycleId: id, format: format as "csv" | "xlsx" },
  };
}
