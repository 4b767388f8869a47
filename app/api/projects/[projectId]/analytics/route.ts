// GET ?days=7|30|90: the project's analytics (stages, throughput per day,
// label classes, tools, review, quality from review). Managers of the project and admins only.
import { analyticsQuery } from "@/lib/schemas/analytics";
import { getProjectAnalytics } from "@/server/analytics/get-project-analytics";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const days = new URL(request.url).searchParams.get("days") ?? undefined;
    const query = analyticsQuery.parse({ days });
    return Response.json(await getProjectAnalytics({ actor, projectId, days: query.days }), { headers: { "cache-control": "private, no-store" } });
  });
}
