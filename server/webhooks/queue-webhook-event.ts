// Writes one delivery per subscribed, active webhook of the project. Called
// inside the transaction of the change it reports where there is one, so an
// event is queued if and only if the change commits (an outbox); the worker's
// dispatcher sends it afterwards.
import { randomUUID } from "node:crypto";
import type { WebhookEvent } from "@/lib/schemas/webhooks";
import type { Prisma } from "../db/generated/client";
import { db } from "../db/client";

export type WebhookPayload = {
  /** The delivery's id: receivers use it to drop the repeats that retries can cause. */
  id: string;
  event: WebhookEvent;
  createdAt: string;
  project: { id: string; name: string };
  data: Record<string, unknown>;
};

export async function queueWebhookEvent(options: {
  projectId: string;
  event: WebhookEvent;
  /** A function is only called when some webhook listens (it may query, e.g. the image's name). */
  data: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  tx?: Prisma.TransactionClient;
  /** Only these webhooks (a test ping), else every active one subscribed to the event. */
  webhookIds?: string[];
}): Promise<number> {
  const client = options.tx ?? db();
  const hooks = await client.webhook.findMany({
    where: options.webhookIds ? { id: { in: options.webhookIds }, projectId: options.projectId } : { projectId: options.projectId, active: true, events: { has: options.event } },
    select: { id: true, project: { select: { name: true } } },
  });
  if (hooks.length === 0) return 0;
  const data = typeof options.data === "function" ? await options.data() : options.data;
  const createdAt = new Date();
  const rows = hooks.map((hook) => {
    const id = randomUUID();
    const payload: WebhookPayload = { id, event: options.event, createdAt: createdAt.toISOString(), project: { id: options.projectId, name: hook.project.name }, data };
    return { id, webhookId: hook.id, event: options.event, payload: payload as unknown as Prisma.InputJsonValue, createdAt, nextAttemptAt: createdAt };
  });
  await client.webhookDelivery.createMany({ data: rows });
  return rows.length;
}
