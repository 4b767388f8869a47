// Resolving the actor in server components and server actions, where the
// request headers come from next/headers.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { findActor, type Actor } from "./actor";

export async function currentActor(): Promise<Actor | null> {
  return findActor(await headers());
}

/** For pages: a signed-out visitor is sent to the login page. */
export async function pageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
