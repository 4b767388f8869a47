// GET → 200 { labelClasses: [{ id, name, color, description, position, attributes, maskCount }] } (any member)
// POST { labels: [{ name, color?: "#rrggbb", description?, attributes?: [{ name, type, options? }] }] }
//   → 201 { created: string[], skipped: string[] } (names the project already has are skipped) | 400 naming the field | 403 not a manager
import { createLabelClassesBody } from "@/lib/schemas/projects";
import { withActor } from "@/server/http/route-handler";
import { addLabelClasses } from "@/server/projects/add-label-classes";
import { listLabelClasses } from "@/server/projects/list-label-classes";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => Response.json({ labelClasses: await listLabelClasses({ actor, projectId: (await params).projectId }) }));
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const body = createLabelClassesBody.parse(await readTaskJson({ request }));
    return Response.json(await addLabelClasses({ actor, projectId, labels: body.labels }), { status: 201 });
  });
}
