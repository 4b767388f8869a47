// DELETE /api/images/<id>: a project manager removes the image with its tasks and masks.
//   200 { imageId, projectId, fileName, masks } | 403 not a manager | 404 unknown or not a member
//   409 someone holds the image under a live lease
import { withActor } from "@/server/http/route-handler";
import { deleteImage } from "@/server/images/delete-image";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ imageId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { imageId } = await params;
    return Response.json(await deleteImage({ actor, imageId }));
  });
}
