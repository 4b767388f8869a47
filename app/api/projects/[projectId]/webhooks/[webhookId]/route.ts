// PATCH { url?, events?, active? } → 200 WebhookDto | 400 | 404 not a webhook of this project
// DELETE → 200 { webhookId, url } (its delivery log goes with it)
import { updateWebhookInput } from "@/lib/schemas/webhooks";
import { withActor } from "@/server/http/route-handler";
import { readTaskJson } from "@/server/tasks/read-task-json";
import { deleteWebhook } from "@/server/webhooks/delete-webhook";
import { updateWebhook } from "@/server/webhooks/update-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string; webhookId: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId, webhookId } = await params;
    const input = updateWebhookInput.parse(await readTaskJson({ request }));
    return Response.json(await updateWebhook({ actor, projectId, webhookId, input }));
  });
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => Response.json(await deleteWebhook({ actor, ...(await params) })));
}
