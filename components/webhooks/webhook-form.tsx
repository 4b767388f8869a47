"use client";
// URL and events of a webhook: the same fields to add one and to edit one.
import { useState, type FormEvent } from "react";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABELS } from "@/lib/schemas/webhooks";
import { buttonPrimary, buttonSecondary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { usePendingAction } from "../ui/use-pending-action";

export function WebhookForm(props: {
  label: string;
  submitLabel: string;
  initial?: { url: string; events: string[] };
  onSubmit: (value: { url: string; events: string[] }) => Promise<void>;
  onCancel?: () => void;
}) {
  const [url, setUrl] = useState(props.initial?.url ?? "");
  const [events, setEvents] = useState<string[]>(props.initial?.events ?? [...WEBHOOK_EVENTS]);
  const { pending, error, run } = usePendingAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await props.onSubmit({ url, events });
      if (!props.initial) setUrl("");
    });
  }

  const toggle = (name: string) => setEvents((current) => (current.includes(name) ? current.filter((entry) => entry !== name) : [...current, name]));
  const idPrefix = props.initial ? "edit-webhook" : "new-webhook";
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={props.label}>
      <div>
        <label htmlFor={`${idPrefix}-url`} className={labelText}>Payload URL</label>
        <input id={`${idPrefix}-url`} value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://ci.example.com/hooks/maskwright" className={`${inputField} font-mono`} />
        <p className="mt-1 text-xs text-slate-500">A public address; internal ones (10.x, 192.168.x, localhost…) only where the administrator allows them.</p>
      </div>
      <fieldset>
        <legend className={labelText}>Events</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="flex items-start gap-2 text-sm text-slate-700">
              <input type="checkbox" className="mt-0.5" checked={events.includes(name)} onChange={() => toggle(name)} />
              <span>
                <code className="text-xs text-slate-900">{name}</code>
                <span className="block text-xs text-slate-500">{WEBHOOK_EVENT_LABELS[name]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormError message={error} />
      <div className="flex gap-2">
        <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Saving…" : props.submitLabel}</button>
        {props.onCancel && <button type="button" className={buttonSecondary} onClick={props.onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
