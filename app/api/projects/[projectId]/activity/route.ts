// GET ?kind=&userId=&page=: the project's activity log, newest first, 50 a page.
// Managers of the project and admins only.
import { activityQuery } from "@/lib/schemas/activity";
import { listProjectActivity } from "@/server/audit/list-project-activity";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const search = new URL(request.url).searchParams;
    const query = activityQuery.parse({ kind: search.get("kind") ?? undefined, userId: search.get("userId") ?? undefined, page: search.get("page") ?? undefined });
    return Response.json(await listProjectActivity({ actor, projectId, query }), { headers: { "cache-control": "private, no-store" } });
  });
}
