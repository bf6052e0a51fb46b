import { ClassifierInputError } from "./errors.ts";
import { type CatalogLeaf, type Decision, decisionSchema, type LeafResponse } from "./schema.ts";

/** §5 rule 3, leaf status: the MLGOO override wins over the validator's decision. */
export type LeafStatus = "met" | "unmet" | "considered" | "no_decision";

type Decisions = Pick<LeafResponse, "decision" | "override">;

export function leafStatus(decision: Decision | null, override: Decision | null): LeafStatus {
  return override ?? decision ?? "no_decision";
}

/** A decision as a code: none, then the decisions in schema order (DECISIONS[code]). */
const DECISION_CODE = { none: 0, met: 1, unmet: 2, considered: 3 } as const;
const DECISIONS: readonly (Decision | null)[] = [null, ...decisionSchema.options];

/** The response code of a leaf without a response. */
const NO_RESPONSE = 0;

/**
 * A leaf's response as one number, as the reader keeps it and the canonical input encodes it:
 * `NO_RESPONSE`, else 1 + 4 × the decision's code + the override's code.
 */
export function responseCode(decision: Decision | null, override: Decision | null): number {
  return 1 + 4 * decisionCode(decision) + decisionCode(override);
}

function decisionCode(decision: Decision | null): number {
  if (decision === null) return DECISION_CODE.none;
  return decision === "met"
    ? DECISION_CODE.met
    : decision === "unmet"
    ? DECISION_CODE.unmet
    : DECISION_CODE.considered;
}

/** The decision and the override a response code holds. */
const decisionIn = (code: number) => DECISIONS[Math.floor((code - 1) / 4)];
const overrideIn = (code: number) => DECISIONS[(code - 1) % 4];

const STATUS_BY_RESPONSE_CODE: readonly LeafStatus[] = Array.from(
  { length: 1 + 4 * DECISIONS.length },
  (_, code) =>
    code === NO_RESPONSE ? "no_decision" : leafStatus(decisionIn(code), overrideIn(code)),
);

/** The status of a leaf by its `responseCode` (`NO_RESPONSE` without one). */
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
