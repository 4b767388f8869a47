// Writes one export's zip to `filePath`: selects the data, then walks the
// images in chunks (one chunk of masks in memory), handing each to the
// format's writer and, if asked, streaming the original image file into the
// archive. Reports progress as the fraction of images written.
import type { ExportOptions } from "@/lib/schemas/exports";
import { storedFilePath } from "../storage/content-store";
import { createCocoWriter } from "./create-coco-writer";
import { createPngWriter } from "./create-png-writer";
import { createSa1bWriter } from "./create-sa1b-writer";
import { createYoloWriter } from "./create-yolo-writer";
import { describeExportArchive } from "./describe-export-archive";
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
      return createYoloWriter({ sink, categories, includeImages: exportOptions.includeImages });
    case "png":
      return createPngWriter({ sink, categories });
  }
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
  const sink = openZipSink({ filePath: options.filePath });
  try {
    sink.addBuffer("README.txt", Buffer.from(describeExportArchive({ options: exportOptions, projectName: options.projectName, createdAt: options.createdAt })));
    const writer = createFormatWriter({ ...options, sink, categories: selection.categories });
    const total = selection.images.length;
    let annotations = 0;
    for (let start = 0; start < total; start += IMAGES_PER_CHUNK) {
      const chunk = await loadExportAnnotations({ selection, images: selection.images.slice(start, start + IMAGES_PER_CHUNK) });
      for (const item of chunk) {
        // Originals are stored already compressed (JPEG, PNG, ...): deflating them again wastes CPU.
        if (exportOptions.includeImages) sink.addFile(`images/${item.image.fileName}`, storedFilePath(item.image.storageKey), { compress: false });
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
