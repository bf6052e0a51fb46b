import type { z } from "zod";

/** Input the classifier refuses to judge; `field` names the offending path, e.g. `responses[3].decision`. */
export class ClassifierInputError extends Error {
  readonly code = "invalid_classifier_input";

  constructor(readonly field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = "ClassifierInputError";
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, segment) => {
    if (typeof segment === "number") return `${field}[${segment}]`;
    return field === "" ? String(segment) : `${field}.${String(segment)}`;
  }, "");
}

/** The first problem zod found, as a ClassifierInputError rooted at `root`. */
export function fromZodError(
  error: z.ZodError,
  root: readonly PropertyKey[] = [],
): ClassifierInputError {
  const issue = error.issues[0];
  return new ClassifierInputError(fieldPath([...root, ...issue.path]), issue.message);
}
