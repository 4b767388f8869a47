import type { Metadata } from "next";
import Link from "next/link";
import { pageActor } from "@/server/auth/page-actor";
import { listProjects } from "@/server/projects/list-projects";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { ProjectProgressBar } from "@/components/projects/project-progress-bar";
import { card } from "@/components/ui/button-styles";
import { FormSuccess } from "@/components/ui/form-message";
import { firstSearchParam } from "@/lib/first-search-param";

export const metadata: Metadata = { title: "Projects" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProjectsPage({ searchParams }: Props) {
  const actor = await pageActor();
  // Set by the project's delete control on its way here; only ever shown back as text.
  const deleted = firstSearchParam((await searchParams).deleted)?.slice(0, 100);
  const projects = await listProjects({ actor });
  const canCreate = actor.role === "admin" || actor.role === "manager";
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_320px]">
      <section aria-labelledby="projects-heading">
        <h1 id="projects-heading" className="mb-4 text-2xl font-semibold tracking-tight">Projects</h1>
        {deleted && <div className="mb-4"><FormSuccess message={`Deleted the project "${deleted}".`} /></div>}
        {projects.length === 0 ? (
          <div className={`${card} p-10 text-center`}>
            <h2 className="font-medium">No projects yet</h2>
            <p className="mt-1 text-sm text-slate-600">
              {canCreate ? "Create your first project with the form on the right." : "A manager has to add you to a project before you can start labelling."}
            </p>
          </div>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="project-list">
            {projects.map((project) => (
              <li key={project.id}>
                <Link href={`/projects/${project.id}`} className={`${card} block p-4 transition hover:border-brand-500 hover:shadow`}>
                  <div className="flex items-start justify-between gap-3">
                    <h2 className="font-medium">{project.name}</h2>
                    {project.myRole && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{project.myRole}</span>}
                  </div>
                  {project.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{project.description}</p>}
                  <dl className="mt-3 flex gap-4 text-xs text-slate-500">
                    <div><dt className="inline">Images </dt><dd className="inline font-medium text-slate-700">{project.imageCount}</dd></div>
                    <div><dt className="inline">Masks </dt><dd className="inline font-medium text-slate-700">{project.annotationCount}</dd></div>
                    <div><dt className="inline">Members </dt><dd className="inline font-medium text-slate-700">{project.memberCount}</dd></div>
                  </dl>
                  <ProjectProgressBar statusCounts={project.statusCounts} imageCount={project.imageCount} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canCreate && (
        <aside className={`${card} h-fit p-5`}>
          <h2 className="mb-3 font-medium">New project</h2>
          <CreateProjectForm />
        </aside>
      )}
    </div>
  );
}
