import type { WebhookDeliveryDto, WebhookDto } from "@/lib/schemas/webhooks";
import type { Prisma } from "../db/generated/client";

/** Deliveries listed under each webhook in the tab. */
export const RECENT_DELIVERIES = 10;

type DeliveryRow = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
};

export const webhookDeliverySelect = {
  id: true,
  event: true,
  status: true,
  attempts: true,
  responseStatus: true,
  error: true,
  createdAt: true,
  deliveredAt: true,
  nextAttemptAt: true,
} as const;

export const webhookSelect = {
  id: true,
  url: true,
  events: true,
  active: true,
  createdAt: true,
  deliveries: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT_DELIVERIES, select: webhookDeliverySelect },
} satisfies Prisma.WebhookSelect;

export function toWebhookDeliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  const status = row.status === "delivered" || row.status === "failed" ? row.status : "pending";
  return {
    id: row.id,
    event: row.event,
    status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: status === "pending" ? row.nextAttemptAt.toISOString() : null,
  };
}

export function toWebhookDto(row: { id: string; url: string; events: string[]; active: boolean; createdAt: Date; deliveries: DeliveryRow[] }): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    recentDeliveries: row.deliveries.map(toWebhookDeliveryDto),
  };
}
