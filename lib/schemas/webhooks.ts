// Contracts of a project's outgoing webhooks: what a manager sends to make or
// change one, and what the Webhooks tab shows of them.
import { z } from "zod";

/** Events a webhook can subscribe to ("ping" is only ever sent by "Send test"). */
export const WEBHOOK_EVENTS = ["task.submitted", "review.accepted", "review.rejected", "export.finished", "detector.trained", "batch.due_soon", "batch.overdue"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | "ping";

export const WEBHOOK_EVENT_LABELS: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  "task.submitted": "An image is handed in for review",
  "review.accepted": "A reviewer accepts an image",
  "review.rejected": "A reviewer sends an image back",
  "export.finished": "An export is ready (or failed)",
  "detector.trained": "A detector version finished training (or failed)",
  "batch.due_soon": "A batch is due today or tomorrow with images still open",
  "batch.overdue": "A batch's due day has passed with images still open",
};

const webhookUrl = z
  .string({ error: "Give the URL to send events to" })
  .trim()
  .max(2000, "The URL is longer than 2,000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "The URL must be a full http:// or https:// address");

const webhookEvents = z
  .array(z.enum(WEBHOOK_EVENTS, { message: `Events are ${WEBHOOK_EVENTS.join(", ")}` }))
  .min(1, "Choose at least one event")
  .transform((events) => [...new Set(events)]);

export const createWebhookInput = z.object({ url: webhookUrl, events: webhookEvents });
export type CreateWebhookInput = z.input<typeof createWebhookInput>;

export const updateWebhookInput = z
  .object({ url: webhookUrl.optional(), events: webhookEvents.optional(), active: z.boolean().optional() })
  .refine((value) => value.url !== undefined || value.events !== undefined || value.active !== undefined, "Nothing to change: give url, events or active");
export type UpdateWebhookInput = z.input<typeof updateWebhookInput>;

export type WebhookDeliveryDto = {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
};

export type WebhookDto = {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
  /** The newest deliveries first. */
  recentDeliveries: WebhookDeliveryDto[];
};

/** Where webhooks may go, in words, from MASKWRIGHT_WEBHOOK_ALLOWED_HOSTS as written ("" = public addresses only). */
export function describeWebhookReach(allowedHosts: string): string {
  if (allowedHosts === "*") return "any address";
  return allowedHosts ? `public addresses and ${allowedHosts}` : "public addresses only";
}
