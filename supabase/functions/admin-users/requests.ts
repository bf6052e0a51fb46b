import { z } from "zod";

/**
 * What the admin-users function accepts: an account to create (JSON, or one CSV row), a role and
 * scope to give, and how a new account receives its password. A malformed field is refused naming
 * it; whether the caller may give that role and scope is the database's to say.
 */

export const ROLES = ["blgu", "assessor", "validator", "mlgoo", "oversight"] as const;
export const LANGUAGES = ["en", "fil", "ceb"] as const;
const PSGC_CODE = /^[0-9]{9,10}$/;

const optionalText = z.string().trim().min(1).optional();

const scopeFields = {
  role: z.enum(ROLES, { error: `role must be one of ${ROLES.join(", ")}` }),
  barangay: optionalText,
  area: z.coerce.number({ error: "area must be a number from 1 to 6" }).int().min(1, {
    error: "area must be a number from 1 to 6",
  }).max(6, { error: "area must be a number from 1 to 6" }).optional(),
  cityMunicipality: z.string().trim().regex(PSGC_CODE, {
    error: "cityMunicipality must be the PSGC code (9 or 10 digits) of a city or municipality",
  }).optional(),
  oversightScope: z.string().trim().regex(PSGC_CODE, {
    error:
      "oversightScope must be the PSGC code (9 or 10 digits) of a region, province or city/municipality",
  }).optional(),
};

export const scopeRequest = z.strictObject(scopeFields, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `Unknown field ${issue.keys.join(", ")}`
      : "The body must be a JSON object",
});

export const accountRequest = z.strictObject({
  email: z.string({ error: "email is required" }).trim().toLowerCase().pipe(
    z.email({ error: "email must be an e-mail address" }),
  ),
  fullName: z.string({ error: "fullName is required" }).trim().min(1, {
    error: "fullName is required",
  }).max(200, { error: "fullName has at most 200 characters" }),
  language: z.enum(LANGUAGES, { error: `language must be one of ${LANGUAGES.join(", ")}` })
    .default("en"),
  ...scopeFields,
}, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `Unknown field ${issue.keys.join(", ")}`
      : "The body must be a JSON object",
});

export type ScopeRequest = z.infer<typeof scopeRequest>;
export type AccountRequest = z.infer<typeof accountRequest>;

/** How a new account gets its first password: shown once to the administrator, or by e-mail. */
export type Delivery = "password" | "invite";

export type FieldError = { field: string; message: string };

/** The first problem of `body` against `schema`, naming its field; or the parsed value. */
export function parseFields<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { value: T } | { error: FieldError } {
  const result = schema.safeParse(body);
  if (result.success) return { value: result.data };
  const issue = result.error.issues[0];
  const field = issue.code === "unrecognized_keys"
    ? issue.keys[0]
    : issue.path.map(String).join(".") || "body";
  return { error: { field, message: issue.message } };
}

export function parseDelivery(value: string | null): Delivery | undefined {
  if (value === null || value === "password") return "password";
  if (value === "invite") return "invite";
  return undefined;
}
