// GET  /api/projects/<projectId>/batches -> 200 BatchOverview { unbatchedCount, batches: [{ reviewer, dueOn, counts, assignees }], members } (managers)
// POST /api/projects/<projectId>/batches  body: createBatchInput
//   { name, priority?, selection: { kind: "images", imageIds } | { kind: "first_unassigned", count }
//     | { kind: "filter", fileNameContains?, importedAfter?, importedBefore?, embedding?, limit? }, assigneeIds?: string[],
//     reviewerIds?: string[] (its hand-ins go to these reviewers' queues only, each to the one with the fewest open
//     reviews; empty = any reviewer; the older reviewerId?: string | null still works), dueOn?: "YYYY-MM-DD" | null }
//   201 { batch, taskCount, assigned, skippedImageIds } | 400 nothing matches / bad assignee / bad reviewer / a malformed or past due date
import { createBatchInput } from "@/lib/schemas/tasks";
import { createBatch } from "@/server/batches/create-batch";
import { listBatches } from "@/server/batches/list-batches";
import { withActor } from "@/server/http/route-handler";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await listBatches({ actor, projectId }), { headers: { "Cache-Control": "no-store" } });
  });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = createBatchInput.parse(await readTaskJson({ request }));
    return Response.json(await createBatch({ actor, projectId, input }), { status: 201 });
  });
}
