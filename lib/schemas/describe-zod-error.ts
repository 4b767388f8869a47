// One sentence naming every field that failed and why ("status: Invalid option ..."),
// the same wherever a bad input is reported (API 400s, pages, manifests).
import type { ZodError } from "zod";

export function describeZodError(error: ZodError, root = "input"): string {
  return error.issues.map((issue) => `${issue.path.join(".") || root}: ${issue.message}`).join("; ");
}
