import { ClassifierInputError } from "./errors.ts";
import type { CatalogLeaf, Decision, LeafResponse } from "./schema.ts";

/** §5 rule 3, leaf status: the MLGOO override wins over the validator's decision. */
export type LeafStatus = "met" | "unmet" | "considered" | "no_decision";

type Decisions = Pick<LeafResponse, "decision" | "override">;

export function leafStatus(decision: Decision | null, override: Decision | null): LeafStatus {
  return override ?? decision ?? "no_decision";
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
