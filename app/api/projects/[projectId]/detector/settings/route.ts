// PATCH: change pre-fill / detector settings (JSON body:
// lib/schemas/detector updateDetectorSettingsInput, partial); answers the
// full settings. Managers of the project and admins only.
import { updateDetectorSettingsInput } from "@/lib/schemas/detector";
import { AppError } from "@/server/errors/app-error";
import { withActor } from "@/server/http/route-handler";
import { updatePrefillSettings } from "@/server/prefill/update-prefill-settings";

export const runtime = "nodejs";

type Context = { params: Promise<{ projectId: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const body: unknown = await request.json().catch(() => {
      throw new AppError("bad_request", "Send the settings as a JSON body.");
    });
    const input = updateDetectorSettingsInput.parse(body);
    return Response.json(await updatePrefillSettings({ actor, projectId, input }));
  });
}
