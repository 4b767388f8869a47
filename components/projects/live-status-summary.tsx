"use client";

import { useCallback, useState } from "react";
import { StatusSummary } from "./status-summary";
import { useProjectEvent } from "../realtime/use-project-socket";
import type { ProjectProgress } from "@/server/projects/count-project-progress";

/** The status counts and encoder progress bar, updated live over socket.io. */
export function LiveStatusSummary({ initial }: { initial: ProjectProgress }) {
  const [progress, setProgress] = useState(initial);
  const onProgress = useCallback(
    (next: ProjectProgress) => {
      if (next.projectId === initial.projectId) setProgress(next);
    },
    [initial.projectId],
  );
  useProjectEvent(initial.projectId, "project:progress", onProgress);
  return (
    <StatusSummary
      projectId={initial.projectId}
      statusCounts={progress.statusCounts}
      imageCount={progress.imageCount}
      encodedCount={progress.encodedCount}
      failedEncodings={progress.failedEncodings}
    />
  );
}
