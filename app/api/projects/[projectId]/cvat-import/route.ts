// POST (multipart/form-data, field "dataset"): a CVAT "CVAT for images 1.1" export as one zip
// (annotations.xml, plus images/ for pictures not in the project yet), imported as pre-labels.
// Managers only. Masks and polygons come in with their labels (new classes take CVAT's colours) and
// attribute values; boxes, lines, points, ellipses, cuboids, skeletons and tags are counted and left out.
// 201 + CocoImportResult & { format: "cvat", skippedShapes: { box: 3, ... } }; a bad file is a 4xx naming
// it (with the XML line), and nothing is imported.
import { withActor } from "@/server/http/route-handler";
import { importCvatUpload } from "@/server/cvat-import/import-cvat-upload";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await importCvatUpload({ actor, projectId, request }), { status: 201 });
  });
}
