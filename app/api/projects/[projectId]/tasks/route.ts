// GET /api/projects/<projectId>/tasks?batchId=&stage=annotate&status=&page=1&pageSize=100 (managers)
//   200 { total, page, pageSize, items: [{ id, imageId, batchId, stage, status, assigneeId, lastAnnotatorId, leaseExpiresAt, skipReason, attempts, updatedAt, image: { fileName } }] }
import { listTasksQuery } from "@/lib/schemas/tasks";
import { listBatchTasks } from "@/server/batches/list-batch-tasks";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const query = listTasksQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listBatchTasks({ actor, projectId, query }), { headers: { "Cache-Control": "no-store" } });
  });
}
