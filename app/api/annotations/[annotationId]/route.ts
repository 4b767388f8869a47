// PATCH  /api/annotations/<id>  body: updateAnnotationInput ({ version, ...changes, taskId? })
//   200 AnnotationDto (version + 1) | 400 validation | 404 unknown or not a member
//   409 { error: { code: "conflict", details: { reason: "version_conflict", current: AnnotationDto } } }
// DELETE /api/annotations/<id>?version=<n>[&task=<taskId>]
//   200 AnnotationDto (deleted: true) | 404 | 409 as above
import { deleteAnnotationQuery, updateAnnotationInput } from "@/lib/schemas/annotations";
import { deleteAnnotation } from "@/server/annotations/delete-annotation";
import { readJsonBody } from "@/server/annotations/read-json-body";
import { updateAnnotation } from "@/server/annotations/update-annotation";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ annotationId: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { annotationId } = await params;
    const input = updateAnnotationInput.parse(await readJsonBody({ request }));
    return Response.json(await updateAnnotation({ actor, annotationId, input }));
  });
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { annotationId } = await params;
    const query = deleteAnnotationQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await deleteAnnotation({ actor, annotationId, version: query.version, taskId: query.task ?? null }));
  });
}
