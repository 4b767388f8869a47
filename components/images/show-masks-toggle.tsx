"use client";
// The Images tab's "Show masks" switch (also the M key while no field has focus).
import { useEffect } from "react";
import { setShowMasks, useShowMasks } from "./show-masks-store";

export function ShowMasksToggle() {
  const on = useShowMasks();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "m" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      setShowMasks(!on);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [on]);
  return (
    <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-700" title="Draw each image's masks over its thumbnail, in their labels' colours (M)">
      <input type="checkbox" checked={on} onChange={(event) => setShowMasks(event.target.checked)} className="h-4 w-4 accent-brand-600" data-testid="show-masks" />
      Show masks
    </label>
  );
}
