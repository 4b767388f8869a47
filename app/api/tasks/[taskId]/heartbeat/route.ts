// POST /api/tasks/<taskId>/heartbeat -> 200 { taskId, leaseExpiresAt } | 409 the lease is lost (work stays in the browser)
import { withActor } from "@/server/http/route-handler";
import { heartbeatTask } from "@/server/tasks/heartbeat-task";

export const runtime = "nodejs";

type Context = { params: Promise<{ taskId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    return Response.json(await heartbeatTask({ actor, taskId }));
  });
}
