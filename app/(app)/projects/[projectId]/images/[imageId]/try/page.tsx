import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageActor } from "@/server/auth/page-actor";
import { isAppError } from "@/server/errors/app-error";
import { loadClickToMaskPage } from "@/server/sam/load-click-to-mask-page";
import { ClickToMaskView } from "@/components/sam/click-to-mask-view";

type Props = {
  params: Promise<{ projectId: string; imageId: string }>;
  searchParams: Promise<{ threads?: string }>;
};

/** ?threads=N (1-8) overrides the WASM thread count, for diagnostics and benchmarks. */
function threadOverride(raw: string | undefined): number | undefined {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= 8 ? value : undefined;
}

export const metadata: Metadata = { title: "Try click-to-mask" };

export default async function TryClickToMaskPage({ params, searchParams }: Props) {
  const { projectId, imageId } = await params;
  const threads = threadOverride((await searchParams).threads);
  const actor = await pageActor();
  let data;
  try {
    data = await loadClickToMaskPage({ actor, projectId, imageId });
  } catch (error) {
    // Not a member and not found look the same: nothing leaks.
    if (isAppError(error) && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const { image, model, decoderUrl } = data;
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/projects/${image.projectId}`} className="text-sm text-brand-700 hover:underline">
          ← Back to the project
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Try click-to-mask</h1>
        <p className="mt-1 text-sm text-slate-600">
          {image.fileName} · {image.width}×{image.height} · model {model.id}
        </p>
      </div>
      <ClickToMaskView
        imageId={image.id}
        imageUrl={image.fileUrl}
        imageWidth={image.width}
        imageHeight={image.height}
        modelUrl={decoderUrl}
        model={model}
        threads={threads}
      />
    </div>
  );
}
