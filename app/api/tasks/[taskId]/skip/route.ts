// POST /api/tasks/<taskId>/skip[?next=0][&batch=<batchId>]  body: { reason } -> 200 { task, next: { task, resumed, path } }
//   400 no reason | 409 the lease is lost
import { skipTaskInput } from "@/lib/schemas/tasks";
import { withActor } from "@/server/http/route-handler";
import { readTaskJson } from "@/server/tasks/read-task-json";
import { skipTask } from "@/server/tasks/skip-task";
import { claimResponse } from "@/server/tasks/task-summary";
import { readBatchFocus } from "@/server/tasks/read-batch-focus";

export const runtime = "nodejs";

type Context = { params: Promise<{ taskId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    const input = skipTaskInput.parse(await readTaskJson({ request }));
    const claimNext = new URL(request.url).searchParams.get("next") !== "0";
    const batchId = readBatchFocus(request);
    const result = await skipTask({ actor, taskId, input, claimNext, batchId });
    return Response.json({ task: result.task, next: claimResponse(result.next, batchId) });
  });
}
