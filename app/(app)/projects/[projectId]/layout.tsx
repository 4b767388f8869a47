// Around every page of a project: the notice that appears if the project is
// deleted while the page is open.
import { ProjectDeletedNotice } from "@/components/projects/project-deleted-notice";

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return (
    <>
      {children}
      <ProjectDeletedNotice projectId={projectId} />
    </>
  );
}
