// GET: the dataset checks before export (managers): per issue (unlabelled, tiny, huge,
// duplicate, empty, near_duplicate) the masks and images that show it. 200 DatasetChecks | 403 | 404.
import { withActor } from "@/server/http/route-handler";
import { runDatasetChecks } from "@/server/quality/run-dataset-checks";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await runDatasetChecks({ actor, projectId }), { headers: { "cache-control": "no-store" } });
  });
}
