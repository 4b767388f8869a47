"use client";
// React hook over a shared DecoderClient: tracks the decoder session and the
// current image's embedding (polling every 2 s while the server answers 409
// "not ready"), and exposes decode() for that image.
import { useCallback, useEffect, useRef, useState } from "react";
import type { DecodePrompt, DecoderModelInfo } from "@/lib/decoder/protocol";
import type { ImageSize } from "@/lib/sam/prompt-transform";
import {
  DecoderClient,
  EmbeddingFailedError,
  EmbeddingNotReadyError,
  type DecodeOutcome,
  type DecoderReady,
} from "./decoder-client";

export type DecoderState = { phase: "starting" } | { phase: "ready"; info: DecoderReady } | { phase: "error"; message: string };

export type EmbeddingState =
  | { phase: "loading" }
  | { phase: "waiting"; status: "pending" | "running"; polls: number }
  | { phase: "ready"; key: string }
  | { phase: "failed"; message: string }
  | { phase: "error"; message: string };

// One client (worker + ORT session, ~1.5 s to create) per decoder URL for the
// page's lifetime, so moving between images in the editor reuses it.
const clients = new Map<string, DecoderClient>();

export function sharedDecoderClient(options: { modelUrl: string; model: DecoderModelInfo; threads?: number }): DecoderClient {
  const key = `${options.modelUrl}#${options.threads ?? "auto"}`;
  let client = clients.get(key);
  if (!client) {
    client = new DecoderClient(options);
    clients.set(key, client);
  }
  return client;
}

export function useSamDecoder({
  modelUrl,
  model,
  imageId,
  threads,
  pollIntervalMs = 2000,
  prefetchImageIds,
}: {
  modelUrl: string;
  model: DecoderModelInfo;
  imageId: string;
  /** WASM threads; default min(4, cores) when cross-origin isolated, else 1. */
  threads?: number;
  pollIntervalMs?: number;
  /** Images likely to be opened next (e.g. the rest of the task list). */
  prefetchImageIds?: readonly string[];
}) {
  // Created in an effect: there is no Worker during server rendering.
  const clientRef = useRef<DecoderClient | null>(null);
  const [decoder, setDecoder] = useState<DecoderState>({ phase: "starting" });
  // Tagged with its image so switching images shows "loading" without a reset in the effect.
  const [tagged, setTagged] = useState<{ imageId: string; state: EmbeddingState } | null>(null);
  const embedding: EmbeddingState = tagged && tagged.imageId === imageId ? tagged.state : { phase: "loading" };

  useEffect(() => {
    const client = sharedDecoderClient({ modelUrl, model, threads });
    clientRef.current = client;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    client.ready.then(
      (info) => !cancelled && setDecoder({ phase: "ready", info }),
      (error: unknown) => !cancelled && setDecoder({ phase: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    const report = (state: EmbeddingState) => !cancelled && setTagged({ imageId, state });
    const attempt = (polls: number) => {
      client.loadEmbedding(imageId).then(
        (key) => report({ phase: "ready", key }),
        (error: unknown) => {
          if (cancelled) return;
          if (error instanceof EmbeddingNotReadyError) {
            report({ phase: "waiting", status: error.status, polls });
            timer = setTimeout(() => attempt(polls + 1), pollIntervalMs);
          } else if (error instanceof EmbeddingFailedError) {
            report({ phase: "failed", message: error.message });
          } else {
            report({ phase: "error", message: error instanceof Error ? error.message : String(error) });
          }
        },
      );
    };
    attempt(0);
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
    // The manifest entry is fixed for a given URL (the URL carries the file's sha256).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modelUrl, threads, imageId, pollIntervalMs]);

  const prefetchKey = prefetchImageIds?.join(",") ?? "";
  useEffect(() => {
    if (prefetchKey) sharedDecoderClient({ modelUrl, model, threads }).prefetch(prefetchKey.split(","));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modelUrl, threads, prefetchKey]);

  const decode = useCallback(
    (prompt: DecodePrompt, imageSize: ImageSize): Promise<DecodeOutcome> => {
      const client = clientRef.current;
      if (!client) return Promise.reject(new Error("The decoder has not started yet."));
      return client.decode({ imageId, prompt, imageSize });
    },
    [imageId],
  );

  const ready = decoder.phase === "ready" && embedding.phase === "ready";
  return { decoder, embedding, ready, decode };
}
