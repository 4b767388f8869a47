// Links within the Activity tab: its filters live in the URL so a view can be shared and reloaded.
export type ActivityFilters = { kind?: string; userId?: string; page?: number };

export function activityHref(projectId: string, filters: ActivityFilters): string {
  const params = new URLSearchParams({ tab: "activity" });
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.userId) params.set("userId", filters.userId);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  return `/projects/${projectId}?${params.toString()}`;
}
