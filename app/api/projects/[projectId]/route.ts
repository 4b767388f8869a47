// DELETE /api/projects/<id> with JSON { confirmName }: a manager of the project
// (or an admin) deletes it with everything in it.
//   200 { projectId, name, images, masks } | 400 name not typed right | 401 | 403 not a manager
//   404 unknown or not a member | 409 someone holds one of its images under a live lease
import { deleteProjectInput } from "@/lib/schemas/projects";
import { AppError } from "@/server/errors/app-error";
import { withActor } from "@/server/http/route-handler";
import { deleteProject } from "@/server/projects/delete-project";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new AppError("bad_request", 'Send { "confirmName": "<the project\'s name>" } as a JSON body.');
    }
    const input = deleteProjectInput.parse({ ...(typeof body === "object" && body !== null ? body : {}), projectId });
    return Response.json(await deleteProject({ actor, projectId: input.projectId, confirmName: input.confirmName }));
  });
}
