// A split export (train / val / test): each part is a folder laid out exactly
// like an unsplit export of that format (train/annotations/instances.json,
// train/images/..., val/labels/...), so any tool reading one export reads one
// part. The router hands each image to its part's writer; every part asked for
// gets its folder's index files even when it ended up with no images.
import type { ExportSplitPart } from "@/lib/schemas/exports";
import type { ExportSplitAssignment } from "./assign-export-splits";
import type { FormatWriter } from "./format-writer";
import type { ZipSink } from "./open-zip-sink";

/** The same archive, with every entry name under `prefix` (e.g. "train/"). */
export function prefixZipSink(sink: ZipSink, prefix: string): ZipSink {
  return {
    addBuffer: (name, bytes, options) => sink.addBuffer(`${prefix}${name}`, bytes, options),
    addFile: (name, filePath, options) => sink.addFile(`${prefix}${name}`, filePath, options),
    addStream: (name, produce, options) => sink.addStream(`${prefix}${name}`, produce, options),
    room: () => sink.room(),
    finish: () => sink.finish(),
    abort: () => sink.abort(),
  };
}

export type SplitRouter = {
  writer: FormatWriter;
  /** Where an image's own files go (the original image, under images/). */
  sinkFor(imageDbId: string): ZipSink;
};

export function createSplitWriter(options: {
  sink: ZipSink;
  assignment: ExportSplitAssignment;
  createPartWriter: (partSink: ZipSink, part: ExportSplitPart) => FormatWriter;
  /** Files describing the whole archive (YOLO's data.yaml), written once at the end. */
  finishArchive?: () => Promise<void>;
}): SplitRouter {
  const { assignment } = options;
  const parts = new Map(
    assignment.parts.map((part) => {
      const partSink = prefixZipSink(options.sink, `${part}/`);
      return [part, { sink: partSink, writer: options.createPartWriter(partSink, part) }] as const;
    }),
  );
  const partFor = (imageDbId: string) => {
    const part = assignment.partOf.get(imageDbId);
    const entry = part ? parts.get(part) : undefined;
    // Every selected image was assigned; anything else is a bug, not bad input.
    if (!entry) throw new Error(`export split: image ${imageDbId} has no part`);
    return entry;
  };
  return {
    writer: {
      async writeImage(item) {
        await partFor(item.image.dbId).writer.writeImage(item);
      },
      async finish() {
        for (const entry of parts.values()) await entry.writer.finish();
        await options.finishArchive?.();
      },
    },
    sinkFor: (imageDbId) => partFor(imageDbId).sink,
  };
}
