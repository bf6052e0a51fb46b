import { decodeJwt } from "jose";
import type { Claims } from "./db.ts";
import { bearerToken } from "./secret.ts";

/**
 * The caller's claims. The token's signature and expiry are verified before the function runs
 * (`verify_jwt = true`: the platform's gateway, or the local functions server); only a signed-in
 * user's token (role `authenticated` with a subject) is a caller's.
 */
export function callerClaims(request: Request): Claims | null {
  const token = bearerToken(request);
  if (!token) return null;
  try {
    const claims = decodeJwt(token);
    if (claims.role !== "authenticated" || typeof claims.sub !== "string") return null;
    return claims as Claims;
  } catch {
    return null;
  }
}
