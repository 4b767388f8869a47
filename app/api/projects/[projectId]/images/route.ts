// POST: upload one image (multipart/form-data, field "file"); the browser
// sends one request per file, in parallel, to show per-file progress.
// GET: a page of the project's images (?page=1&pageSize=50), narrowed like the Images tab by
// status, q (file name), label (a label class id, or "none": a mask without a label),
// annotator (a user id: holds or last handed in the annotate task), attr (an image attribute's value,
// "name=value", yes / no for yes/no ones), issue (a dataset check) and ordered by sort.
import { deleteImagesInput, listImagesQuery } from "@/lib/schemas/images";
import { withActor } from "@/server/http/route-handler";
import { importUploadedImage } from "@/server/images/import-uploaded-image";
import { listProjectImages } from "@/server/images/list-project-images";
import { deleteImages } from "@/server/images/delete-images";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const result = await importUploadedImage({ actor, projectId, request });
    return Response.json(result, { status: result.status === "imported" ? 201 : 200 });
  });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const query = listImagesQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listProjectImages({ actor, projectId, ...query }));
  });
}

// DELETE with JSON { imageIds }: a manager deletes the selected images with their tasks and masks, all or
// none. 200 { projectId, deleted: [{ imageId, fileName, masks }], missingIds } | 400 | 403 | 404 none found
// | 409 someone holds one of them under a live lease (named).
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = deleteImagesInput.parse(await readTaskJson({ request }));
    return Response.json(await deleteImages({ actor, projectId, imageIds: input.imageIds }));
  });
}
