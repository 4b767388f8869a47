// Thin wrapper for Next route handlers: resolves the actor, runs one server
// function and maps AppError (and zod errors) to a JSON error response.
import { ZodError } from "zod";
import { describeZodError } from "@/lib/schemas/describe-zod-error";
import { AppError, isAppError } from "../errors/app-error";
import { requireActor, type Actor } from "../auth/actor";

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, details: error.details } } satisfies ErrorBody, {
      status: error.status,
    });
  }
  if (error instanceof ZodError) {
    return Response.json({ error: { code: "bad_request", message: describeZodError(error) } } satisfies ErrorBody, { status: 400 });
  }
  console.error("[route] unexpected error", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on the server." } } satisfies ErrorBody, {
    status: 500,
  });
}

/** Runs `fn` with the signed-in actor; any thrown error becomes a JSON error response. */
export async function withActor(request: Request, fn: (actor: Actor) => Promise<Response>): Promise<Response> {
  try {
    const actor = await requireActor(request.headers);
    if (actor.tokenReadOnly && request.method !== "GET" && request.method !== "HEAD") {
      throw new AppError("forbidden", `This API token is read-only: it may not ${request.method} ${new URL(request.url).pathname}.`);
    }
    return await fn(actor);
  } catch (error) {
    return errorResponse(error);
  }
}
