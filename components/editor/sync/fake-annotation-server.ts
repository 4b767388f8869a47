// An in-memory stand-in for the annotation routes with the same version
// rules (for the sync engine's unit tests): create is idempotent by id,
// update/delete need the current version, 409 carries the current copy.
import { rleArea, rleBbox } from "@/lib/mask";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import type { ObjectPayload } from "../core/annotation-codec";
import type { AnnotationApi, ApiOutcome } from "./annotation-api";

export type FakeMode = "up" | "offline" | "signed-out" | "lose-response";

export class FakeAnnotationServer implements AnnotationApi {
  readonly rows = new Map<string, AnnotationDto>();
  mode: FakeMode = "up";
  readonly calls: string[] = [];

  constructor(private readonly userId = "me") {}

  private dto(options: { id: string; imageId: string; payload: ObjectPayload; version: number; author: string; deleted?: boolean }): AnnotationDto {
    const { id, imageId, payload, version, author } = options;
    return {
      id,
      projectId: "p",
      imageId,
      labelClassId: payload.labelClassId,
      rle: { size: [payload.rle.size[0], payload.rle.size[1]], counts: payload.rle.counts },
      bbox: rleBbox(payload.rle),
      area: rleArea(payload.rle),
      source: payload.source,
      originId: payload.originId,
      telemetry: { ...payload.telemetry },
      prompt: payload.prompt,
      attributes: payload.attributes ?? {},
      authorId: author,
      version,
      deleted: options.deleted ?? false,
      updatedAt: new Date(0).toISOString(),
    };
  }

  /** Someone else writes directly (a second browser). */
  writeAsOther(options: { id: string; imageId: string; payload: ObjectPayload; deleted?: boolean }): AnnotationDto {
    const current = this.rows.get(options.id);
    const row = this.dto({ ...options, version: (current?.version ?? 0) + 1, author: "other" });
    this.rows.set(options.id, row);
    return row;
  }

  private answer(result: ApiOutcome, apply: () => void): ApiOutcome {
    if (this.mode === "offline") return { kind: "unreachable", message: "Failed to fetch" };
    if (this.mode === "signed-out") return { kind: "unauthenticated", message: "Sign in to continue." };
    apply();
    if (this.mode === "lose-response") return { kind: "unreachable", message: "connection reset" };
    return result;
  }

  async create(options: { imageId: string; id: string; payload: ObjectPayload }): Promise<ApiOutcome> {
    this.calls.push(`create ${options.id}`);
    const existing = this.rows.get(options.id);
    if (existing) {
      const same = existing.rle.counts === options.payload.rle.counts && existing.version === 1 && existing.authorId === this.userId;
      return this.answer(same ? { kind: "ok", annotation: existing } : { kind: "conflict", current: existing, message: "taken" }, () => undefined);
    }
    const row = this.dto({ ...options, version: 1, author: this.userId });
    return this.answer({ kind: "ok", annotation: row }, () => this.rows.set(options.id, row));
  }

  async update(options: { id: string; baseVersion: number; payload: ObjectPayload }): Promise<ApiOutcome> {
    this.calls.push(`update ${options.id}@${options.baseVersion}`);
    const current = this.rows.get(options.id);
    if (!current) return this.answer({ kind: "rejected", status: 404, message: "Annotation not found." }, () => undefined);
    if (current.version !== options.baseVersion) return this.answer({ kind: "conflict", current, message: "changed" }, () => undefined);
    const row = this.dto({ id: options.id, imageId: current.imageId, payload: options.payload, version: current.version + 1, author: this.userId });
    return this.answer({ kind: "ok", annotation: row }, () => this.rows.set(options.id, row));
  }

  async remove(options: { id: string; baseVersion: number }): Promise<ApiOutcome> {
    this.calls.push(`delete ${options.id}@${options.baseVersion}`);
    const current = this.rows.get(options.id);
    if (!current) return this.answer({ kind: "rejected", status: 404, message: "Annotation not found." }, () => undefined);
    if (current.version !== options.baseVersion || current.deleted) return this.answer({ kind: "conflict", current, message: "changed" }, () => undefined);
    const row = { ...current, version: current.version + 1, deleted: true, authorId: this.userId };
    return this.answer({ kind: "ok", annotation: row }, () => this.rows.set(options.id, row));
  }
}
