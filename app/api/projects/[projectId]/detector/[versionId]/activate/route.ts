// POST: make a trained detector version the project's pre-fill detector.
// Managers of the project and admins only (403 otherwise); 409 for a
// version that is still training or failed.
import { activateDetectorVersion } from "@/server/detector/activate-detector-version";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string; versionId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId, versionId } = await params;
    return Response.json(await activateDetectorVersion({ actor, projectId, versionId }));
  });
}
