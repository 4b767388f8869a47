"use client";
// One card's mask overlay: the image's masks at thumbnail size, laid exactly
// over the thumbnail (same box, same object-cover crop), while "Show masks" is on.
import { useShowMasks } from "./show-masks-store";

export function MaskOverlay({ imageId, maskCount }: { imageId: string; maskCount: number }) {
  const on = useShowMasks();
  if (!on || maskCount === 0) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- authorised route, a small PNG revalidated by ETag
    <img
      src={`/api/images/${imageId}/mask-overlay?n=${maskCount}`}
      alt=""
      aria-hidden
      loading="lazy"
      className="pointer-events-none absolute inset-0 h-full w-full object-cover"
      data-testid="mask-overlay"
    />
  );
}
