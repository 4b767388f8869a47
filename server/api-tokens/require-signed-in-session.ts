import type { Actor } from "../auth/actor";
import { AppError } from "../errors/app-error";

/**
 * Tokens are made and revoked by a person signed in with their password, never
 * by another token: a leaked token must not be able to mint its successors.
 */
export function requireSignedInSession(actor: Actor, action: string): void {
  if (actor.viaTokenId) throw new AppError("forbidden", `An API token may not ${action}; sign in with your password to do it.`);
}
