"use client";
// The live tokens: what each is for, when it was last used, when it ends.
// Revoking asks once more, in the row.
import { useState } from "react";
import type { ApiTokenDto } from "@/lib/schemas/api-tokens";
import { buttonDanger } from "../ui/button-styles";
import { formatUtc } from "../ui/format-utc";

function expiryText(token: ApiTokenDto, now: number): { text: string; expired: boolean } {
  if (!token.expiresAt) return { text: "never", expired: false };
  const expired = new Date(token.expiresAt).getTime() <= now;
  return { text: `${expired ? "expired " : ""}${token.expiresAt.slice(0, 10)}`, expired };
}

/** "read and change: all your projects", "read: Street scenes, Cats", "read and change (as an annotator): Cats". */
function describeTokenScope(token: ApiTokenDto): string {
  const where = token.projects.length === 0 ? "all your projects" : token.projects.map((project) => project.name ?? "a deleted project").join(", ");
  const as = token.projectRole ? ` (as ${token.projectRole === "annotator" ? "an annotator" : "a reviewer"})` : "";
  return `${token.readOnly ? "read" : "read and change"}${as}: ${where}`;
}

export function ApiTokenTable(props: { tokens: ApiTokenDto[]; onRevoke: (token: ApiTokenDto) => Promise<void> }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  if (props.tokens.length === 0) return <p className="text-sm text-slate-500">No tokens yet.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Your API tokens">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-1.5 pr-3 font-medium">Name</th>
          <th className="py-1.5 pr-3 font-medium">Token</th>
          <th className="py-1.5 pr-3 font-medium">May</th>
          <th className="py-1.5 pr-3 font-medium">Last used</th>
          <th className="py-1.5 pr-3 font-medium">Expires</th>
          <th className="py-1.5" />
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {props.tokens.map((token) => {
          const expiry = expiryText(token, now);
          return (
            <tr key={token.id} data-testid="api-token-row">
              <td className="py-2 pr-3">
                <div className="font-medium text-slate-800">{token.name}</div>
                <div className="text-xs text-slate-500">created {formatUtc(token.createdAt)}</div>
              </td>
              <td className="py-2 pr-3 font-mono text-xs text-slate-600">{token.prefix}…</td>
              <td className="py-2 pr-3 text-xs text-slate-600" data-testid="api-token-scope">{describeTokenScope(token)}</td>
              <td className="py-2 pr-3 text-xs text-slate-600">{token.lastUsedAt ? formatUtc(token.lastUsedAt) : "never"}</td>
              <td className={`py-2 pr-3 text-xs ${expiry.expired ? "font-medium text-red-700" : "text-slate-600"}`}>{expiry.text}</td>
              <td className="py-2 text-right">
                {confirming === token.id ? (
                  <span className="inline-flex gap-2">
                    <button type="button" className={buttonDanger} onClick={() => props.onRevoke(token).finally(() => setConfirming(null))}>Revoke “{token.name}”</button>
                    <button type="button" className="text-xs text-slate-600 underline" onClick={() => setConfirming(null)}>Keep</button>
                  </span>
                ) : (
                  <button type="button" className={buttonDanger} onClick={() => setConfirming(token.id)}>Revoke</button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
