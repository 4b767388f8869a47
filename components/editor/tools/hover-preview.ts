// Hover preview as in the SAM demo: when the cursor rests (no movement for
// `restMs`), decode a single click there and show it faintly. Any movement
// cancels the pending request, hides the shown preview and makes an answer
// still in flight stale (its generation no longer matches). Requests are
// throttled to one per `minIntervalMs`.
export interface HoverSchedulerOptions {
  restMs?: number;
  minIntervalMs?: number;
  /** setTimeout-like; returns a cancel function. Injected for tests. */
  schedule: (fn: () => void, ms: number) => () => void;
  now: () => number;
  /** Start a decode at (x, y); `generation` must be passed to isCurrent with its answer. */
  request: (x: number, y: number, generation: number) => void;
  /** Hide whatever preview is shown. */
  clear: () => void;
}

export class HoverScheduler {
  private generation = 0;
  private cancelPending: (() => void) | null = null;
  private lastRequestAt = -Infinity;
  private enabled = true;
  private readonly restMs: number;
  private readonly minIntervalMs: number;

  constructor(private readonly options: HoverSchedulerOptions) {
    this.restMs = options.restMs ?? 150;
    this.minIntervalMs = options.minIntervalMs ?? 100;
  }

  /** The pointer moved to (x, y) in image pixels. */
  move(x: number, y: number): void {
    this.invalidate();
    if (!this.enabled) return;
    const wait = Math.max(this.restMs, this.lastRequestAt + this.minIntervalMs - this.options.now());
    const generation = this.generation;
    this.cancelPending = this.options.schedule(() => {
      this.cancelPending = null;
      if (generation !== this.generation || !this.enabled) return;
      this.lastRequestAt = this.options.now();
      this.options.request(x, y, generation);
    }, wait);
  }

  /** The pointer left the image, a button went down, or a draft started. */
  cancel(): void {
    this.invalidate();
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    if (!enabled) this.invalidate();
  }

  /** Whether an answer for `generation` may still be shown. */
  isCurrent(generation: number): boolean {
    return this.enabled && generation === this.generation;
  }

  private invalidate(): void {
    this.generation++;
    this.cancelPending?.();
    this.cancelPending = null;
    this.options.clear();
  }
}
