"use client";
// Click-to-mask on one image with the in-browser SAM decoder: left click adds
// a foreground point, right click or shift+click a background point; each
// decode feeds the previous low-res mask back as mask input. The mask is
// drawn from the low-res logits (fast path); "Finish mask" computes the exact
// full-resolution mask, as committing an annotation will.
//
// Test/benchmark hooks: data-testid attributes, and window.__maskwrightLastDecode
// set after each mask is on screen (timed from pointerdown to the animation
// frame after the draw).
import { useCallback, useMemo, useRef, useState, type PointerEvent } from "react";
import type { DecoderModelInfo } from "@/lib/decoder/protocol";
import { lowResLogitsToMask } from "@/lib/sam/mask-postprocess";
import { computeResizeGeometry, type PromptPoint } from "@/lib/sam/prompt-transform";
import { buttonSecondary, card } from "@/components/ui/button-styles";
import { lowResMaskPixels } from "./low-res-mask-image";
import { useSamDecoder, type DecoderState, type EmbeddingState } from "./use-sam-decoder";

export interface LastDecodeHook {
  /** pointerdown -> mask drawn and a frame later. */
  ms: number;
  threads: number | null;
  maskPixels: number;
  iou: number;
  runMs: number;
  roundTripMs: number;
  count: number;
}

declare global {
  interface Window {
    __maskwrightLastDecode?: LastDecodeHook;
    __maskwrightLastCommit?: { ms: number; area: number; width: number; height: number };
  }
}

type Stats = { ms: number; runMs: number; iou: number; maskPixels: number; count: number };

function statusLine(decoder: DecoderState, embedding: EmbeddingState): string {
  if (decoder.phase === "error") return `Decoder failed to start: ${decoder.message}`;
  if (embedding.phase === "failed") return embedding.message;
  if (embedding.phase === "error") return `Could not load the image embedding: ${embedding.message}`;
  if (embedding.phase === "waiting") return `Computing the image embedding (${embedding.status})… checking again every 2 s.`;
  if (embedding.phase === "loading") return "Loading the image embedding…";
  if (decoder.phase === "starting") return "Starting the decoder…";
  return "Ready: left click adds a point, right click or shift+click removes area.";
}

