// How many mounted components on this tab need each project room. Several
// hooks join the same room (the status tiles, the pre-fill panel, the editor's
// two event listeners); joining twice is harmless, but the first to unmount
// used to leave the room for all of them, so the status tiles stopped updating
// after a visit to the Pre-fill tab. Only the last holder leaves now.
export class RoomHolders {
  private readonly counts = new Map<string, number>();

  constructor(private readonly onLastRelease: (room: string) => void) {}

  retain(room: string): void {
    this.counts.set(room, (this.counts.get(room) ?? 0) + 1);
  }

  release(room: string): void {
    const left = (this.counts.get(room) ?? 0) - 1;
    if (left > 0) {
      this.counts.set(room, left);
      return;
    }
    // Also for a release without a retain: leaving is what the caller wanted.
    this.counts.delete(room);
    this.onLastRelease(room);
  }

  held(room: string): number {
    return this.counts.get(room) ?? 0;
  }
}
