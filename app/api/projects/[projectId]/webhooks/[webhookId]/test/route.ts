// POST → 202 { queued: 1 }: a signed "ping" to this webhook | 409 paused
import { withActor } from "@/server/http/route-handler";
import { sendTestWebhook } from "@/server/webhooks/send-test-webhook";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ projectId: string; webhookId: string }> }): Promise<Response> {
  return withActor(request, async (actor) => Response.json(await sendTestWebhook({ actor, ...(await params) }), { status: 202 }));
}
