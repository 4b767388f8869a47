// A project's outgoing webhooks (its managers and admins only).
// GET  → 200 { webhooks: WebhookDto[] } (each with its 10 latest deliveries)
// POST { url, events: ["task.submitted" | "review.accepted" | "review.rejected" | "export.finished" | "detector.trained"
//   | "batch.due_soon" | "batch.overdue"] }
//      → 201 { webhook, secret } (the signing secret is shown this once) | 400 naming the bad field / too many webhooks
import { createWebhookInput } from "@/lib/schemas/webhooks";
import { withActor } from "@/server/http/route-handler";
import { readTaskJson } from "@/server/tasks/read-task-json";
import { createWebhook } from "@/server/webhooks/create-webhook";
import { listWebhooks } from "@/server/webhooks/list-webhooks";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => Response.json({ webhooks: await listWebhooks({ actor, projectId: (await params).projectId }) }));
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => {
    const { projectId } = await params;
    const input = createWebhookInput.parse(await readTaskJson({ request }));
    return Response.json(await createWebhook({ actor, projectId, input }), { status: 201, headers: { "cache-control": "no-store" } });
  });
}
