// POST { intoLabelClassId }: every mask of this class takes the other class's label (keeping
// the attribute values it defines), then this class is deleted; managers only.
// 200 { masks, into: { id, name } } | 400 | 403 | 404 either class not in the project.
import { z } from "zod";
import { mergeLabelClassInput } from "@/lib/schemas/projects";
import { withActor } from "@/server/http/route-handler";
import { mergeLabelClass } from "@/server/projects/merge-label-class";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string; labelClassId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId, labelClassId } = await params;
    const body = z.record(z.string(), z.unknown()).parse(await readTaskJson({ request }));
    const input = mergeLabelClassInput.parse({ ...body, projectId, labelClassId });
    return Response.json(await mergeLabelClass({ actor, input }));
  });
}
