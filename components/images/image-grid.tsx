import Link from "next/link";
import type { ImageListItem } from "@/server/images/image-summary";
import { annotateHref, type ImageFilters } from "./images-href";
import { TASK_STATUS_STYLE } from "../ui/task-status-style";
import { DeleteImageControl } from "./delete-image-control";
import { SelectImageCheckbox } from "./select-image-checkbox";
import { MaskOverlay } from "./mask-overlay";

export function ImageGrid({ images, filters = {}, canManage = false }: { images: ImageListItem[]; filters?: ImageFilters; canManage?: boolean }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 xl:grid-cols-6" data-testid="image-grid">
      {images.map((image) => (
        <li key={image.id} className="group relative overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm transition hover:border-sky-400 hover:shadow has-checked:border-brand-500 has-checked:ring-2 has-checked:ring-brand-200" data-testid="image-card">
          {/* The whole card opens the image in the editor (outside any queue task), walking the same filtered view. */}
          <Link href={annotateHref(image.projectId, image.id, filters)} className="block focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500" title={`Open ${image.fileName} in the editor`}>
            <div className="relative flex aspect-[4/3] items-center justify-center bg-slate-100">
              {image.thumbnailReady ? (
                // eslint-disable-next-line @next/next/no-img-element -- authorised route, already a small webp
                <img src={image.thumbnailUrl} alt={image.fileName} className="h-full w-full object-cover" loading="lazy" data-testid="thumbnail" />
              ) : (
                <span className="text-xs text-slate-500" data-testid="thumbnail-pending">Making thumbnail…</span>
              )}
              {image.thumbnailReady && <MaskOverlay imageId={image.id} maskCount={image.maskCount} masksChangedAt={image.masksChangedAt} />}
            </div>
            <div className="flex items-center justify-between gap-2 px-2.5 py-2 text-xs">
              <span className="truncate text-slate-700" title={image.fileName}>{image.fileName}</span>
              {image.annotateStatus && (
                <span className={`shrink-0 rounded px-1.5 py-0.5 ${TASK_STATUS_STYLE[image.annotateStatus].badge}`}>{image.annotateStatus.replace("_", " ")}</span>
              )}
            </div>
            <div className="flex items-center justify-between gap-2 px-2.5 pb-2 text-[11px] text-slate-500">
              <span>{image.width}×{image.height}</span>
              {image.maskCount > 0 && (
                <span data-testid="image-mask-count" title={image.pendingPrefillCount > 0 ? `${image.pendingPrefillCount} of them pre-filled by the model, not yet accepted` : undefined}>
                  {image.maskCount} mask{image.maskCount === 1 ? "" : "s"}
                  {image.pendingPrefillCount > 0 && <span className="text-amber-700"> · {image.pendingPrefillCount} pre-filled</span>}
                </span>
              )}
            </div>
          </Link>
          {/* Outside the link: a button inside an <a> is invalid and would open the editor too. */}
          {canManage && <SelectImageCheckbox projectId={image.projectId} imageId={image.id} fileName={image.fileName} maskCount={image.maskCount} />}
          {canManage && <DeleteImageControl imageId={image.id} fileName={image.fileName} maskCount={image.maskCount} />}
        </li>
      ))}
    </ul>
  );
}
