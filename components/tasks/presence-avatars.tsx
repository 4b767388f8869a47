"use client";

// Who else has this image open right now (the image's live room): initials
// with the full name on hover, for the editor's header.
import type { Viewer } from "./use-live-events";

const COLORS = ["bg-sky-600", "bg-emerald-600", "bg-violet-600", "bg-amber-600", "bg-rose-600", "bg-teal-600"];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase();
}

function colorOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length]!;
}

export function PresenceAvatars({ viewers, selfId, error }: { viewers: Viewer[]; selfId: string; error: string | null }) {
  const others = viewers.filter((viewer) => viewer.id !== selfId);
  const names = others.map((viewer) => viewer.name).join(", ");
  return (
    <div className="ml-auto flex items-center gap-2 text-xs text-slate-600" data-testid="presence" data-viewers={others.map((viewer) => viewer.name).join("|")} title={error ?? (names ? `Also on this image: ${names}` : "Nobody else is on this image")}>
      {error ? (
        <span className="text-amber-800">Live presence unavailable</span>
      ) : others.length === 0 ? (
        <span className="text-slate-400 max-xl:sr-only">Only you here</span>
      ) : (
        <>
          <span className="flex -space-x-1.5">
            {others.slice(0, 4).map((viewer) => (
              <span key={viewer.id} title={viewer.name} className={`inline-flex h-6 w-6 items-center justify-center rounded-full border-2 border-white text-[10px] font-semibold text-white ${colorOf(viewer.id)}`} aria-hidden="true">
                {initials(viewer.name)}
              </span>
            ))}
          </span>
          {/* Names beside the avatars only on wide screens (the header is full at laptop widths); always read out. */}
          <span className="sr-only max-w-48 truncate 2xl:not-sr-only">
            {others.length > 4 ? `${names.split(", ").slice(0, 4).join(", ")} +${others.length - 4}` : names} {others.length === 1 ? "is" : "are"} here
          </span>
        </>
      )}
    </div>
  );
}
