// GET /api/tasks/<taskId>/history -> 200 ImageHistory { image, entries: [{ at, actor, action, data, comments? }] }
import { withActor } from "@/server/http/route-handler";
import { getImageHistory } from "@/server/reviews/get-image-history";
import { findTaskForActor } from "@/server/tasks/find-task-for-actor";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ taskId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    const { task } = await findTaskForActor({ actor, taskId });
    return Response.json(await getImageHistory({ actor, imageId: task.imageId }), { headers: { "Cache-Control": "no-store" } });
  });
}
