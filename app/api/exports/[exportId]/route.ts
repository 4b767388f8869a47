// GET: one export's status and progress (the export page polls this while an export runs).
// PATCH { keep: true | false }: keep a finished export (it no longer expires) or let it expire
// 7 days from now; managers only. 200 ExportSummary | 400 | 403 | 404 | 409 not finished (or expired).
import { exportIdParam, keepExportInput } from "@/lib/schemas/exports";
import { getExport } from "@/server/exports/get-export";
import { keepExport } from "@/server/exports/keep-export";
import { withActor } from "@/server/http/route-handler";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";

type Context = { params: Promise<{ exportId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const exportId = exportIdParam.parse((await params).exportId);
    return Response.json(await getExport({ actor, exportId }), { headers: { "cache-control": "no-store" } });
  });
}

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const exportId = exportIdParam.parse((await params).exportId);
    const input = keepExportInput.parse(await readTaskJson({ request }));
    return Response.json(await keepExport({ actor, exportId, keep: input.keep }));
  });
}
