// Pure rules the sync engine applies to outbox entries and server answers.
import { createMask, type BinaryMask } from "@/lib/mask";
import { compactMaskFromRle } from "../core/compact-mask";
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { objectPayload } from "../core/annotation-codec";
import type { PendingChange, ServerCopy } from "../core/sync-diff";
import type { EditorObject } from "../core/types";
import { outboxKey, type OutboxEntry } from "./outbox-store";

/** The parts of an object an entry was built from, compared by reference to skip re-encoding. */
export interface EntrySnapshot {
  labelClassId: string | null;
  mask: BinaryMask;
  order: number;
  telemetry: EditorObject["telemetry"];
  attributes: EditorObject["attributes"];
}

export function snapshotOf(object: EditorObject): EntrySnapshot {
  return { labelClassId: object.labelClassId, mask: object.mask, order: object.order, telemetry: object.telemetry, attributes: object.attributes };
}

export function sameSnapshot(a: EntrySnapshot | null, b: EntrySnapshot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.mask === b.mask && a.labelClassId === b.labelClassId && a.order === b.order && a.telemetry === b.telemetry && a.attributes === b.attributes;
}

export function changeId(change: PendingChange): string {
  return change.kind === "delete" ? change.id : change.object.id;
}

export function changeBaseVersion(change: PendingChange): number {
  return change.kind === "create" ? 0 : change.baseVersion;
}

export function entryFor(options: { imageId: string; change: PendingChange; taskId: string | null; revision: number; now: number }): OutboxEntry {
  const { imageId, change, taskId, revision, now } = options;
  const objectId = changeId(change);
  return {
    key: outboxKey(imageId, objectId),
    imageId,
    objectId,
    kind: change.kind,
    baseVersion: changeBaseVersion(change),
    payload: change.kind === "delete" ? null : objectPayload(change.object),
    taskId,
    revision,
    queuedAt: now,
  };
}

export function serverCopyFromDto(dto: AnnotationDto): ServerCopy {
  return {
    id: dto.id,
    version: dto.version,
    deleted: dto.deleted,
    labelClassId: dto.labelClassId,
    mask: compactMaskFromRle(dto.rle),
    order: dto.prompt?.order ?? 0,
    attributes: dto.attributes,
  };
}

/** A stand-in for a server copy this tab has not seen (restored work on an object gone from the list). */
export function unknownServerCopy(options: { id: string; version: number; width: number; height: number }): ServerCopy {
  return { id: options.id, version: options.version, deleted: false, labelClassId: null, mask: createMask(options.width, options.height), order: Number.NaN, attributes: {} };
}

/**
 * A 409 that is really our own earlier write whose answer was lost (offline,
 * a reload mid-request): the server's copy is the next version after the
 * entry's base, written by this user (or, for a delete, it is deleted).
 * The engine then adopts that copy as its baseline and re-diffs: nothing to
 * send if it matches the document, else an update based on it. Anything
 * else is a real conflict for a person to decide.
 */
export function isOwnEarlierWrite(entry: OutboxEntry, current: AnnotationDto, userId: string): boolean {
  if (entry.kind === "delete") return current.deleted;
  if (current.deleted || current.authorId !== userId) return false;
  return current.version === (entry.kind === "create" ? 1 : entry.baseVersion + 1);
}

/** Retry delays for unreachable servers: 1 s, 2 s, 4 s ... at most 30 s. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
}
