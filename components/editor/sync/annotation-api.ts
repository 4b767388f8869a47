// The editor's client for the annotation routes. Every call resolves to an
// outcome (never throws), so the sync engine can treat each case on purpose:
// saved, a version conflict with the server's copy, signed out, refused
// (4xx: shown and kept), or unreachable (offline / 5xx: retried).
import { annotationDto, versionConflictDetails, type AnnotationDto } from "@/lib/schemas/annotations";
import type { ObjectPayload } from "../core/annotation-codec";

export type ApiOutcome =
  | { kind: "ok"; annotation: AnnotationDto }
  | { kind: "conflict"; current: AnnotationDto; message: string }
  /** 409 without a server copy, e.g. the queue's lease was lost: shown, kept, retried on request. */
  | { kind: "blocked"; status: number; message: string }
  | { kind: "unauthenticated"; message: string }
  | { kind: "rejected"; status: number; message: string }
  | { kind: "unreachable"; message: string };

export interface AnnotationApi {
  create(options: { imageId: string; id: string; payload: ObjectPayload; taskId: string | null }): Promise<ApiOutcome>;
  update(options: { id: string; baseVersion: number; payload: ObjectPayload; taskId: string | null }): Promise<ApiOutcome>;
  remove(options: { id: string; baseVersion: number; taskId: string | null }): Promise<ApiOutcome>;
}

async function readError(response: Response): Promise<{ message: string; details: unknown }> {
  try {
    const body = (await response.json()) as { error?: { message?: string; details?: unknown } };
    return { message: body.error?.message ?? `HTTP ${response.status}`, details: body.error?.details };
  } catch {
    return { message: `HTTP ${response.status}`, details: undefined };
  }
}

export async function toOutcome(response: Response): Promise<ApiOutcome> {
  if (response.ok) {
    const parsed = annotationDto.safeParse(await response.json().catch(() => null));
    if (parsed.success) return { kind: "ok", annotation: parsed.data };
    return { kind: "rejected", status: response.status, message: "The server answered with an unexpected annotation format." };
  }
  const { message, details } = await readError(response);
  if (response.status === 401) return { kind: "unauthenticated", message };
  if (response.status === 409) {
    const conflict = versionConflictDetails.safeParse(details);
    return conflict.success ? { kind: "conflict", current: conflict.data.current, message } : { kind: "blocked", status: 409, message };
  }
  // 408, 429 and 5xx are worth retrying on their own; other 4xx need a person.
  if (response.status >= 500 || response.status === 408 || response.status === 429) return { kind: "unreachable", message };
  return { kind: "rejected", status: response.status, message };
}

export function createAnnotationApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): AnnotationApi {
  const send = async (url: string, init: RequestInit): Promise<ApiOutcome> => {
    try {
      const response = await fetchImpl(url, { ...init, credentials: "same-origin", cache: "no-store" });
      return await toOutcome(response);
    } catch (error) {
      return { kind: "unreachable", message: error instanceof Error ? error.message : String(error) };
    }
  };
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    create: ({ imageId, id, payload, taskId }) =>
      send(`/api/images/${encodeURIComponent(imageId)}/annotations`, json("POST", { id, ...payload, taskId })),
    update: ({ id, baseVersion, payload, taskId }) =>
      send(
        `/api/annotations/${encodeURIComponent(id)}`,
        json("PATCH", {
          version: baseVersion,
          labelClassId: payload.labelClassId,
          rle: payload.rle,
          telemetry: payload.telemetry,
          prompt: payload.prompt,
          attributes: payload.attributes,
          taskId,
        }),
      ),
    remove: ({ id, baseVersion, taskId }) => {
      const query = new URLSearchParams({ version: String(baseVersion) });
      if (taskId) query.set("task", taskId);
      return send(`/api/annotations/${encodeURIComponent(id)}?${query}`, { method: "DELETE" });
    },
  };
}
