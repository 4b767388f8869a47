// sha256 of a model file, streamed (the encoder is ~28 MB) and memoised per
// path + size + mtime so that verifying the manifest on every session
// creation costs one stat() after the first time.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";

const cache = new Map<string, { key: string; digest: string }>();

export async function hashFileSha256({ filePath }: { filePath: string }): Promise<string> {
  const info = await stat(filePath);
  const key = `${info.size}:${info.mtimeMs}`;
  const cached = cache.get(filePath);
  if (cached && cached.key === key) return cached.digest;
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  const digest = hash.digest("hex");
  cache.set(filePath, { key, digest });
  return digest;
}
