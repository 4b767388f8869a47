// "Send again": a delivered or given-up delivery goes back in the queue with
// the same payload (and id, so a receiver that already has it can tell).
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { requireWebhookManager } from "./require-webhook-manager";

export async function redeliverWebhookDelivery(options: { actor: Actor; projectId: string; webhookId: string; deliveryId: string }): Promise<{ deliveryId: string }> {
  const { actor, projectId, webhookId, deliveryId } = options;
  return db().$transaction(async (tx) => {
    const webhook = (await requireWebhookManager({ actor, projectId, webhookId, action: "resend webhook deliveries", tx }))!;
    if (!webhook.active) throw new AppError("conflict", "This webhook is paused: resume it before sending again.");
    const delivery = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId }, select: { status: true } });
    if (!delivery) throw new AppError("not_found", "No such delivery for this webhook.");
    if (delivery.status === "pending") throw new AppError("conflict", "This delivery is still waiting to be sent.");
    await tx.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), error: null, responseStatus: null, deliveredAt: null } });
    return { deliveryId };
  });
}
