// GET: the 320 px WebP thumbnail, for members of the image's project; 404
// with {error:{code:"not_found", details:{thumbnailReady:false}}} until the job has run.
import { withActor } from "@/server/http/route-handler";
import { imageFileResponse } from "@/server/images/image-file-response";
import { readImageFile } from "@/server/images/read-image-file";

export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ imageId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { imageId } = await params;
    return imageFileResponse({ request, file: await readImageFile({ actor, imageId, variant: "thumbnail" }) });
  });
}
