// GET /api/images/<imageId>/embedding: the compact SAM embedding (see
// lib/embedding/compact-embedding.ts) for the image's project model.
//   200 application/octet-stream, ETag "<modelId>:<sha256>", cached for a year
//   304 when If-None-Match matches
//   404 unknown image or not a member of its project
//   409 {error:{code:"embedding_not_ready", details:{status}}} while pending/running (poll)
//   422 {error:{code:"embedding_failed", details:{error}}} when the encoder failed
import { withActor, type ErrorBody } from "@/server/http/route-handler";
import { readImageEmbedding } from "@/server/sam/read-image-embedding";

export const dynamic = "force-dynamic";

const IMMUTABLE = "private, max-age=31536000, immutable";

function errorJson(status: number, body: ErrorBody): Response {
  // A status answer must never be cached in place of the bytes that come later.
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request, context: { params: Promise<{ imageId: string }> }): Promise<Response> {
  const { imageId } = await context.params;
  return withActor(request, async (actor) => {
    const result = await readImageEmbedding({ actor, imageId, ifNoneMatch: request.headers.get("if-none-match") });
    switch (result.kind) {
      case "not_modified":
        return new Response(null, { status: 304, headers: { ETag: result.etag, "Cache-Control": IMMUTABLE } });
      case "ready":
        return new Response(result.stream, {
          headers: {
            "Content-Type": "application/octet-stream",
            "Content-Length": String(result.byteSize),
            ETag: result.etag,
            "Cache-Control": IMMUTABLE,
            "X-Maskwright-Model": result.modelId,
          },
        });
      case "not_ready": {
        const response = errorJson(409, {
          error: {
            code: "embedding_not_ready",
            message: `The image embedding is not ready yet (${result.status}); try again shortly.`,
            details: { status: result.status, modelId: result.modelId },
          },
        });
        response.headers.set("Retry-After", "2");
        return response;
      }
      case "failed":
        return errorJson(422, {
          error: {
            code: "embedding_failed",
            message: `Computing the image embedding failed: ${result.error}`,
            details: { status: "failed", error: result.error, modelId: result.modelId },
          },
        });
    }
  });
}
