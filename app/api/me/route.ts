// GET: who the request acts as; the first call a script makes to check its token.
// 200 { id, email, name, role, via: "token" | "session", token?: { projectIds: string[] | null, readOnly, projectRole: "annotator" | "reviewer" | null } } (token: its limits, projectIds null = every project,
//   projectRole null = the owner's own roles) | 401 naming what is wrong with the token
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withActor(request, async (actor) =>
    Response.json({
      id: actor.id,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      via: actor.viaTokenId ? "token" : "session",
      ...(actor.viaTokenId ? { token: { projectIds: actor.tokenProjectIds ?? null, readOnly: actor.tokenReadOnly ?? false, projectRole: actor.tokenProjectRole ?? null } } : {}),
    }),
  );
}
