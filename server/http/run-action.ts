// Shared envelope for server actions: resolve the actor, run one server
// function, turn expected failures into a message the form can show.
import { ZodError } from "zod";
import { isAppError } from "../errors/app-error";
import type { Actor } from "../auth/actor";
import { currentActor } from "../auth/page-actor";

export type ActionResult<T = null> = { ok: true; data: T } | { ok: false; error: string };

export async function runAction<T>(fn: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await currentActor();
    if (!actor) return { ok: false, error: "Your session has ended: sign in again." };
    return { ok: true, data: await fn(actor) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message };
    if (error instanceof ZodError) return { ok: false, error: error.issues.map((issue) => issue.message).join("; ") };
    console.error("[action] unexpected error", error);
    return { ok: false, error: "Something went wrong on the server. Try again." };
  }
}
