import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const supabaseDir = path.join(repoRoot, "supabase");
export const functionsDir = path.join(supabaseDir, "functions");
export const configTomlPath = path.join(supabaseDir, "config.toml");
export const platformDir = path.join(repoRoot, "tools", "platform");
export const devStateDir = path.join(repoRoot, ".vantage");
export const binDir = path.join(repoRoot, "node_modules", ".bin");

export const pgBinDir = process.env.VANTAGE_PG_BIN ??
  "/usr/lib/postgresql/15/bin";
export const pgExtensionDir = process.env.VANTAGE_PG_EXTENSIONS ??
  "/usr/share/postgresql/15/extension";
