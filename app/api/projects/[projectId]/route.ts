// GET /api/projects/<id>: the project's settings, for any member.
//   200 { id, name, description, instructions, modelId, imageAttributes, role, handInRules, reviewSampling (managers only),
//   createdAt, updatedAt } | 401 | 404 unknown or not a member
// PATCH /api/projects/<id> with JSON { name?, description?, instructions?, handInRules?: { requireLabels?, requireImageAttributes?,
// minMasks? }, reviewSampling?: { percent?, firstHandIns?, trustAt? } }: a manager changes what it names; the rest stays.
//   200 (as GET) | 400 a bad value or an unknown key, named | 401 | 403 not a manager | 404 unknown or not a member
// DELETE /api/projects/<id> with JSON { confirmName }: a manager of the project
// (or an admin) deletes it with everything in it.
//   200 { projectId, name, images, masks } | 400 name not typed right | 401 | 403 not a manager
//   404 unknown or not a member | 409 someone holds one of its images under a live lease
import { deleteProjectInput, patchProjectBody } from "@/lib/schemas/projects";
import { AppError } from "@/server/errors/app-error";
import { withActor } from "@/server/http/route-handler";
import { deleteProject } from "@/server/projects/delete-project";
import { readProjectSettings } from "@/server/projects/read-project-settings";
import { updateProject } from "@/server/projects/update-project";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await readProjectSettings({ actor, projectId }));
  });
}

export async function PATCH(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const change = patchProjectBody.parse(await readTaskJson({ request }));
    await updateProject({ actor, input: { ...change, projectId } });
    return Response.json(await readProjectSettings({ actor, projectId }));
  });
}

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
