// POST /api/projects/<id>/images/spot-check with JSON { count, annotatorId? }: a manager sends `count` images
// that review sampling accepted without review, drawn at random (only that annotator's, when given), to review.
//   200 { projectId, requested: [{ imageId, annotate, review }], available } (available: how many there were to draw from;
//   fewer than count are sent when fewer wait) | 400 bad count | 403 not a manager | 404 unknown annotator
//   409 nothing accepted without review
import { spotCheckInput } from "@/lib/schemas/images";
import { withActor } from "@/server/http/route-handler";
import { spotCheckImages } from "@/server/reviews/spot-check-images";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = spotCheckInput.parse(await readTaskJson({ request }));
    return Response.json(await spotCheckImages({ actor, projectId, ...input }));
  });
}
