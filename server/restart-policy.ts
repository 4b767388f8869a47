// When the launcher restarts a process that died: at once the first time,
// then after growing pauses (1, 2, 4 … 30 s), and not at all once it has died
// too often lately (then something is wrong that a restart will not fix, and
// the launcher stops with an error rather than loop).
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(private readonly options: { maxCrashes: number; windowMs: number; maxDelayMs: number } = { maxCrashes: 5, windowMs: 5 * 60_000, maxDelayMs: 30_000 }) {}

  /** Records a crash at `now`; null means give up. */
  next(now: number): { delayMs: number } | null {
    this.crashes = [...this.crashes.filter((at) => now - at < this.options.windowMs), now];
    if (this.crashes.length > this.options.maxCrashes) return null;
    const recent = this.crashes.length - 1;
    return { delayMs: recent === 0 ? 0 : Math.min(this.options.maxDelayMs, 1000 * 2 ** (recent - 1)) };
  }
}
