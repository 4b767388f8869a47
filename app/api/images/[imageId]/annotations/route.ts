// GET  /api/images/<imageId>/annotations -> 200 { annotations: AnnotationDto[] } (live objects, display order)
// POST /api/images/<imageId>/annotations  body: createAnnotationInput
//   201 AnnotationDto (created) | 200 AnnotationDto (same id and content: a retried create)
//   400 validation (RLE size must equal the image size, label must be the project's)
//   404 unknown image or not a member | 409 { error: { details: { current } } } the id holds other content
import { createAnnotationInput } from "@/lib/schemas/annotations";
import { createAnnotation } from "@/server/annotations/create-annotation";
import { listImageAnnotations } from "@/server/annotations/list-image-annotations";
import { readJsonBody } from "@/server/annotations/read-json-body";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ imageId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { imageId } = await params;
    const annotations = await listImageAnnotations({ actor, imageId });
    return Response.json({ annotations }, { headers: { "Cache-Control": "no-store" } });
  });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { imageId } = await params;
    const input = createAnnotationInput.parse(await readJsonBody({ request }));
    const result = await createAnnotation({ actor, imageId, input });
    return Response.json(result.annotation, { status: result.status === "created" ? 201 : 200 });
  });
}
