// GET /api/tasks/<taskId> -> 200 TaskDetails (task, image, assignee, heldByMe) | 404
import { withActor } from "@/server/http/route-handler";
import { getTask } from "@/server/tasks/get-task";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ taskId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    return Response.json(await getTask({ actor, taskId }), { headers: { "Cache-Control": "no-store" } });
  });
}
