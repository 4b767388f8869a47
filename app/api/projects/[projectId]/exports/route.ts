// POST: start an export (JSON body: lib/schemas/exports startExportInput) -> 202 + ExportSummary.
// GET: the project's exports, newest first (expired ones swept first).
// Managers of the project and admins only; annotators and reviewers get 403.
import { startExportInput } from "@/lib/schemas/exports";
import { startExport } from "@/server/exports/start-export";
import { listExports } from "@/server/exports/list-exports";
import { AppError } from "@/server/errors/app-error";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const body: unknown = await request.json().catch(() => {
      throw new AppError("bad_request", "Send the export options as a JSON body.");
    });
    const input = startExportInput.parse(body);
    return Response.json(await startExport({ actor, projectId, input }), { status: 202 });
  });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json({ items: await listExports({ actor, projectId }) });
  });
}
