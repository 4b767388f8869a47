// Streams a COCO instances JSON to disk while the export walks its images:
// the `images` and `annotations` arrays go to two temp files (appending with
// backpressure), and `entry()` concatenates header, both files and footer into
// the zip entry. Memory stays at one image's annotations however large the
// dataset.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";

export type CocoJsonWriter = {
  addImage(image: Record<string, unknown>): Promise<void>;
  addAnnotation(annotation: Record<string, unknown>): Promise<void>;
  /** Closes the temp files; returns the entry's content as an async iterable. */
  close(): Promise<() => AsyncIterable<Uint8Array>>;
};

type Appender = { write(item: unknown): Promise<void>; end(): Promise<void>; filePath: string };

function openAppender(filePath: string): Appender {
  const stream: WriteStream = createWriteStream(filePath, { flags: "wx", mode: 0o600 });
  let first = true;
  return {
    filePath,
    async write(item) {
      const ok = stream.write((first ? "\n" : ",\n") + JSON.stringify(item));
      first = false;
      if (!ok) await once(stream, "drain");
    },
    async end() {
      stream.end();
      await once(stream, "finish");
    },
  };
}

export function createCocoJsonWriter(options: {
  workDir: string;
  info: Record<string, unknown>;
  categories: Record<string, unknown>[];
}): CocoJsonWriter {
  const images = openAppender(path.join(options.workDir, "coco-images.jsonl"));
  const annotations = openAppender(path.join(options.workDir, "coco-annotations.jsonl"));
  const header = `{"info":${JSON.stringify(options.info)},"licenses":[],"categories":${JSON.stringify(options.categories)},"images":[`;
  return {
    addImage: (image) => images.write(image),
    addAnnotation: (annotation) => annotations.write(annotation),
    async close() {
      await images.end();
      await annotations.end();
      return async function* content() {
        yield Buffer.from(header);
        for await (const chunk of createReadStream(images.filePath)) yield chunk as Buffer;
        yield Buffer.from('\n],"annotations":[');
        for await (const chunk of createReadStream(annotations.filePath)) yield chunk as Buffer;
        yield Buffer.from("\n]}\n");
      };
    },
  };
}
