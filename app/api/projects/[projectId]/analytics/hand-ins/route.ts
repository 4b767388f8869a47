// GET: one CSV line per hand-in compared with its accepted image (annotation
// quality from review), streamed. Managers of the project and admins only.
import { streamHandInQuality } from "@/server/analytics/stream-hand-in-quality";
import { csvResponse } from "@/server/http/csv-response";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return csvResponse(await streamHandInQuality({ actor, projectId }), `hand-ins-${projectId}.csv`);
  });
}
