// DELETE → 200 { userId }: removes the member (their leases on the project's images end) | 403 | 404
import { withActor } from "@/server/http/route-handler";
import { removeProjectMember } from "@/server/projects/remove-project-member";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ projectId: string; userId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId, userId } = await params;
    await removeProjectMember({ actor, input: { projectId, userId } });
    return Response.json({ userId });
  });
}
