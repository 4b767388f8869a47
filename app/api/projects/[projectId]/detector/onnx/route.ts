// GET: the user-supplied ONNX box detectors a manager may pick as the
// pre-fill proposal source (models/detectors/<name>.onnx). Managers of the
// project and admins only.
import { withActor } from "@/server/http/route-handler";
import { listProjectOnnxDetectors } from "@/server/prefill/list-project-onnx-detectors";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    return Response.json(await listProjectOnnxDetectors({ actor, projectId }));
  });
}
