"use client";
// Every page inside a project listens for the project's deletion: a page left
// open (a reviewer's queue, a colleague's Images tab) then says who deleted it
// and offers the way out, instead of failing on the next click.
import Link from "next/link";
import { useCallback, useState } from "react";
import type { ProjectDeletedEvent } from "@/server/projects/delete-project";
import { useProjectEvent } from "../realtime/use-project-socket";
import { isDeletingHere } from "./deleting-here";

export function ProjectDeletedNotice({ projectId }: { projectId: string }) {
  const [deleted, setDeleted] = useState<ProjectDeletedEvent | null>(null);
  const onDeleted = useCallback((event: ProjectDeletedEvent) => {
    if (event.projectId === projectId && !isDeletingHere(projectId)) setDeleted(event);
  }, [projectId]);
  useProjectEvent(projectId, "project:deleted", onDeleted);
  if (!deleted) return null;
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" role="alertdialog" aria-label="Project deleted" data-testid="project-deleted-notice">
      <div className="max-w-md rounded-lg bg-white p-5 shadow-xl">
        <h2 className="font-medium">This project was deleted</h2>
        <p className="mt-1 text-sm text-slate-600">{deleted.by} deleted “{deleted.name}” with its images and masks. Nothing here can be saved any more.</p>
        <Link href="/projects" className="mt-4 inline-block rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">Back to projects</Link>
      </div>
    </div>
  );
}
