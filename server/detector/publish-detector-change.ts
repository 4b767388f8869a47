// Tells the project's open pages that a detector version was queued or
// activated (app-side changes; the worker's training progress and outcome
// are "detector:training", server/jobs/publish-job-events.ts). The payload
// only names the version: the manager panel re-reads the overview through
// its authorised route.
import { publishEvent } from "../realtime/publish-event";
import { projectRoom } from "../realtime/socket-server";

export const DETECTOR_CHANGED_EVENT = "detector:changed";

export interface DetectorChangedEvent {
  projectId: string;
  versionId: string;
}

export function publishDetectorChange(options: DetectorChangedEvent): void {
  publishEvent({ rooms: [projectRoom(options.projectId)], event: DETECTOR_CHANGED_EVENT, payload: { projectId: options.projectId, versionId: options.versionId } satisfies DetectorChangedEvent });
}
