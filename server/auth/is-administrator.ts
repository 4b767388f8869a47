// An administrator acting as one: a token of theirs limited to a project role
// (annotator / reviewer) does not, so admin-only actions refuse it.
import type { Actor } from "./actor";

export function isAdministrator(actor: Actor): boolean {
  return actor.role === "admin" && !actor.tokenProjectRole;
}
