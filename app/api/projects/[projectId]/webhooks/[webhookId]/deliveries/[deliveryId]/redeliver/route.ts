// POST → 202 { deliveryId }: send a delivered or given-up delivery again | 404 | 409 still waiting or paused
import { withActor } from "@/server/http/route-handler";
import { redeliverWebhookDelivery } from "@/server/webhooks/redeliver-webhook-delivery";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string; webhookId: string; deliveryId: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  return withActor(request, async (actor) => Response.json(await redeliverWebhookDelivery({ actor, ...(await params) }), { status: 202 }));
}
