// GET: the editor's pre-fill layer for one image (live pre-filled masks with
// their provenance; server/prefill/list-prefill-annotations.ts). Any member
// of the project.
import { AppError } from "@/server/errors/app-error";
import { db } from "@/server/db/client";
import { withActor } from "@/server/http/route-handler";
import { listPrefillAnnotations } from "@/server/prefill/list-prefill-annotations";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string; imageId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId, imageId } = await params;
    const items = await listPrefillAnnotations({ actor, imageId });
    // The path names the project: an image of another project is not found here.
    const image = await db().image.findUnique({ where: { id: imageId }, select: { projectId: true } });
    if (image?.projectId !== projectId) throw new AppError("not_found", "Image not found.");
    return Response.json({ items });
  });
}
