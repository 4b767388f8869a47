// A manager removes a webhook with its delivery log; nothing more is sent to it.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { requireWebhookManager } from "./require-webhook-manager";

export async function deleteWebhook(options: { actor: Actor; projectId: string; webhookId: string }): Promise<{ webhookId: string; url: string }> {
  const { actor, projectId, webhookId } = options;
  return db().$transaction(async (tx) => {
    const webhook = (await requireWebhookManager({ actor, projectId, webhookId, action: "delete webhooks", tx }))!;
    await tx.webhook.delete({ where: { id: webhookId } });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "webhook.delete", targetType: "webhook", targetId: webhookId, data: { url: webhook.url } });
    return { webhookId, url: webhook.url };
  });
}
