// GET: one CSV line per mask with the editor's telemetry (clicks, seconds,
// tools), streamed. Managers of the project and admins only.
import { streamMaskTelemetry } from "@/server/analytics/stream-mask-telemetry";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const lines = await streamMaskTelemetry({ actor, projectId });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="masks-${projectId}.csv"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  });
}
