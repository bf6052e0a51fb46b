import { existsSync } from "node:fs";
import path from "node:path";
import { UserFacingError } from "./errors.ts";
import { pgBinDir, pgExtensionDir } from "./paths.ts";

type Requirement = { name: string; file: string; aptPackage: string };

const server: Requirement[] = [
  {
    name: "initdb",
    file: path.join(pgBinDir, "initdb"),
    aptPackage: "postgresql-15",
  },
  {
    name: "pg_ctl",
    file: path.join(pgBinDir, "pg_ctl"),
    aptPackage: "postgresql-15",
  },
  {
    name: "postgres",
    file: path.join(pgBinDir, "postgres"),
    aptPackage: "postgresql-15",
  },
  {
    name: "pg_cron",
    file: path.join(pgExtensionDir, "pg_cron.control"),
    aptPackage: "postgresql-15-cron",
  },
];

const testing: Requirement[] = [
  {
    name: "pgTAP",
    file: path.join(pgExtensionDir, "pgtap.control"),
    aptPackage: "postgresql-15-pgtap",
  },
  {
    name: "pg_prove",
    file: "/usr/bin/pg_prove",
    aptPackage: "libtap-parser-sourcehandler-pgtap-perl",
  },
  { name: "psql", file: "/usr/bin/psql", aptPackage: "postgresql-client-15" },
  // The reports tests read the PDFs they receive.
  { name: "pdftotext", file: "/usr/bin/pdftotext", aptPackage: "poppler-utils" },
  { name: "pdftoppm", file: "/usr/bin/pdftoppm", aptPackage: "poppler-utils" },
];

const linting: Requirement[] = [
  {
    name: "plpgsql_check",
    file: path.join(pgExtensionDir, "plpgsql_check.control"),
    aptPackage: "postgresql-15-plpgsql-check",
  },
];

export const requirements = { server, testing, linting };

/** Stops with one line naming the first missing system dependency and the command that installs it. */
export function requireSystem(...groups: Requirement[][]): void {
  for (const requirement of groups.flat()) {
    if (!existsSync(requirement.file)) {
      throw new UserFacingError(
        `Missing system dependency: ${requirement.name} (${requirement.file}). ` +
          `Install it with: sudo apt-get install -y ${requirement.aptPackage}`,
      );
    }
  }
}
