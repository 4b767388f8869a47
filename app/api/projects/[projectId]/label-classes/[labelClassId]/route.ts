// PATCH { name?, color?, description?, attributes? } → 200 the class | 400 | 404 | 409 the name is taken
import { z } from "zod";
import { updateLabelClassInput } from "@/lib/schemas/projects";
import { withActor } from "@/server/http/route-handler";
import { updateLabelClass } from "@/server/projects/update-label-class";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ projectId: string; labelClassId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId, labelClassId } = await params;
    const body = z.record(z.string(), z.unknown()).parse(await readTaskJson({ request }));
    const input = updateLabelClassInput.parse({ ...body, projectId, labelClassId });
    const label = await updateLabelClass({ actor, input });
    return Response.json({ id: label.id, name: label.name, color: label.color, description: label.description, attributes: label.attributes });
  });
}
