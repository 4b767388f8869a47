// GET /api/tasks/<taskId>/comments -> 200 { comments: OpenReviewComment[] } — the open rejection comments on the task's image
import { withActor } from "@/server/http/route-handler";
import { listOpenReviewComments } from "@/server/reviews/list-open-review-comments";
import { findTaskForActor } from "@/server/tasks/find-task-for-actor";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ taskId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    const { task } = await findTaskForActor({ actor, taskId });
    const comments = await listOpenReviewComments({ actor, imageId: task.imageId });
    return Response.json({ comments }, { headers: { "Cache-Control": "no-store" } });
  });
}
