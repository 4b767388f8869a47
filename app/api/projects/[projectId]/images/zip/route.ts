// POST (multipart/form-data, field "archive"): a zip of images, each imported like
// a single upload (checked, duplicates skipped), one failing file not stopping the
// rest. Managers only. 200 { archive, results: [{ path, status, imageId | error }],
// imported, duplicates, failed, skipped } | 400 no images in it, or a damaged /
// hostile zip (zip slip, links) | 413 over the upload size limit.
import { withActor } from "@/server/http/route-handler";
import { importImageZip } from "@/server/images/import-image-zip";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await importImageZip({ actor, projectId, request }));
  });
}
