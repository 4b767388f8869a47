// Socket events for annotation changes, emitted after the commit to the
// image's room (people viewing it) and the project's room (lists, progress).
import type { AnnotationDto } from "@/lib/schemas/annotations";
import { imageRoom, publishEvent } from "../realtime/publish-event";
import { projectRoom } from "../realtime/socket-server";

export type AnnotationEvent =
  | { event: "annotation:saved"; payload: { annotation: AnnotationDto; actorId: string } }
  | { event: "annotation:deleted"; payload: { id: string; imageId: string; projectId: string; version: number; actorId: string } };

export function publishAnnotationEvent(options: { annotation: AnnotationDto; actorId: string }): void {
  const { annotation, actorId } = options;
  const rooms = [imageRoom(annotation.imageId), projectRoom(annotation.projectId)];
  if (annotation.deleted) {
    const payload = { id: annotation.id, imageId: annotation.imageId, projectId: annotation.projectId, version: annotation.version, actorId };
    publishEvent({ rooms, event: "annotation:deleted", payload });
  } else {
    publishEvent({ rooms, event: "annotation:saved", payload: { annotation, actorId } });
  }
}
