// GET /api/models/<modelId>/decoder[?v=<sha256>]: the SAM decoder ONNX file
// for the browser (the multimask variant when built, else the shipped one),
// for any signed-in user. ETag is the file's sha256 from the manifest. With
// ?v= naming that sha256 the URL pins the bytes, so the answer is cached for
// a year; without it (or with a stale v) clients revalidate every time.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { ifNoneMatchHits } from "@/server/http/etag-match";
import { withActor } from "@/server/http/route-handler";
import { resolveBrowserDecoder } from "@/server/sam/browser-decoder-file";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ modelId: string }> }): Promise<Response> {
  const { modelId } = await context.params;
  return withActor(request, async () => {
    const decoder = await resolveBrowserDecoder({ modelId });
    const etag = `"${decoder.sha256}"`;
    const pinned = new URL(request.url).searchParams.get("v") === decoder.sha256;
    const headers: Record<string, string> = {
      ETag: etag,
      "Cache-Control": pinned ? "private, max-age=31536000, immutable" : "private, no-cache",
      "X-Maskwright-Decoder-Variant": decoder.variant,
    };
    if (ifNoneMatchHits(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    const { size } = await stat(decoder.filePath);
    // Node's web-stream type and the DOM one are the same object at runtime.
    const body = Readable.toWeb(createReadStream(decoder.filePath)) as unknown as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: { ...headers, "Content-Type": "application/octet-stream", "Content-Length": String(size) },
    });
  });
}
