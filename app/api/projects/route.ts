// GET: the projects the caller may see (admins: all), newest first, with their counts.
// POST { name, description? }: an admin or manager creates a project and becomes its manager → 201 { id, name }.
import { createProjectInput } from "@/lib/schemas/projects";
import { withActor } from "@/server/http/route-handler";
import { createProject } from "@/server/projects/create-project";
import { listProjects } from "@/server/projects/list-projects";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return withActor(request, async (actor) => Response.json({ projects: await listProjects({ actor }) }));
}

export async function POST(request: Request): Promise<Response> {
  return withActor(request, async (actor) => {
    const project = await createProject({ actor, input: createProjectInput.parse(await readTaskJson({ request })) });
    return Response.json({ id: project.id, name: project.name }, { status: 201 });
  });
}