export function ClickToMaskView({
  imageId,
  imageUrl,
  imageWidth,
  imageHeight,
  modelUrl,
  model,
  threads,
}: {
  imageId: string;
  imageUrl: string;
  imageWidth: number;
  imageHeight: number;
  modelUrl: string;
  model: DecoderModelInfo;
  /** WASM thread override (diagnostics, benchmarks); default automatic. */
  threads?: number;
}) {
  const { decoder, embedding, ready, decode } = useSamDecoder({ modelUrl, model, imageId, threads });
  const geometry = useMemo(
    () => computeResizeGeometry({ width: imageWidth, height: imageHeight, inputSize: model.inputSize }),
    [imageWidth, imageHeight, model.inputSize],
  );
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<PromptPoint[]>([]);
  const lastMaskRef = useRef<Float32Array | null>(null);
  const countRef = useRef(0);
  const [points, setPoints] = useState<PromptPoint[]>([]);
  const [stats, setStats] = useState<Stats | null>(null);
  const [commit, setCommit] = useState<{ ms: number; area: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const threadsInUse = decoder.phase === "ready" ? decoder.info.threads : null;

  const draw = useCallback(
    (logits: Float32Array, lowResSize: number): number => {
      const canvas = canvasRef.current;
      const pixels = lowResMaskPixels({ logits, geometry, lowResSize });
      if (!canvas) return pixels.maskPixels;
      canvas.width = pixels.width;
      canvas.height = pixels.height;
      canvas.getContext("2d")?.putImageData(new ImageData(pixels.rgba, pixels.width, pixels.height), 0, 0);
      return pixels.maskPixels;
    },
    [geometry],
  );

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!ready || (event.button !== 0 && event.button !== 2)) return;
    event.preventDefault();
    const started = performance.now();
    const rect = event.currentTarget.getBoundingClientRect();
    const point: PromptPoint = {
      x: ((event.clientX - rect.left) / rect.width) * imageWidth,
      y: ((event.clientY - rect.top) / rect.height) * imageHeight,
      positive: event.button === 0 && !event.shiftKey,
    };
    const next = [...pointsRef.current, point];
    pointsRef.current = next;
    setPoints(next);
    setCommit(null);
    decode({ points: next, maskInput: lastMaskRef.current }, { width: imageWidth, height: imageHeight }).then(
      (outcome) => {
        if (outcome.status === "superseded") return;
        const { result } = outcome;
        lastMaskRef.current = result.chosenMask;
        const maskPixels = draw(result.chosenMask, result.lowResSize);
        requestAnimationFrame(() => {
          const ms = performance.now() - started;
          const count = ++countRef.current;
          setStats({ ms, runMs: result.timings.runMs, iou: result.chosenIou, maskPixels, count });
          setError(null);
          window.__maskwrightLastDecode = {
            ms,
            threads: threadsInUse,
            maskPixels,
            iou: result.chosenIou,
            runMs: result.timings.runMs,
            roundTripMs: result.timings.roundTripMs,
            count,
          };
        });
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  const reset = () => {
    pointsRef.current = [];
    lastMaskRef.current = null;
    setPoints([]);
    setStats(null);
    setCommit(null);
    const canvas = canvasRef.current;
    canvas?.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
  };

  const finish = () => {
    const logits = lastMaskRef.current;
    if (!logits) return;
    const started = performance.now();
    const mask = lowResLogitsToMask({ lowRes: logits, geometry, lowResSize: model.lowResMaskSize });
    let area = 0;
    for (let i = 0; i < mask.data.length; i++) area += mask.data[i] as number;
    const ms = performance.now() - started;
    setCommit({ ms, area });
    window.__maskwrightLastCommit = { ms, area, width: mask.width, height: mask.height };
  };

  const decoderState = decoder.phase;
  const embeddingState = embedding.phase;
  return (
    <div
      className="space-y-3"
      data-testid="click-to-mask"
      data-decoder-state={decoderState}
      data-embedding-state={embeddingState}
      data-ready={ready ? "true" : "false"}
      data-decode-count={stats?.count ?? 0}
    >
      <p className="text-sm text-slate-700" data-testid="click-to-mask-status" role="status">
        {statusLine(decoder, embedding)}
      </p>
      <div
        className={`relative w-full touch-none select-none overflow-hidden ${card} ${ready ? "cursor-crosshair" : "cursor-wait"}`}
        style={{ aspectRatio: `${imageWidth} / ${imageHeight}` }}
        onPointerDown={onPointerDown}
        onContextMenu={(event) => event.preventDefault()}
        data-testid="click-to-mask-stage"
      >
        {/* A plain img: the bytes come from an authorised route that next/image would re-fetch without cookies. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={imageUrl} alt="" draggable={false} className="absolute inset-0 h-full w-full" data-testid="click-to-mask-image" />
        <canvas ref={canvasRef} className="pointer-events-none absolute inset-0 h-full w-full" data-testid="mask-canvas" />
        <svg
          className="pointer-events-none absolute inset-0 h-full w-full"
          viewBox={`0 0 ${imageWidth} ${imageHeight}`}
          preserveAspectRatio="none"
          aria-hidden
        >
          {points.map((p, i) => (
            <circle
              key={i}
              cx={p.x}
              cy={p.y}
              r={Math.max(imageWidth, imageHeight) / 120}
              fill={p.positive ? "#16a34a" : "#dc2626"}
              stroke="white"
              strokeWidth={Math.max(imageWidth, imageHeight) / 480}
            />
          ))}
        </svg>
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-slate-700" data-testid="decode-stats">
        <span>
          Click to mask: <strong data-testid="decode-ms">{stats ? `${stats.ms.toFixed(0)} ms` : "–"}</strong>
          {stats && <span className="text-slate-500"> (model {stats.runMs.toFixed(0)} ms)</span>}
        </span>
        <span>
          Threads: <strong data-testid="decode-threads">{threadsInUse ?? "–"}</strong>
        </span>
        <span>
          Predicted IoU: <strong data-testid="decode-iou">{stats ? stats.iou.toFixed(3) : "–"}</strong>
        </span>
        <span>
          Mask pixels (low-res): <strong data-testid="mask-pixels">{stats?.maskPixels ?? "–"}</strong>
        </span>
        <span className="ml-auto flex gap-2">
          <button type="button" className={buttonSecondary} onClick={finish} disabled={!stats} data-testid="finish-mask">
            Finish mask
          </button>
          <button type="button" className={buttonSecondary} onClick={reset} disabled={points.length === 0} data-testid="reset-mask">
            Reset
          </button>
        </span>
      </div>
      {commit && (
        <p className="text-sm text-slate-700" data-testid="committed-mask">
          Full-resolution mask: {commit.area} px of {imageWidth * imageHeight} ({commit.ms.toFixed(0)} ms)
        </p>
      )}
      {error && (
        <p className="text-sm text-red-700" role="alert" data-testid="click-to-mask-error">
          {error}
        </p>
      )}
    </div>
  );
}
