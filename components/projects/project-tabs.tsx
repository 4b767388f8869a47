import Link from "next/link";

export const PROJECT_TABS = [
  { id: "images", label: "Images", managersOnly: false },
  { id: "labels", label: "Label classes", managersOnly: false },
  { id: "members", label: "Members", managersOnly: false },
  // Detector training and pre-fill (issue 7): managers and admins only.
  { id: "prefill", label: "Pre-fill", managersOnly: true },
  // Stage comparison, per-person and per-day work, tools, review: managers and admins only.
  { id: "analytics", label: "Analytics", managersOnly: true },
  // Who did what, from the audit trail: managers and admins only.
  { id: "activity", label: "Activity", managersOnly: true },
  // Outgoing events for CI and pipelines: managers and admins only.
  { id: "webhooks", label: "Webhooks", managersOnly: true },
] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number]["id"];
// Sections that are pages of their own (issue 5: work queue and batches).
export const PROJECT_PAGES = [
  { id: "queue", label: "Work queue" },
  { id: "batches", label: "Batches" },
  { id: "export", label: "Export" },
] as const;
export type ProjectPage = (typeof PROJECT_PAGES)[number]["id"];

/** Tabs the viewer may open: `canManage` (project manager or admin) adds the managers' tabs. */
export function visibleProjectTabs(canManage: boolean) {
  return PROJECT_TABS.filter((tab) => canManage || !tab.managersOnly);
}

export function ProjectTabs({ projectId, active, canManage = false }: { projectId: string; active: ProjectTab | ProjectPage; canManage?: boolean }) {
  return (
    <nav aria-label="Project sections" className="mb-6 flex gap-1 border-b border-slate-200">
      {visibleProjectTabs(canManage).map((tab) => (
        <Link
          key={tab.id}
          href={`/projects/${projectId}?tab=${tab.id}`}
          aria-current={tab.id === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.id === active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {tab.label}
        </Link>
      ))}
      {PROJECT_PAGES.map((page) => (
        <Link
          key={page.id}
          href={`/projects/${projectId}/${page.id}`}
          aria-current={page.id === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${page.id === active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
