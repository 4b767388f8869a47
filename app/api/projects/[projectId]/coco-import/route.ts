// POST (multipart/form-data): import a COCO instances JSON ("annotations")
// as pre-labels, with its images as a zip ("images") or, for admins, a
// folder under the import root ("folder"). 201 + CocoImportResult; any bad
// input is a 4xx with error.details.reason, and nothing is imported.
import { importCocoUpload } from "@/server/coco-import/import-coco-upload";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await importCocoUpload({ actor, projectId, request }), { status: 201 });
  });
}
