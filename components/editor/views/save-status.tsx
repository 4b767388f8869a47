"use client";
// Where the work stands: saved, saving, kept on this device while offline or
// signed out (with a way back in), or refused (with a retry). Never hidden.
import type { SyncSnapshot } from "../sync/sync-engine";

export function saveStatusText(sync: SyncSnapshot | null): { text: string; tone: "ok" | "busy" | "warn" | "error" } {
  if (!sync) return { text: "Connecting…", tone: "busy" };
  const states = [...sync.objects.values()];
  const conflicts = states.filter((s) => s.state === "conflict").length;
  const blocked = states.filter((s) => s.state === "blocked").length;
  const unsaved = states.length;
  if (sync.authRequired) return { text: `Signed out: ${unsaved} unsaved change${unsaved === 1 ? "" : "s"} kept on this device`, tone: "error" };
  if (conflicts > 0) return { text: `${conflicts} conflict${conflicts === 1 ? "" : "s"}: choose which version to keep`, tone: "error" };
  if (blocked > 0) return { text: `${blocked} change${blocked === 1 ? " was" : "s were"} not accepted; kept here`, tone: "error" };
  if (sync.offline && unsaved > 0) return { text: `Offline: ${unsaved} change${unsaved === 1 ? "" : "s"} kept on this device, retrying`, tone: "warn" };
  if (unsaved > 0) return { text: `Saving ${unsaved}…`, tone: "busy" };
  if (sync.otherImages > 0) return { text: `All saved here; sending ${sync.otherImages} from other images`, tone: "busy" };
  return { text: "All changes saved", tone: "ok" };
}

const TONE = {
  ok: "border-emerald-200 bg-emerald-50 text-emerald-800",
  busy: "border-sky-200 bg-sky-50 text-sky-800",
  warn: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-800",
};

export function SaveStatus({ sync, loginHref, onRetry }: { sync: SyncSnapshot | null; loginHref: string; onRetry: (id: string) => void }) {
  const status = saveStatusText(sync);
  const blocked = sync ? [...sync.objects.entries()].filter(([, s]) => s.state === "blocked") : [];
  return (
    <div className={`rounded-md border px-3 py-2 text-xs ${TONE[status.tone]}`} role="status" data-testid="save-status" data-tone={status.tone} data-unsaved={sync?.objects.size ?? 0}>
      <p>{status.text}</p>
      {sync?.authRequired && (
        <a href={loginHref} target="_blank" rel="noopener" className="mt-1 inline-block font-medium underline" data-testid="sign-in-again">
          Sign in again (opens a new tab; your work is sent when you come back)
        </a>
      )}
      {blocked.map(([id, state]) => (
        <div key={id} className="mt-1 flex items-start gap-2" data-testid="blocked-save">
          <span className="flex-1">{state.state === "blocked" ? state.message : ""}</span>
          <button type="button" className="font-medium underline" onClick={() => onRetry(id)}>
            Retry
          </button>
        </div>
      ))}
    </div>
  );
}
