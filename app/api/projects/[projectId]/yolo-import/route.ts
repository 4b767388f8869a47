// POST (multipart/form-data, field "dataset"): a YOLO segmentation dataset as
// one zip (images + labels/*.txt + classes.txt or data.yaml), imported as
// pre-labels. Managers only. 201 + CocoImportResult & { format, emptyPolygons };
// a bad file is a 4xx naming the file and line, and nothing is imported.
import { withActor } from "@/server/http/route-handler";
import { importYoloUpload } from "@/server/yolo-import/import-yolo-upload";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await importYoloUpload({ actor, projectId, request }), { status: 201 });
  });
}
