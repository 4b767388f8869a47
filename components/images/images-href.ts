// The project page's Images tab as a URL: the filters and the page live in the
// query string, so a filtered view can be linked, reloaded and shared.
import { IMAGE_FILTER_KEYS, type ImageSort, type ReviewOutcome } from "@/lib/schemas/images";
import type { DatasetIssue } from "@/lib/schemas/dataset-checks";
import type { TaskStatusName } from "@/lib/schemas/tasks";

/** `sort` absent = import order (the default is never written into a URL). */
export type ImageFilters = { status?: TaskStatusName; q?: string; label?: string; annotator?: string; attr?: string; issue?: DatasetIssue; review?: ReviewOutcome; sort?: ImageSort; page?: number };
export type ImageViewFilters = Omit<ImageFilters, "page">;

function setFilterParams(params: URLSearchParams, filters: ImageViewFilters): void {
  for (const key of IMAGE_FILTER_KEYS) {
    const value = filters[key];
    if (value && !(key === "sort" && value === "oldest")) params.set(key, value);
  }
}

export function imagesHref(projectId: string, filters: ImageFilters): string {
  const params = new URLSearchParams({ tab: "images" });
  setFilterParams(params, filters);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  return `/projects/${encodeURIComponent(projectId)}?${params.toString()}`;
}

/** An image in the editor, opened from a filtered view: previous / next then walk that view in its order, and "back" returns to it. */
export function annotateHref(projectId: string, imageId: string, filters: ImageViewFilters): string {
  const params = new URLSearchParams();
  setFilterParams(params, filters);
  const query = params.toString();
  return `/projects/${encodeURIComponent(projectId)}/annotate/${encodeURIComponent(imageId)}${query ? `?${query}` : ""}`;
}

/** Whether the view is narrowed (the order alone does not narrow it). */
export function isFilteredView(filters: ImageViewFilters): boolean {
  return Boolean(filters.status || filters.q || filters.label || filters.annotator || filters.attr || filters.issue || filters.review);
}

/** Page numbers to offer around the current one: first, last, and two either side, with gaps as null. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of pages) {
    const previous = out[out.length - 1];
    if (typeof previous === "number" && n - previous > 1) out.push(null);
    out.push(n);
  }
  return out;
}
