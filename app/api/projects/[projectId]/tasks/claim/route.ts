// POST /api/projects/<projectId>/tasks/claim  body: { stage?: "annotate" | "review" (default annotate), batchId? (that batch only) }
//   200 { task, resumed, path } — the next image under a fresh lease (or the one already held: resumed)
//   200 { task: null, resumed: false, path: null } — nothing left in the actor's queue
//   403 role may not work this queue | 404 not a member
import { claimTaskInput } from "@/lib/schemas/tasks";
import { withActor } from "@/server/http/route-handler";
import { claimNextTask } from "@/server/tasks/claim-next-task";
import { readTaskJson } from "@/server/tasks/read-task-json";
import { claimResponse } from "@/server/tasks/task-summary";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = claimTaskInput.parse(await readTaskJson({ request }));
    return Response.json(claimResponse(await claimNextTask({ actor, projectId, input }), input.batchId));
  });
}
