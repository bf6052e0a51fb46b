import { timingSafeEqual } from "node:crypto";

const digest = async (value: string) =>
  new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value)),
  );

/** Compares a presented secret with the expected one in constant time (hashes have equal length). */
export async function secretMatches(
  presented: string | null,
  expected: string,
): Promise<boolean> {
  if (!presented || !expected) return false;
  return timingSafeEqual(await digest(presented), await digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: Request): string | null {
  return request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1] ??
    null;
}
