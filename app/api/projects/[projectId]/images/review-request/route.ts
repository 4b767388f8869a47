// POST /api/projects/<id>/images/review-request with JSON { imageIds }: a manager sends the selected accepted
// images (back) to review, all or none (spot checks of images review sampling accepted without review).
//   200 { projectId, requested: [{ imageId, annotate, review }] } | 400 no or too many ids | 403 not a manager
//   404 an image is not in the project | 409 an image is not accepted (named; nothing is sent)
import { requestReviewInput } from "@/lib/schemas/images";
import { withActor } from "@/server/http/route-handler";
import { requestReviews } from "@/server/reviews/request-review";
import { readTaskJson } from "@/server/tasks/read-task-json";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = requestReviewInput.parse(await readTaskJson({ request }));
    return Response.json(await requestReviews({ actor, projectId, imageIds: input.imageIds }));
  });
}
