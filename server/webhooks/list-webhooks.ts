// The project's webhooks with their latest deliveries, oldest webhook first.
import type { WebhookDto } from "@/lib/schemas/webhooks";
import type { Actor } from "../auth/actor";
import { db } from "../db/client";
import { requireWebhookManager } from "./require-webhook-manager";
import { toWebhookDto, webhookSelect } from "./webhook-dto";

export async function listWebhooks(options: { actor: Actor; projectId: string }): Promise<WebhookDto[]> {
  await requireWebhookManager({ actor: options.actor, projectId: options.projectId, action: "see webhooks" });
  const rows = await db().webhook.findMany({ where: { projectId: options.projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: webhookSelect });
  return rows.map(toWebhookDto);
}
