// POST { email, role: "manager" | "annotator" | "reviewer" } → 201 { userId, role }: adds the user or changes their role
//   400 bad email / role, deactivated account | 403 not a manager | 404 no such user (an admin creates accounts)
import { addMemberInput } from "@/lib/schemas/projects";
import { withActor } from "@/server/http/route-handler";
import { addProjectMember } from "@/server/projects/add-project-member";
import { readTaskJson } from "@/server/tasks/read-task-json";
import { asRecord } from "@/lib/as-record";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = addMemberInput.parse({ ...asRecord(await readTaskJson({ request })), projectId });
    const membership = await addProjectMember({ actor, input });
    return Response.json({ userId: membership.userId, role: membership.role }, { status: 201 });
  });
}
