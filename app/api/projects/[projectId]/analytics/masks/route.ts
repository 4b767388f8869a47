// GET: one CSV line per mask with the editor's telemetry (clicks, seconds,
// tools), streamed. Managers of the project and admins only.
import { streamMaskTelemetry } from "@/server/analytics/stream-mask-telemetry";
import { csvResponse } from "@/server/http/csv-response";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return csvResponse(await streamMaskTelemetry({ actor, projectId }), `masks-${projectId}.csv`);
  });
}
