import { CsvError, parse } from "csv-parse/sync";
import { type AccountRequest, accountRequest, parseFields } from "./requests.ts";

/**
 * The onboarding file: one row per person, with a header naming the columns below (in any
 * order; `email`, `full_name` and `role` are required). A barangay is named by its PSGC code or
 * its name within the municipality.
 */
export const CSV_COLUMNS = {
  email: "email",
  full_name: "fullName",
  role: "role",
  barangay: "barangay",
  area: "area",
  city_municipality: "cityMunicipality",
  oversight_scope: "oversightScope",
  language: "language",
} as const;
const REQUIRED = ["email", "full_name", "role"];
export const MAX_ROWS = 2000;

export type CsvRow = { line: number; account: AccountRequest };
export type RowError = { line: number; field: string; message: string };

type Column = keyof typeof CSV_COLUMNS;
const columnOf = Object.fromEntries(
  Object.entries(CSV_COLUMNS).map(([column, field]) => [field, column]),
) as Record<string, Column>;

/**
 * The file's rows, each checked on its own, and the problems of those that fail (the database
 * checks the others against the caller next); or why the file as a whole cannot be read.
 */
export function parseAccountsCsv(
  text: string,
): { rows: CsvRow[]; errors: RowError[] } | { error: string; errors: RowError[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return {
      error: "The file is not a well-formed CSV: nothing was created",
      errors: [{ line, field: "file", message: error.message }],
    };
  }
  const header = records[0] ? Object.keys(records[0].record) : headerOf(text);
  const unknown = header.filter((name) => !Object.hasOwn(CSV_COLUMNS, name));
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    return {
      error: `The header must name the columns ${Object.keys(CSV_COLUMNS).join(", ")} ` +
        `(${REQUIRED.join(", ")} required): nothing was created`,
      errors: [
        ...unknown.map((name) => ({ line: 1, field: name, message: `Unknown column ${name}` })),
        ...missing.map((name) => ({ line: 1, field: name, message: `Column ${name} is missing` })),
      ],
    };
  }
  if (records.length === 0) {
    return { error: "The file has no rows: nothing was created", errors: [] };
  }
  if (records.length > MAX_ROWS) {
    return {
      error: `The file has ${records.length} rows; send at most ${MAX_ROWS} at a time`,
      errors: [],
    };
  }
  const rows: CsvRow[] = [];
  const errors: RowError[] = [];
  const lineOfEmail = new Map<string, number>();
  for (const { record, info } of records) {
    const fields = Object.fromEntries(
      Object.entries(record)
        .filter(([, value]) => value !== "")
        .map(([column, value]) => [CSV_COLUMNS[column as Column], value]),
    );
    const parsed = parseFields(accountRequest, fields);
    if ("error" in parsed) {
      errors.push({
        line: info.lines,
        field: columnOf[parsed.error.field] ?? parsed.error.field,
        message: parsed.error.message,
      });
      continue;
    }
    const earlier = lineOfEmail.get(parsed.value.email);
    if (earlier !== undefined) {
      errors.push({
        line: info.lines,
        field: "email",
        message: `${parsed.value.email} is already on line ${earlier}`,
      });
      continue;
    }
    lineOfEmail.set(parsed.value.email, info.lines);
    rows.push({ line: info.lines, account: parsed.value });
  }
  return { rows, errors };
}

function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return first.trim() === "" ? [] : first.split(",").map((name) => name.trim().toLowerCase());
}

/** A database field name as the CSV calls it. */
export const csvColumn = (field: string) => columnOf[field] ?? field;
