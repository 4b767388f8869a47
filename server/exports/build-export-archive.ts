// Writes one export's zip to `filePath`: selects the data, then walks the
// images in chunks (one chunk of masks in memory), handing each to the
// format's writer and, if asked, streaming the original image file into the
// archive. Reports progress as the fraction of images written.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExportOptions } from "@/lib/schemas/exports";
import { assignExportSplits, type ExportSplitAssignment } from "./assign-export-splits";
import { findNearDuplicateGroups } from "../quality/find-near-duplicate-groups";
import { storedFilePath } from "../storage/content-store";
import { createCocoWriter } from "./create-coco-writer";
import { createPngWriter } from "./create-png-writer";
import { createSa1bWriter } from "./create-sa1b-writer";
import { createSplitWriter, type SplitRouter } from "./create-split-writer";
import { createCvatWriter } from "./create-cvat-writer";
import { createVocWriter, VOC_IMAGE_FOLDER } from "./create-voc-writer";
import { createYoloWriter, writeYoloIndexFiles } from "./create-yolo-writer";
import { describeExportArchive } from "./describe-export-archive";
import { resizeExportItem } from "./resize-export-item";
import { resizeImageFile } from "./resize-image-file";
import type { ExportCategory } from "./export-types";
import type { FormatWriter } from "./format-writer";
import { loadExportAnnotations } from "./load-export-annotations";
import { openZipSink, type ZipSink } from "./open-zip-sink";
import { selectExportData } from "./select-export-data";

const IMAGES_PER_CHUNK = 16;

export type ExportArchiveStats = { images: number; annotations: number };

function createFormatWriter(options: {
  exportOptions: ExportOptions;
  sink: ZipSink;
  workDir: string;
  categories: ExportCategory[];
  projectName: string;
  createdAt: Date;
  /** Part of a split export: YOLO's index files then go at the archive's top. */
  inSplit: boolean;
}): FormatWriter {
  const { exportOptions, sink, categories } = options;
  switch (exportOptions.format) {
    case "coco":
      return createCocoWriter({
        sink,
        workDir: options.workDir,
        categories,
        polygons: exportOptions.cocoPolygons,
        description: `Maskwright export of ${options.projectName}`,
        createdAt: options.createdAt,
      });
    case "sa1b":
      return createSa1bWriter({ sink });
    case "yolo":
      return createYoloWriter({ sink, categories, includeImages: exportOptions.includeImages, indexFiles: !options.inSplit });
    case "png":
      return createPngWriter({ sink, categories });
    case "voc":
      return createVocWriter({ sink, categories });
    case "cvat":
      return createCvatWriter({ sink, workDir: options.workDir, categories, projectName: options.projectName, createdAt: options.createdAt });
  }
}

/** One writer for the whole archive, or a router over one writer per split part. */
function createArchiveWriter(options: Omit<Parameters<typeof createFormatWriter>[0], "inSplit"> & { assignment: ExportSplitAssignment | null }): SplitRouter {
  const { assignment, sink } = options;
  if (!assignment) return { writer: createFormatWriter({ ...options, inSplit: false }), sinkFor: () => sink };
  return createSplitWriter({
    sink,
    assignment,
    createPartWriter: (partSink, part) => {
      // Each part's COCO writer keeps its own temp files.
      const workDir = path.join(options.workDir, part);
      mkdirSync(workDir, { recursive: true });
      return createFormatWriter({ ...options, sink: partSink, workDir, inSplit: true });
    },
    finishArchive:
      options.exportOptions.format === "yolo"
        ? async () => writeYoloIndexFiles({ sink, categories: options.categories, includeImages: options.exportOptions.includeImages, parts: assignment.parts })
        : undefined,
  });
}

export async function buildExportArchive(options: {
  projectId: string;
  projectName: string;
  exportOptions: ExportOptions;
  createdAt: Date;
  filePath: string;
  /** An empty private directory for temp files; the caller removes it. */
  workDir: string;
  onProgress?: (fraction: number) => Promise<void>;
}): Promise<ExportArchiveStats> {
  const { exportOptions } = options;
  const selection = await selectExportData({ projectId: options.projectId, options: exportOptions });
  const imageIds = selection.images.map((image) => image.dbId);
  // Only the exported images' groups matter, and only when asked for (hashing may backfill thumbnails' hashes).
  // After dropNearDuplicates one picture of each group is left, so there is no group to keep together.
  const groups =
    exportOptions.split?.keepNearDuplicatesTogether && !exportOptions.dropNearDuplicates ? await findNearDuplicateGroups({ projectId: options.projectId, imageIds }) : [];
  const assignment = exportOptions.split ? assignExportSplits({ imageIds, split: exportOptions.split, groups }) : null;
  const sink = openZipSink({ filePath: options.filePath });
  try {
    const readme = describeExportArchive({
      options: exportOptions,
      projectName: options.projectName,
      createdAt: options.createdAt,
      splitCounts: assignment?.counts ?? null,
      nearDuplicateGroups: groups.map((group) => group.length),
      nearDuplicatesLeftOut: selection.nearDuplicatesLeftOut,
    });
    sink.addBuffer("README.txt", Buffer.from(readme));
    const { writer, sinkFor } = createArchiveWriter({ ...options, sink, categories: selection.categories, assignment });
    const total = selection.images.length;
    let annotations = 0;
    for (let start = 0; start < total; start += IMAGES_PER_CHUNK) {
      const chunk = await loadExportAnnotations({ selection, images: selection.images.slice(start, start + IMAGES_PER_CHUNK) });
      for (const loaded of chunk) {
        const { item, resized } = exportOptions.maxSide ? resizeExportItem(loaded, exportOptions.maxSide) : { item: loaded, resized: false };
        if (exportOptions.includeImages) {
          const imageSink = sinkFor(item.image.dbId);
          const name = `${exportOptions.format === "voc" ? VOC_IMAGE_FOLDER : "images"}/${item.image.fileName}`;
          // Originals are stored already compressed (JPEG, PNG, ...): deflating them again wastes CPU.
          if (resized) imageSink.addBuffer(name, await resizeImageFile({ filePath: storedFilePath(item.image.storageKey), width: item.image.width, height: item.image.height }), { compress: false });
          else imageSink.addFile(name, storedFilePath(item.image.storageKey), { compress: false });
        }
        await writer.writeImage(item);
        annotations += item.annotations.length;
        await sink.room();
      }
      await options.onProgress?.(Math.min(start + IMAGES_PER_CHUNK, total) / Math.max(total, 1));
    }
    await writer.finish();
    await sink.finish();
    return { images: total, annotations };
  } catch (error) {
    sink.abort();
    throw error;
  }
}
