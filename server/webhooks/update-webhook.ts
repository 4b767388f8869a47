// A manager changes a webhook's URL or events, or pauses / resumes it. A
// paused webhook gets no new deliveries; ones already waiting are given up
// when their turn comes.
import { updateWebhookInput, type UpdateWebhookInput, type WebhookDto } from "@/lib/schemas/webhooks";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { checkWebhookDestination } from "./check-webhook-destination";
import { requireWebhookManager } from "./require-webhook-manager";
import { toWebhookDto, webhookSelect } from "./webhook-dto";

export async function updateWebhook(options: { actor: Actor; projectId: string; webhookId: string; input: UpdateWebhookInput }): Promise<WebhookDto> {
  const { actor, projectId, webhookId } = options;
  const input = updateWebhookInput.parse(options.input);
  if (input.url !== undefined) await checkWebhookDestination({ url: input.url });
  return db().$transaction(async (tx) => {
    await requireWebhookManager({ actor, projectId, webhookId, action: "change webhooks", tx });
    const row = await tx.webhook.update({ where: { id: webhookId }, data: { url: input.url, events: input.events, active: input.active }, select: webhookSelect });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "webhook.update", targetType: "webhook", targetId: webhookId, data: { url: row.url, events: row.events, active: row.active } });
    return toWebhookDto(row);
  });
}
