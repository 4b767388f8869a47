"use client";
// The project's Webhooks tab (managers): add a webhook (its signing secret
// shown once), and for each one its controls and delivery log. The list is
// re-read after every action and polled (every 2 s while something waits to
// be sent, else every 5 s, not while the tab is hidden), so events from
// elsewhere, retries and answers show up without a reload.
import { useEffect, useState } from "react";
import type { WebhookDto } from "@/lib/schemas/webhooks";
import { taskApi } from "../tasks/task-api";
import { card } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { WebhookCard, type WebhookActions } from "./webhook-card";
import { WebhookForm } from "./webhook-form";
import { WebhookSecret } from "./webhook-secret";

const POLL_WAITING_MS = 2000;
const POLL_IDLE_MS = 5000;

export function WebhookPanel(props: { projectId: string; initialWebhooks: WebhookDto[] }) {
  const base = `/api/projects/${encodeURIComponent(props.projectId)}/webhooks`;
  const [webhooks, setWebhooks] = useState(props.initialWebhooks);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const waiting = webhooks.some((webhook) => webhook.recentDeliveries.some((delivery) => delivery.status === "pending"));

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "hidden") return;
      taskApi<{ webhooks: WebhookDto[] }>(base)
        .then((answer) => setWebhooks(answer.webhooks))
        .catch(() => undefined);
    }, waiting ? POLL_WAITING_MS : POLL_IDLE_MS);
    return () => clearInterval(timer);
  }, [waiting, base]);

  async function reload() {
    setWebhooks((await taskApi<{ webhooks: WebhookDto[] }>(base)).webhooks);
  }

  /** Runs one action and re-reads the list; a refusal is shown above the list. */
  const run = (action: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    await reload().catch(() => undefined);
  };

  const actions: WebhookActions = {
    update: async (webhookId, change) => {
      // Edits report their own errors in the edit form; pause / resume errors show above the list.
      if (change.url !== undefined) {
        await taskApi(`${base}/${webhookId}`, { method: "PATCH", body: change });
        await reload();
        return;
      }
      await run(() => taskApi(`${base}/${webhookId}`, { method: "PATCH", body: change }))();
    },
    test: (webhookId) => run(() => taskApi(`${base}/${webhookId}/test`, { method: "POST" }))(),
    remove: (webhookId) => run(() => taskApi(`${base}/${webhookId}`, { method: "DELETE" }))(),
    redeliver: (webhookId, deliveryId) => run(() => taskApi(`${base}/${webhookId}/deliveries/${deliveryId}/redeliver`, { method: "POST" }))(),
  };

  return (
    <div className="space-y-5">
      <section className={`${card} space-y-3 p-5`} aria-labelledby="add-webhook-heading">
        <div>
          <h2 id="add-webhook-heading" className="font-medium">Add a webhook</h2>
          <p className="mt-1 text-sm text-slate-600">
            Maskwright POSTs a JSON event to the URL when it happens, signed with the webhook’s secret, and retries for about 1.5 hours
            (after 10 s, 1 min, 5 min, 30 min, 1 h) until the receiver answers 2xx.
          </p>
        </div>
        <WebhookForm
          label="Add a webhook"
          submitLabel="Add webhook"
          onSubmit={async (value) => {
            const created = await taskApi<{ webhook: WebhookDto; secret: string }>(base, { method: "POST", body: value });
            setSecret({ url: created.webhook.url, secret: created.secret });
            await reload();
          }}
        />
        {secret && <WebhookSecret url={secret.url} secret={secret.secret} onDismiss={() => setSecret(null)} />}
      </section>
      <FormError message={error} />
      {webhooks.length === 0 ? (
        <p className="text-sm text-slate-500">No webhooks yet.</p>
      ) : (
        <ul className="space-y-4" aria-label="Webhooks">
          {webhooks.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} actions={actions} />
          ))}
        </ul>
      )}
    </div>
  );
}
