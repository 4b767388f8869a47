// "Send test": a ping to one webhook, through the same queue, signature and
// retries as real events, so it shows whether the receiver is set up right.
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { queueWebhookEvent } from "./queue-webhook-event";
import { requireWebhookManager } from "./require-webhook-manager";

export async function sendTestWebhook(options: { actor: Actor; projectId: string; webhookId: string }): Promise<{ queued: number }> {
  const { actor, projectId, webhookId } = options;
  return db().$transaction(async (tx) => {
    const webhook = (await requireWebhookManager({ actor, projectId, webhookId, action: "test webhooks", tx }))!;
    if (!webhook.active) throw new AppError("conflict", "This webhook is paused: resume it before sending a test.");
    const queued = await queueWebhookEvent({ tx, projectId, event: "ping", webhookIds: [webhookId], data: { message: "A test from Maskwright.", sentBy: { id: actor.id, name: actor.name } } });
    return { queued };
  });
}
