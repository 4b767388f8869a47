// POST /api/tasks/<reviewTaskId>/review[?next=0][&batch=<batchId>]
//   body: { verdict: "accept", comment? } | { verdict: "reject", comments: [{ comment, annotationId?, pinX?, pinY? }] }
//   200 { review, annotate, next: { task, resumed, path } } — a rejected image returns to its annotator
//   400 not a review task / no comment / pin outside the image | 409 the review lease is lost
import { reviewTaskInput } from "@/lib/schemas/tasks";
import { withActor } from "@/server/http/route-handler";
import { acceptReview } from "@/server/reviews/accept-review";
import { rejectReview } from "@/server/reviews/reject-review";
import { readTaskJson } from "@/server/tasks/read-task-json";
import { claimResponse } from "@/server/tasks/task-summary";
import { readBatchFocus } from "@/server/tasks/read-batch-focus";

export const runtime = "nodejs";

type Context = { params: Promise<{ taskId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { taskId } = await params;
    const input = reviewTaskInput.parse(await readTaskJson({ request }));
    const claimNext = new URL(request.url).searchParams.get("next") !== "0";
    const batchId = readBatchFocus(request);
    const result =
      input.verdict === "accept"
        ? await acceptReview({ actor, taskId, comment: input.comment, claimNext, batchId })
        : await rejectReview({ actor, taskId, comments: input.comments, claimNext, batchId });
    return Response.json({ review: result.review, annotate: result.annotate, next: claimResponse(result.next, batchId) });
  });
}
