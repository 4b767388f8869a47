// POST /api/images/<id>/review-request: a project manager sends an accepted image (back) to review,
// e.g. one that review sampling accepted without a review.
//   200 { annotate, review } (the annotate task submitted again, the review task waiting) | 403 not a manager
//   404 unknown or not a member | 409 the image is not accepted (still being labelled, or already waiting for review)
import { withActor } from "@/server/http/route-handler";
import { requestReview } from "@/server/reviews/request-review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ imageId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => {
    const { imageId } = await params;
    return Response.json(await requestReview({ actor, imageId }));
  });
}
