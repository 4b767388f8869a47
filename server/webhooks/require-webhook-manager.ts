import type { Prisma } from "../db/generated/client";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/project-access";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";

/** The project's managers (and admins) run its webhooks; a webhook of another project reads as missing. */
export async function requireWebhookManager(options: { actor: Actor; projectId: string; webhookId?: string; action: string; tx?: Prisma.TransactionClient }) {
  await requireProjectAccess({ actor: options.actor, projectId: options.projectId, roles: ["manager"], action: options.action, tx: options.tx });
  if (options.webhookId === undefined) return null;
  const webhook = await (options.tx ?? db()).webhook.findFirst({ where: { id: options.webhookId, projectId: options.projectId }, select: { id: true, url: true, active: true } });
  if (!webhook) throw new AppError("not_found", "No such webhook in this project.");
  return webhook;
}
