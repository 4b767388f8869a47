// Runs jobs one at a time, keeping only the newest waiting job. The decoder
// worker uses it for decodes: an ORT session runs one inference at a time, and
// while it runs the user may click several times; only the last click's
// prompt still matters, so the ones in between are dropped (and answered as
// superseded), never queued up behind each other.
export class LatestWinsQueue<T> {
  private running = false;
  private waiting: T | null = null;

  constructor(
    private readonly run: (job: T) => Promise<void>,
    private readonly onDropped: (job: T) => void,
  ) {}

  get busy(): boolean {
    return this.running;
  }

  push(job: T): void {
    if (this.running) {
      if (this.waiting !== null) this.onDropped(this.waiting);
      this.waiting = job;
      return;
    }
    void this.drain(job);
  }

  private async drain(first: T): Promise<void> {
    this.running = true;
    let job: T | null = first;
    while (job !== null) {
      try {
        await this.run(job);
      } catch {
        // run() answers its own errors; a throw here must not stall the queue.
      }
      job = this.waiting;
      this.waiting = null;
    }
    this.running = false;
  }
}
