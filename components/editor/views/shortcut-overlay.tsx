"use client";
// The `?` overlay: every shortcut, from the same table the keys are read with.
import { SHORTCUT_GROUPS } from "../tools/shortcuts";

export function ShortcutOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="absolute inset-0 z-30 flex items-center justify-center bg-slate-900/40 p-6" onClick={onClose} data-testid="shortcut-overlay">
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        className="max-h-full w-full max-w-3xl overflow-y-auto rounded-lg bg-white p-5 shadow-xl"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="mb-3 flex items-center justify-between">
          <h2 className="text-lg font-semibold">Keyboard shortcuts</h2>
          <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
            Close (?)
          </button>
        </div>
        <div className="grid gap-5 md:grid-cols-3">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title}>
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{group.title}</h3>
              <dl className="space-y-1.5 text-sm">
                {group.items.map((item) => (
                  <div key={item.keys}>
                    <dt className="font-mono text-xs font-semibold text-slate-800">{item.keys}</dt>
                    <dd className="text-slate-600">{item.action}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
