"use client";
// The one moment the secret is visible: copy it now, with a command that
// checks it works. Leaving the page or dismissing the box forgets it.
import { useState } from "react";
import { buttonSecondary } from "../ui/button-styles";

export function NewTokenSecret(props: { name: string; secret: string; origin: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  const command = `curl -H "Authorization: Bearer ${props.secret}" ${props.origin}/api/me`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (plain http on another host); the field stays selectable.
      setCopied(false);
    }
  }
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="new-token">
      <p className="font-medium">Token “{props.name}” created. Copy it now: it is not shown again.</p>
      <div className="flex gap-2">
        <input readOnly value={props.secret} aria-label="New token" onFocus={(event) => event.currentTarget.select()} className="block w-full rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs" />
        <button type="button" className={buttonSecondary} onClick={copy}>{copied ? "Copied" : "Copy"}</button>
      </div>
      <p>Try it:</p>
      <pre className="overflow-x-auto rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-800">{command}</pre>
      <button type="button" className="text-xs font-medium text-amber-900 underline" onClick={props.onDismiss}>I have stored it</button>
    </div>
  );
}
