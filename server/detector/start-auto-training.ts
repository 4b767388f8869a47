// After an acceptance has committed (a reviewer's, or a hand-in accepted
// without review): retraining may be due. A failure to queue it is logged,
// never reported as a failed acceptance.
import { maybeStartAutoTraining } from "./maybe-start-auto-training";

export async function startAutoTraining(projectId: string): Promise<void> {
  try {
    await maybeStartAutoTraining({ projectId });
  } catch (error) {
    console.error(`[detector] automatic detector training for project ${projectId} failed to start:`, error instanceof Error ? error.message : error);
  }
}
