// POST: queue pre-fill jobs (JSON body optional: { imageIds?: string[] };
// without it every image nobody has started) -> 202 { queued }.
// GET: pre-fill outcome counts per image and for the project, and the
// images whose pre-fill job is still queued or running ({ queue }).
// Managers of the project and admins only.
import { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { withActor } from "@/server/http/route-handler";
import { getPrefillOutcomes } from "@/server/prefill/get-prefill-outcomes";
import { startProjectPrefill } from "@/server/prefill/start-project-prefill";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

const startInput = z.object({ imageIds: z.array(z.string().min(1).max(64)).min(1).max(10_000).optional() });

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const text = await request.text();
    let body: unknown = {};
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError("bad_request", "Send the pre-fill options as a JSON body.");
      }
    }
    const input = startInput.parse(body);
    return Response.json(await startProjectPrefill({ actor, projectId, imageIds: input.imageIds }), { status: 202 });
  });
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await getPrefillOutcomes({ actor, projectId }));
  });
}
