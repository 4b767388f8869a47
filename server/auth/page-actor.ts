// Resolving the actor in server components and server actions, where the
// request headers come from next/headers.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readBearerToken } from "../api-tokens/api-token-secret";
import { findActor, type Actor } from "./actor";

/** Pages and server actions are for browser sessions: an API token (and its limits) only works on /api routes. */
export async function currentActor(): Promise<Actor | null> {
  const requestHeaders = await headers();
  if (readBearerToken(requestHeaders).kind !== "none") return null;
  return findActor(requestHeaders);
}

/** For pages: a signed-out visitor is sent to the login page. */
export async function pageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
