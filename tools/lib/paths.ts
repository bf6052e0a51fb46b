import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const supabaseDir = path.join(repoRoot, "supabase");
export const functionsDir = path.join(supabaseDir, "functions");
export const configTomlPath = path.join(supabaseDir, "config.toml");
export const platformDir = path.join(repoRoot, "tools", "platform");
export const devStateDir = path.join(repoRoot, ".vantage");
export const binDir = path.join(repoRoot, "node_modules", ".bin");

/**
 * The Deno that Supabase's edge runtime embeds (2.1.x), older than the project's: functions are
 * type-checked and tested with it. Its Linux x64 build comes from npm as the package
 * `deno-runtime-linux-x64` (`@deno/linux-x64-glibc`, a binary with no `bin` entry, so
 * `node_modules/.bin/deno` stays the project's Deno). `env` lets it reach the npm registry
 * through this machine's certificate store.
 */
export const runtimeDeno = {
  command: path.join(repoRoot, "node_modules", "deno-runtime-linux-x64", "deno"),
  args: [] as string[],
  env: { DENO_TLS_CA_STORE: "system" },
};

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

/**
 * SHA-256 of what `supabase db reset` builds a database from: every migration (name and text, in
 * name order) and seed.sql, of `supabase/` or the given folder laid out like it. Editing, adding
 * or removing any of them changes it.
 */
export function resetSourcesSha256(folder = supabaseDir): string {
  const migrations = path.join(folder, "migrations");
  const hash = createHash("sha256");
  for (const name of readdirSync(migrations).filter((name) => name.endsWith(".sql")).sort()) {
    hash.update(`${name}\n`).update(readFileSync(path.join(migrations, name)));
  }
  return hash.update("seed.sql\n").update(readFileSync(path.join(folder, "seed.sql"))).digest(
    "hex",
  );
}
