/**
 * Waits before attempt 2, 3, … after a failed one: about 1.5 hours in all
 * before giving up, long enough to ride out a receiver's restart or deploy.
 */
export const WEBHOOK_RETRY_DELAYS_S = [10, 60, 300, 1800, 3600] as const;
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_DELAYS_S.length + 1;

/** When to try again after `attempts` failed tries, or null to give up. */
export function nextWebhookAttemptAt(options: { attempts: number; now: Date }): Date | null {
  const delay = WEBHOOK_RETRY_DELAYS_S[options.attempts - 1];
  return delay === undefined ? null : new Date(options.now.getTime() + delay * 1000);
}
