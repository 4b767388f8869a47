"use client";
// The latest deliveries of one webhook: what was sent, how the receiver
// answered, and when the next try is for one that is still retrying.
import type { WebhookDeliveryDto } from "@/lib/schemas/webhooks";
import { formatUtc } from "../ui/format-utc";

function outcome(delivery: WebhookDeliveryDto): { text: string; tone: string } {
  if (delivery.status === "delivered") return { text: `Delivered (${delivery.responseStatus ?? "2xx"})`, tone: "text-emerald-700" };
  if (delivery.status === "failed") return { text: `Failed after ${delivery.attempts} ${delivery.attempts === 1 ? "try" : "tries"}`, tone: "text-red-700" };
  if (delivery.attempts === 0) return { text: "Waiting to be sent", tone: "text-slate-600" };
  return { text: `Retrying: try ${delivery.attempts + 1} at ${formatUtc(delivery.nextAttemptAt ?? delivery.createdAt).slice(11)}`, tone: "text-amber-700" };
}

export function WebhookDeliveryTable(props: { deliveries: WebhookDeliveryDto[]; onRedeliver: (deliveryId: string) => void }) {
  if (props.deliveries.length === 0) return <p className="text-xs text-slate-500">Nothing sent yet. “Send test” sends a signed ping.</p>;
  return (
    <table className="w-full text-left text-xs" aria-label="Recent deliveries">
      <thead className="uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Queued</th>
          <th className="py-1 pr-3 font-medium">Event</th>
          <th className="py-1 pr-3 font-medium">Outcome</th>
          <th className="py-1" />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {props.deliveries.map((delivery) => {
          const shown = outcome(delivery);
          return (
            <tr key={delivery.id} data-testid="webhook-delivery" data-status={delivery.status} className="align-top">
              <td className="whitespace-nowrap py-1.5 pr-3 text-slate-600">{formatUtc(delivery.createdAt)}</td>
              <td className="py-1.5 pr-3 font-mono text-slate-800">{delivery.event}</td>
              <td className="py-1.5 pr-3">
                <span className={`font-medium ${shown.tone}`}>{shown.text}</span>
                {delivery.error && <span className="block break-all text-slate-500">{delivery.error}</span>}
              </td>
              <td className="py-1.5 text-right">
                {delivery.status !== "pending" && (
                  <button type="button" className="text-brand-700 underline" onClick={() => props.onRedeliver(delivery.id)}>Send again</button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
