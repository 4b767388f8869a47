// PUT { attributes: { name: value }, taskId? } → 200 { imageId, attributes } (the values kept)
//   400 a value of the wrong kind (named) | 404 | 409 the lease on the image is lost
import { setImageAttributesInput } from "@/lib/schemas/label-attributes";
import { withActor } from "@/server/http/route-handler";
import { setImageAttributes } from "@/server/images/set-image-attributes";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ imageId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { imageId } = await params;
    const input = setImageAttributesInput.parse(await readTaskJson({ request }));
    return Response.json(await setImageAttributes({ actor, imageId, values: input.attributes, taskId: input.taskId }));
  });
}
