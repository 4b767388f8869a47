// GET /api/projects/<projectId>/tasks/queue -> 200 QueueSummary (what waits for the actor, what they hold)
import { withActor } from "@/server/http/route-handler";
import { getQueueSummary } from "@/server/tasks/get-queue-summary";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await getQueueSummary({ actor, projectId }), { headers: { "Cache-Control": "no-store" } });
  });
}
