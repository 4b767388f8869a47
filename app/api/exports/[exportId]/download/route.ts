// GET: the finished export's zip, streamed from disk (managers and admins only).
import { exportIdParam } from "@/lib/schemas/exports";
import { openExportDownload } from "@/server/exports/open-export-download";
import { withActor } from "@/server/http/route-handler";

export const runtime = "nodejs";

type Context = { params: Promise<{ exportId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const exportId = exportIdParam.parse((await params).exportId);
    const download = await openExportDownload({ actor, exportId });
    return new Response(download.stream, {
      headers: {
        "content-type": "application/zip",
        "content-length": String(download.byteSize),
        "content-disposition": `attachment; filename="${download.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  });
}
