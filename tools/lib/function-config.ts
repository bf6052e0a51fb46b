/**
 * Reads `verify_jwt` for one function from supabase/config.toml. Only the `[functions.<name>]`
 * table's `verify_jwt = true|false` line matters here; absent means true, as in the CLI.
 */
export function verifyJwtSetting(
  configToml: string,
  functionName: string,
): boolean {
  let inSection = false;
  for (const rawLine of configToml.split("\n")) {
    const line = rawLine.replace(/#.*$/, "").trim();
    const header = line.match(/^\[(.+)\]$/);
    if (header) {
      inSection = header[1].trim() === `functions.${functionName}`;
      continue;
    }
    const setting = inSection && line.match(/^verify_jwt\s*=\s*(true|false)$/);
    if (setting) return setting[1] === "true";
  }
  return true;
}
