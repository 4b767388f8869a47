// POST /api/tasks/<taskId>/release -> 200 TaskSummary (back in the pool) | 409 not held by the actor
import { withActor } from "@/server/http/route-handler";
import { releaseTask } from "@/server/tasks/release-task";

export const runtime = "nodejs";

type Context = { params: Promise<{ taskId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    return Response.json(await releaseTask({ actor, taskId }));
  });
}
