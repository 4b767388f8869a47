// POST (multipart/form-data): a Label Studio "JSON" export in the field "annotations", the pictures as a zip in
// "images" (optional when they are in the project already; Label Studio's upload prefix is ignored when matching),
// imported as pre-labels. Managers only. Brush masks and polygons come in with their first label; other results are
// counted and left out. 201 + CocoImportResult & { format: "label-studio", tasksWithoutMasks, skippedResults }; a bad
// file is a 4xx naming the task, and nothing is imported.
import { withActor } from "@/server/http/route-handler";
import { importLabelStudioUpload } from "@/server/label-studio-import/import-label-studio-upload";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await importLabelStudioUpload({ actor, projectId, request }), { status: 201 });
  });
}
