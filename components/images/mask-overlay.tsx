"use client";
// One card's mask overlay: the image's masks at thumbnail size, laid exactly
// over the thumbnail (same box, same object-cover crop), while "Show masks" is on.
// The address names the masks' count and latest change, so an edit (or a
// deletion) anywhere loads the new overlay when the grid re-renders.
import { useShowMasks } from "./show-masks-store";

export function MaskOverlay({ imageId, maskCount, masksChangedAt }: { imageId: string; maskCount: number; masksChangedAt: number }) {
  const on = useShowMasks();
  if (!on || maskCount === 0) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- authorised route, a small PNG revalidated by ETag
    <img
      src={`/api/images/${imageId}/mask-overlay?n=${maskCount}&v=${masksChangedAt}`}
      alt=""
      aria-hidden
      loading="lazy"
      className="pointer-events-none absolute inset-0 h-full w-full object-cover"
      data-testid="mask-overlay"
    />
  );
}
