"use client";
// Name and lifetime of a new token; the server checks both and names what is wrong.
import { useState, type FormEvent } from "react";
import type { ApiTokenDto } from "@/lib/schemas/api-tokens";
import { taskApi } from "../tasks/task-api";
import { buttonPrimary, inputField, labelText } from "../ui/button-styles";
import { FormError } from "../ui/form-message";
import { usePendingAction } from "../ui/use-pending-action";

const LIFETIMES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "No expiry" },
] as const;

export function CreateApiTokenForm(props: { onCreated: (created: { token: ApiTokenDto; secret: string }) => Promise<void> }) {
  const [name, setName] = useState("");
  const [lifetime, setLifetime] = useState<string>("90");
  const { pending, error, run } = usePendingAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const created = await taskApi<{ token: ApiTokenDto; secret: string }>("/api/account/tokens", { method: "POST", body: { name, lifetime } });
      setName("");
      await props.onCreated(created);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Create an API token">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor="token-name" className={labelText}>Token name</label>
          <input id="token-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={80} placeholder="e.g. nightly COCO export" className={inputField} />
        </div>
        <div>
          <label htmlFor="token-lifetime" className={labelText}>Expires after</label>
          <select id="token-lifetime" value={lifetime} onChange={(event) => setLifetime(event.target.value)} className={inputField}>
            {LIFETIMES.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonPrimary} disabled={pending}>{pending ? "Creating…" : "Create token"}</button>
      </div>
      <FormError message={error} />
    </form>
  );
}
