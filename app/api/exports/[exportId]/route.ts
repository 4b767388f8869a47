// GET: one export's status and progress (the export page polls this while an export runs).
import { exportIdParam } from "@/lib/schemas/exports";
import { getExport } from "@/server/exports/get-export";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ exportId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const exportId = exportIdParam.parse((await params).exportId);
    return Response.json(await getExport({ actor, exportId }), { headers: { "cache-control": "no-store" } });
  });
}
