// Storage contract for SAM image embeddings, shared by the encoder job that
// writes them and the route that serves them. The compact bytes
// (lib/embedding/compact-embedding: fp16 + byte-plane shuffle + gzip) of one
// (model, image content) pair live at
//
//   embeddings/<modelId>/<imageSha256>.mwem
//
// relative to the data directory, like content-store keys. The key is built
// only from a manifest-style model slug and a lowercase hex SHA-256, so it can
// never escape the data directory; the content store should accept exactly
// the shape isEmbeddingStorageKey() recognises.

const MODEL_ID_RE = /^[a-z0-9][a-z0-9._-]*$/;
const SHA256_RE = /^[0-9a-f]{64}$/;
/** The key shape; the model id part excludes ".." so no path segment is special. */
export const EMBEDDING_STORAGE_KEY_RE = /^embeddings\/([a-z0-9][a-z0-9._-]*)\/([0-9a-f]{64})\.mwem$/;

export const EMBEDDING_FILE_EXTENSION = ".mwem";

export function embeddingStorageKey({ modelId, imageSha256 }: { modelId: string; imageSha256: string }): string {
  if (!MODEL_ID_RE.test(modelId) || modelId.includes("..")) {
    throw new Error(`Not a model id slug: ${JSON.stringify(modelId)}`);
  }
  if (!SHA256_RE.test(imageSha256)) throw new Error(`Not a lowercase hex SHA-256: ${JSON.stringify(imageSha256)}`);
  return `embeddings/${modelId}/${imageSha256}${EMBEDDING_FILE_EXTENSION}`;
}

export function isEmbeddingStorageKey(key: string): boolean {
  const match = EMBEDDING_STORAGE_KEY_RE.exec(key);
  return match !== null && !(match[1] ?? "").includes("..");
}

/** The HTTP validator for an embedding: immutable per (model, image content). */
export function embeddingEtag({ modelId, imageSha256 }: { modelId: string; imageSha256: string }): string {
  return `"${modelId}:${imageSha256}"`;
}
