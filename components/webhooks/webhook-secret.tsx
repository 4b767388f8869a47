"use client";
// The signing secret, shown once, with how a receiver checks a delivery.
export function WebhookSecret(props: { url: string; secret: string; onDismiss: () => void }) {
  const check = `expected = "sha256=" + hmac_sha256_hex(secret, raw_request_body)\nok = constant_time_equals(expected, headers["X-Maskwright-Signature"])`;
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="webhook-secret">
      <p className="font-medium">Webhook added. Its signing secret is shown only now:</p>
      <input readOnly value={props.secret} aria-label="Signing secret" onFocus={(event) => event.currentTarget.select()} className="block w-full rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs" />
      <p>
        Each delivery to <span className="break-all font-mono text-xs">{props.url}</span> carries <code>X-Maskwright-Event</code>,{" "}
        <code>X-Maskwright-Delivery</code> (the payload’s id: drop repeats by it) and <code>X-Maskwright-Signature</code>. Check it like this:
      </p>
      <pre className="overflow-x-auto rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-800">{check}</pre>
      <button type="button" className="text-xs font-medium text-amber-900 underline" onClick={props.onDismiss}>I have stored it</button>
    </div>
  );
}
