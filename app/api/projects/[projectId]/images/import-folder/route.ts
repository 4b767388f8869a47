// POST {folder, recursive?}: admin-only import of a server folder under
// MASKWRIGHT_IMPORT_ROOT; answers with one result per file.
import { importFolderInput } from "@/lib/schemas/images";
import { AppError } from "@/server/errors/app-error";
import { withActor } from "@/server/http/route-handler";
import { importServerFolder } from "@/server/images/import-server-folder";

export const runtime = "nodejs";

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const body: unknown = await request.json().catch(() => {
      throw new AppError("bad_request", 'Send a JSON body like {"folder": "datasets/batch-1"}.');
    });
    const input = importFolderInput.parse(body);
    return Response.json(await importServerFolder({ actor, projectId, folder: input.folder, recursive: input.recursive }));
  });
}
