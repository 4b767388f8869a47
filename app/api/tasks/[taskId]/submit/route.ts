// POST /api/tasks/<taskId>/submit[?next=0][&batch=<batchId>: the next image from that batch] -> 200 { task, reviewTask, reviewed, next: { task, resumed, path } }
//   The annotate task goes to review, or, where the project reviews only a sample and this hand-in
//   was not drawn, is accepted at once (reviewed false, reviewTask null); unless next=0 the actor's
//   next image is claimed at once.
//   409 the lease is lost or the task is not in progress
import { withActor } from "@/server/http/route-handler";
import { submitTask } from "@/server/tasks/submit-task";
import { claimResponse } from "@/server/tasks/task-summary";
import { readBatchFocus } from "@/server/tasks/read-batch-focus";

export const runtime = "nodejs";

type Context = { params: Promise<{ taskId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    const claimNext = new URL(request.url).searchParams.get("next") !== "0";
    const batchId = readBatchFocus(request);
    const result = await submitTask({ actor, taskId, claimNext, batchId });
    return Response.json({ task: result.task, reviewTask: result.reviewTask, reviewed: result.reviewed, next: claimResponse(result.next, batchId) });
  });
}
