import { createClient } from "@supabase/supabase-js";
import { type ByteReader, HEAD_BYTES, type HeadRead } from "./content-check.ts";

const BUCKET = "movs";
const TIMEOUT_MS = 3000;

/**
 * Where the Storage API is: `VANTAGE_STORAGE_URL` when set (a Storage API running elsewhere than
 * the functions, e.g. beside the Docker-free local stack), else `SUPABASE_URL`, as on the platform
 * (names starting with SUPABASE_ are reserved there for the platform's own settings).
 */
export function storageUrl(
  env: { get(name: string): string | undefined } = Deno.env,
): string {
  return env.get("VANTAGE_STORAGE_URL") || env.get("SUPABASE_URL") || "";
}

/**
 * Reads the first bytes of a MOV through the Storage API with the service role: a short-lived
 * signed URL, then a ranged GET. Where `storageUrl` has no Storage API at all (the Docker-free
 * local stack serves only Edge Functions there: the bucket lookup answers 404 without Storage's
 * error shape), that is found out once and every read is reported unavailable.
 */
export function storageByteReader(
  supabaseUrl: string,
  serviceRoleKey: string,
): ByteReader {
  const client = createClient(supabaseUrl, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: {
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
    },
  });
  const storage = client.storage.from(BUCKET);
  let storageAbsent: Promise<boolean> | undefined;

  const probe = async (): Promise<boolean> => {
    const response = await fetch(`${supabaseUrl}/storage/v1/bucket/${BUCKET}`, {
      headers: {
        authorization: `Bearer ${serviceRoleKey}`,
        apikey: serviceRoleKey,
      },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.json().catch(() => null) as {
      statusCode?: unknown;
    } | null;
    // Storage answers with its own error shape ({statusCode, error, message}); anything else is not Storage.
    return response.status === 404 &&
      (body === null || body.statusCode === undefined);
  };

  return async (path): Promise<HeadRead> => {
    storageAbsent ??= probe().catch(() => {
      storageAbsent = undefined;
      return false;
    });
    if (await storageAbsent) {
      return {
        kind: "unavailable",
        reason: `no Storage API at ${supabaseUrl}`,
      };
    }
    const { data, error } = await storage.createSignedUrl(path, 60);
    if (error || !data) {
      return {
        kind: "unavailable",
        reason: `storage did not sign the file: ${error?.message ?? "no URL"}`,
      };
    }
    const response = await fetch(data.signedUrl, {
      headers: { range: `bytes=0-${HEAD_BYTES - 1}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return {
        kind: "unavailable",
        reason: `storage answered ${response.status}`,
      };
    }
    return {
      kind: "bytes",
      bytes: new Uint8Array(await response.arrayBuffer()).slice(0, HEAD_BYTES),
    };
  };
}
