// POST: upload one image (multipart/form-data, field "file"); the browser
// sends one request per file, in parallel, to show per-file progress.
// GET: a page of the project's images (?page=1&pageSize=50).
import { listImagesQuery } from "@/lib/schemas/images";
import { withActor } from "@/server/http/route-handler";
import { importUploadedImage } from "@/server/images/import-uploaded-image";
import { listProjectImages } from "@/server/images/list-project-images";

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
