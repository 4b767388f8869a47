// A manager adds a webhook. The signing secret is made here and returned
// once; the receiver checks X-Maskwright-Signature with it.
import { randomBytes } from "node:crypto";
import { createWebhookInput, type CreateWebhookInput, type WebhookDto } from "@/lib/schemas/webhooks";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { checkWebhookDestination } from "./check-webhook-destination";
import { requireWebhookManager } from "./require-webhook-manager";
import { toWebhookDto, webhookSelect } from "./webhook-dto";

/** A project with more endpoints than this is misconfigured, and each event fans out to every one. */
export const MAX_WEBHOOKS_PER_PROJECT = 10;

export async function createWebhook(options: { actor: Actor; projectId: string; input: CreateWebhookInput }): Promise<{ webhook: WebhookDto; secret: string }> {
  const { actor, projectId } = options;
  await requireWebhookManager({ actor, projectId, action: "add webhooks" });
  const input = createWebhookInput.parse(options.input);
  await checkWebhookDestination({ url: input.url });
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    const count = await tx.webhook.count({ where: { projectId } });
    if (count >= MAX_WEBHOOKS_PER_PROJECT) throw new AppError("bad_request", `This project already has ${count} webhooks (at most ${MAX_WEBHOOKS_PER_PROJECT}); delete one first.`);
    const row = await tx.webhook.create({ data: { projectId, url: input.url, events: input.events, secret, createdById: actor.id }, select: webhookSelect });
    await recordAuditEvent({ tx, actorId: actor.id, projectId, action: "webhook.create", targetType: "webhook", targetId: row.id, data: { url: row.url, events: row.events } });
    return { webhook: toWebhookDto(row), secret };
  });
}
