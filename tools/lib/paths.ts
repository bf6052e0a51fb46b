import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const supabaseDir = path.join(repoRoot, "supabase");
export const functionsDir = path.join(supabaseDir, "functions");
export const migrationsDir = path.join(supabaseDir, "migrations");
export const configTomlPath = path.join(supabaseDir, "config.toml");
export const platformDir = path.join(repoRoot, "tools", "platform");
export const devStateDir = path.join(repoRoot, ".vantage");
export const binDir = path.join(repoRoot, "node_modules", ".bin");

export const pgBinDir = process.env.VANTAGE_PG_BIN ??
  "/usr/lib/postgresql/15/bin";
export const pgExtensionDir = process.env.VANTAGE_PG_EXTENSIONS ??
  "/usr/share/postgresql/15/extension";

/** Folders of supabase/functions with their own deno.json: each function and _shared. */
export function denoFunctionFolders(): string[] {
  return readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(functionsDir, entry.name))
    .filter((folder) => existsSync(path.join(folder, "deno.json")));
}

/** The version (file-name prefix) of the newest migration in supabase/migrations. */
export function newestMigrationVersion(): string {
  const versions = readdirSync(migrationsDir)
    .map((name) => /^(\d+)_.*\.sql$/.exec(name)?.[1])
    .filter((version): version is string => version !== undefined)
    .sort();
  return versions.at(-1) ?? "";
}
