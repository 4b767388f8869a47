// GET: the project's detector versions (newest first), settings and whether
// the caller may manage them; any project member.
// POST: start training a new version -> 202 + the version (status
// "training"); managers of the project and admins only (403 otherwise).
import { listDetectorVersions } from "@/server/detector/list-detector-versions";
import { startDetectorTraining } from "@/server/detector/start-detector-training";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await listDetectorVersions({ actor, projectId }));
  });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await startDetectorTraining({ actor, projectId }), { status: 202 });
  });
}
