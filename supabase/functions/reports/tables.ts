import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { Row } from "./queries.ts";

/**
 * Tables as files: CSV (RFC 4180, written by csv-stringify) and XLSX (written by ExcelJS). A CSV
 * has the report function's columns as its header and one line per row; a cell is the value as
 * text: an ISO 8601 timestamp, `true`/`false`, a list of texts joined by `; `, other JSON as
 * JSON, empty for null.
 */

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) {
    return value.join("; ");
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  return stringify([columns, ...rows.map((row) => columns.map((c) => cellText(row[c])))], {
    record_delimiter: "\r\n",
  });
}

/** A worksheet: `decimals` names the columns of Postgres numeric values (read as text), written as numbers. */
export type Sheet = {
  name: string;
  rows: readonly Row[];
  columns: readonly string[];
  decimals?: readonly string[];
};

/** A workbook with one worksheet per table: a bold, frozen header row and typed cells. */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vantage";
  for (const { name, rows, columns, decimals = [] } of sheets) {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = columns.map((column) => ({
      header: column,
      key: column,
      width: Math.max(12, column.length + 2),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      worksheet.addRow(Object.fromEntries(columns.map((column) => {
        const value = row[column];
        if (Array.isArray(value)) return [column, cellText(value)];
        if (decimals.includes(column) && value !== null) return [column, Number(value)];
        return [column, value ?? null];
      })));
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
