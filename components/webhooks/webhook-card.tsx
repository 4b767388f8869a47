"use client";
// One webhook: its URL and events, pause / resume, a test ping, edit, delete
// (asked once more), and its latest deliveries.
import { useState } from "react";
import type { WebhookDto } from "@/lib/schemas/webhooks";
import { buttonDanger, buttonSecondary, card } from "../ui/button-styles";
import { WebhookDeliveryTable } from "./webhook-delivery-table";
import { WebhookForm } from "./webhook-form";

export type WebhookActions = {
  update: (webhookId: string, change: { url?: string; events?: string[]; active?: boolean }) => Promise<void>;
  test: (webhookId: string) => Promise<void>;
  remove: (webhookId: string) => Promise<void>;
  redeliver: (webhookId: string, deliveryId: string) => Promise<void>;
};

export function WebhookCard(props: { webhook: WebhookDto; actions: WebhookActions }) {
  const { webhook, actions } = props;
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  return (
    <li className={`${card} space-y-3 p-4`} data-testid="webhook-card">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="break-all font-mono text-sm text-slate-900">{webhook.url}</p>
          <p className="mt-1 flex flex-wrap gap-1">
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${webhook.active ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-600"}`}>{webhook.active ? "Active" : "Paused"}</span>
            {webhook.events.map((event) => (
              <span key={event} className="rounded bg-brand-50 px-1.5 py-0.5 font-mono text-xs text-brand-700">{event}</span>
            ))}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonSecondary} disabled={!webhook.active} onClick={() => void actions.test(webhook.id)}>Send test</button>
          <button type="button" className={buttonSecondary} onClick={() => void actions.update(webhook.id, { active: !webhook.active })}>{webhook.active ? "Pause" : "Resume"}</button>
          <button type="button" className={buttonSecondary} onClick={() => setEditing(!editing)}>Edit</button>
          {confirmingDelete ? (
            <>
              <button type="button" className={buttonDanger} onClick={() => void actions.remove(webhook.id)}>Delete it and its log</button>
              <button type="button" className="text-xs text-slate-600 underline" onClick={() => setConfirmingDelete(false)}>Keep</button>
            </>
          ) : (
            <button type="button" className={buttonDanger} onClick={() => setConfirmingDelete(true)}>Delete</button>
          )}
        </div>
      </div>
      {editing && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <WebhookForm
            label="Edit webhook"
            submitLabel="Save"
            initial={{ url: webhook.url, events: webhook.events }}
            onSubmit={async (value) => {
              await actions.update(webhook.id, value);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      )}
      <WebhookDeliveryTable deliveries={webhook.recentDeliveries} onRedeliver={(deliveryId) => void actions.redeliver(webhook.id, deliveryId)} />
    </li>
  );
}
