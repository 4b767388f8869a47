// POST (multipart/form-data, field "dataset"): mask PNGs as one zip, imported as
// pre-labels. Managers only. Layouts: this project's PNG export (masks/*_instances.png +
// masks/*.json + masks/classes.json) or Pascal VOC / CVAT "Segmentation mask 1.1"
// (SegmentationClass/, optional SegmentationObject/, labelmap.txt, JPEGImages/).
// Pictures not in the zip are matched among the project's images. 201 +
// CocoImportResult & { format, layout, objectsWithoutClass }; a bad file is a 4xx
// naming it, and nothing is imported.
import { withActor } from "@/server/http/route-handler";
import { importPngMasksUpload } from "@/server/png-import/import-png-masks-upload";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await importPngMasksUpload({ actor, projectId, request }), { status: 201 });
  });
}
