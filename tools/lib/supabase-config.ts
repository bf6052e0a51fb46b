import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { configTomlPath } from "./paths.ts";

type SupabaseConfig = {
  api?: { schemas?: string[] };
  functions?: Record<string, { verify_jwt?: boolean }>;
  auth?: { site_url?: string; minimum_password_length?: number };
};

function readConfig(configToml = readFileSync(configTomlPath, "utf8")): SupabaseConfig {
  return parse(configToml) as SupabaseConfig;
}

/** The schemas the API exposes (`[api] schemas`), which `supabase gen types` also covers. */
export function apiSchemas(configToml?: string): string[] {
  return readConfig(configToml).api?.schemas ?? ["public", "graphql_public"];
}

/** `[functions.<name>] verify_jwt`; absent means true, as in the CLI. */
export function verifyJwtSetting(configToml: string, functionName: string): boolean {
  return readConfig(configToml).functions?.[functionName]?.verify_jwt ?? true;
}

/** What the local Auth stand-in takes from `[auth]`: the site URL and the minimum password length. */
export function authSettings(
  configToml?: string,
): { siteUrl?: string; minimumPasswordLength?: number } {
  const auth = readConfig(configToml).auth ?? {};
  return { siteUrl: auth.site_url, minimumPasswordLength: auth.minimum_password_length };
}
