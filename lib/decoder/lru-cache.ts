// A small least-recently-used map. The decoder worker keeps a few decoded
// embeddings (4 MiB each for SAM) so going back to a recent image needs no
// refetch or decompression, while memory stays bounded.
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly onEvict: (key: K, value: V) => void = () => undefined,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`LRU capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value without changing its age. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Returns the value and marks it most recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    // Map keeps insertion order: re-inserting moves the key to the young end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    const previous = this.entries.get(key);
    if (this.entries.has(key)) {
      this.entries.delete(key);
      if (previous !== value) this.onEvict(key, previous as V);
    }
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      const evicted = this.entries.get(oldest.value) as V;
      this.entries.delete(oldest.value);
      this.onEvict(oldest.value, evicted);
    }
  }

  delete(key: K): boolean {
    if (!this.entries.has(key)) return false;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.onEvict(key, value);
    return true;
  }

  keys(): K[] {
    return [...this.entries.keys()];
  }
}
