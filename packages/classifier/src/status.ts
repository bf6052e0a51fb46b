import { ClassifierInputError } from "./errors.ts";
import { type CatalogLeaf, type Decision, decisionSchema, type LeafResponse } from "./schema.ts";

/** §5 rule 3, leaf status: the MLGOO override wins over the validator's decision. */
export type LeafStatus = "met" | "unmet" | "considered" | "no_decision";

type Decisions = Pick<LeafResponse, "decision" | "override">;

export function leafStatus(decision: Decision | null, override: Decision | null): LeafStatus {
  return override ?? decision ?? "no_decision";
}

/** No decision, then the decisions in schema order: their positions are their codes. */
const DECISIONS: readonly (Decision | null)[] = [null, ...decisionSchema.options];

/**
 * A leaf's response as one number, as the reader keeps it and the canonical input encodes it: 0
 * for no response, else 1 + 4 × decision + override, each coded null 0, met 1, unmet 2,
 * considered 3.
 */
export function responseCode(decision: Decision | null, override: Decision | null): number {
  return 1 + 4 * decisionCode(decision) + decisionCode(override);
}

/** A decision's position in DECISIONS. */
function decisionCode(decision: Decision | null): number {
  if (decision === null) return 0;
  return decision === "met" ? 1 : decision === "unmet" ? 2 : 3;
}

const STATUS_BY_RESPONSE_CODE: readonly LeafStatus[] = Array.from(
  { length: 1 + 4 * DECISIONS.length },
  (_, code) =>
    code === 0 ? "no_decision" : leafStatus(DECISIONS[(code - 1) >> 2], DECISIONS[(code - 1) & 3]),
);

/** The status of a leaf by its `responseCode` (0 without a response). */
export function responseStatus(code: number): LeafStatus {
  return STATUS_BY_RESPONSE_CODE[code];
}

/** Met and Considered pass; Unmet and a missing decision do not. */
export function statusPasses(status: LeafStatus): boolean {
  return status === "met" || status === "considered";
}

/** Considered is only allowed on leaves that carry a consideration rule. */
export function assertConsiderationAllowed(
  leaf: CatalogLeaf,
  response: Decisions,
  at: string,
): void {
  if (leaf.hasConsiderationRule) return;
  for (const field of ["decision", "override"] as const) {
    if (response[field] === "considered") {
      throw new ClassifierInputError(
        `${at}.${field}`,
        `Considered is not allowed on ${leaf.code}: it has no consideration rule`,
      );
    }
  }
}
