// GET: the image's live masks drawn at thumbnail size as a transparent PNG, in
// their labels' colours (the Images tab's "Show masks"), for members of the
// image's project. Revalidated on every view (ETag names what is drawn), so a
// changed mask shows at once and an unchanged one costs a 304.
import { withActor } from "@/server/http/route-handler";
import { renderMaskOverlay } from "@/server/images/render-mask-overlay";
import { matchesEtag } from "@/server/images/image-file-response";

export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ imageId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { imageId } = await params;
    const overlay = await renderMaskOverlay({ actor, imageId });
    const headers = new Headers({ "Cache-Control": "private, no-cache", ETag: overlay.etag, "X-Content-Type-Options": "nosniff" });
    if (matchesEtag(request.headers.get("if-none-match"), overlay.etag)) return new Response(null, { status: 304, headers });
    const png = await overlay.render();
    headers.set("Content-Type", "image/png");
    headers.set("Content-Length", String(png.length));
    return new Response(new Uint8Array(png), { status: 200, headers });
  });
}
