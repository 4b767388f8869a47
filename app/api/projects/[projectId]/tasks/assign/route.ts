// POST /api/projects/<projectId>/tasks/assign (managers)
//   body: { batchId?, taskIds?, fromUserId?: string | null, assigneeId: string | null }  (null assignee: the pool)
//   200 { moved, notMovable } — only todo / rejected / skipped tasks move
import { assignTasksInput } from "@/lib/schemas/tasks";
import { assignTasks } from "@/server/batches/assign-tasks";
import { withActor } from "@/server/http/route-handler";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = assignTasksInput.parse(await readTaskJson({ request }));
    return Response.json(await assignTasks({ actor, projectId, input }));
  });
}
