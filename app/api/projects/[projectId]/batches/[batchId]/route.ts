// PATCH /api/projects/<projectId>/batches/<batchId>  body: { name?, priority?, reviewerIds?: string[] (or reviewerId?: string | null),
//   dueOn?: "YYYY-MM-DD" | null }
//   -> 200 { id, name, priority, reviewerIds, dueOn } (managers; the batch's waiting reviews are dealt out to the new reviewers
//   in turn, [] = any reviewer)
//   | 400 the reviewer is not an active reviewer or manager of the project / a malformed or past due date
import { updateBatchInput } from "@/lib/schemas/tasks";
import { updateBatch } from "@/server/batches/update-batch";
import { withActor } from "@/server/http/route-handler";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string; batchId: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId, batchId } = await params;
    const input = updateBatchInput.parse(await readTaskJson({ request }));
    return Response.json(await updateBatch({ actor, projectId, batchId, input }));
  });
}
