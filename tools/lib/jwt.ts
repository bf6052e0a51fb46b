import { type JWTPayload, jwtVerify, SignJWT } from "jose";

/** The Supabase CLI's well-known local secret: tokens minted here are only valid on local stacks. */
export const JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";

const secretKey = new TextEncoder().encode(JWT_SECRET);

/** The CLI's demo API keys expire in 2032; the same claims give the same well-known keys. */
const API_KEY_EXPIRY = 1983812996;

/** Signs `claims` as they are with the local secret. */
export function signClaims(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(secretKey);
}

export function mintApiKey(role: "anon" | "service_role"): Promise<string> {
  return signClaims({ iss: "supabase-demo", role, exp: API_KEY_EXPIRY });
}

/**
 * The claims of a user's access token as Supabase Auth issues it after sign-in: `claims` are
 * merged over the standard ones; subject, issue and expiry times are always set here.
 */
export function userClaims(
  userId: string,
  claims: Record<string, unknown> = {},
  lifetimeSeconds = 3600,
): Record<string, unknown> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return {
    iss: "http://127.0.0.1:54321/auth/v1",
    aud: "authenticated",
    role: "authenticated",
    aal: "aal1",
    is_anonymous: false,
    session_id: crypto.randomUUID(),
    ...claims,
    sub: userId,
    iat: issuedAt,
    exp: issuedAt + lifetimeSeconds,
  };
}

/** Verifies a token signed with the local secret; rejects if it is invalid or expired. */
export async function verifyToken(token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, secretKey, {
    algorithms: ["HS256"],
  });
  return payload;
}
