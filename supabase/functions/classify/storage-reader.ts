import { createClient } from "@supabase/supabase-js";
import { type ByteReader, HEAD_BYTES, type HeadRead } from "./content-check.ts";

const BUCKET = "movs";
const TIMEOUT_MS = 3000;

/**
 * Reads the first bytes of a MOV through the Storage API with the service role: a short-lived
 * signed URL, then a ranged GET. Where no Storage API answers (the Docker-free local stack serves
 * only Edge Functions at SUPABASE_URL), the read is reported unavailable.
 */
export function storageByteReader(
  supabaseUrl: string,
  serviceRoleKey: string,
): ByteReader {
  const storage = createClient(supabaseUrl, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: {
      fetch: (input, init) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
    },
  }).storage.from(BUCKET);

  return async (path): Promise<HeadRead> => {
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
