import { z } from "zod";

/** What the dispatcher sends ({job_id}), or a direct request to classify one assessment. */
export const classifyPayloadSchema = z.object({
  job_id: z.number().int().positive().optional(),
  assessment_id: z.uuid().optional(),
  kind: z.enum(["projection", "official", "readiness"]).optional(),
}).strict().refine(
  (payload) => (payload.job_id === undefined) !== (payload.assessment_id === undefined),
  {
    message: "Give either job_id or assessment_id",
    path: ["job_id"],
  },
);

export type ClassifyPayload = z.infer<typeof classifyPayloadSchema>;

export type PayloadError = { field: string; message: string };

export function parsePayload(
  body: unknown,
): { payload: ClassifyPayload } | { error: PayloadError } {
  const parsed = classifyPayloadSchema.safeParse(body);
  if (parsed.success) return { payload: parsed.data };
  const [issue] = parsed.error.issues;
  const field = issue.code === "unrecognized_keys"
    ? issue.keys.join(", ")
    : issue.path.join(".") || "(body)";
  return { error: { field, message: issue.message } };
}
