import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { loadExportPage } from "@/server/exports/load-export-page";
import { appConfig } from "@/server/config/app-config";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { ExportPanel } from "@/components/exports/export-panel";
import { CocoImportForm } from "@/components/exports/coco-import-form";
import { DatasetZipImportForm } from "@/components/exports/dataset-zip-import-form";
import { card } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Export" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ projectId: string }> };

export default async function ExportPage({ params }: Props) {
  const { projectId } = await params;
  const actor = await pageActor();
  const data = await loadExportPage({ actor, projectId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{data.projectName}</h1>
      <ProjectTabs projectId={projectId} active="export" canManage={data.canManage} />
      {data.canManage ? (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <ExportPanel projectId={projectId} labelClasses={data.labelClasses} batches={data.batches} initialExports={data.exports} />
          <section className={`${card} h-fit p-5`} aria-labelledby="coco-import-title">
            <h2 id="coco-import-title" className="text-lg font-semibold">Import COCO pre-labels</h2>
            <p className="mt-1 mb-4 text-sm text-slate-600">
              Masks from a COCO instances file (RLE or polygons) become pre-labels that annotators review and correct. Categories map to label classes by name; missing ones are created. Per-annotation <code>attributes</code> (as CVAT writes them) are kept.
            </p>
            <CocoImportForm projectId={projectId} isAdmin={data.isAdmin} importRoot={data.isAdmin ? appConfig().importRoot : null} />
            <div className="mt-6 border-t border-slate-200 pt-5">
              <h2 id="yolo-import-title" className="text-lg font-semibold">Import a YOLO dataset</h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                Ultralytics / Roboflow segmentation labels (one polygon per line) with their images, as one zip; this project&apos;s own YOLO export (with images) imports back exactly.
              </p>
              <DatasetZipImportForm projectId={projectId} kind="yolo" />
            </div>
            <div className="mt-6 border-t border-slate-200 pt-5">
              <h2 id="png-import-title" className="text-lg font-semibold">Import PNG masks</h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                Label images as one zip: this project&apos;s PNG export imports back (where objects overlapped, only their visible parts), and a Pascal VOC or CVAT
                &quot;Segmentation mask&quot; export gives one mask per object colour, labelled with its class colour (one mask per class without object PNGs).
              </p>
              <DatasetZipImportForm projectId={projectId} kind="png" />
            </div>
            <div className="mt-6 border-t border-slate-200 pt-5">
              <h2 id="cvat-import-title" className="text-lg font-semibold">Import a CVAT export</h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                A CVAT task exported as &quot;CVAT for images 1.1&quot;: masks and polygons become pre-labels with their labels (new classes keep CVAT&apos;s colours) and
                attribute values, overlapping masks whole. This project&apos;s own CVAT export imports back exactly.
              </p>
              <DatasetZipImportForm projectId={projectId} kind="cvat" />
            </div>
            <div className="mt-6 border-t border-slate-200 pt-5">
              <h2 id="label-studio-import-title" className="text-lg font-semibold">Import a Label Studio export</h2>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                A Label Studio project exported as &quot;JSON&quot;: brush masks and polygons become pre-labels with their labels (boxes, key points and
                choices are left out, and counted). Pictures are matched by file name, without the prefix Label Studio adds to uploads.
              </p>
              <CocoImportForm projectId={projectId} isAdmin={data.isAdmin} importRoot={data.isAdmin ? appConfig().importRoot : null} kind="label-studio" />
            </div>
          </section>
        </div>
      ) : (
        <p className={`${card} p-6 text-sm text-slate-600`}>Only the project&apos;s managers can export datasets and import pre-labels.</p>
      )}
    </div>
  );
}
