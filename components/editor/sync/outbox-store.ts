// Unsaved work, kept on this device until the server confirms it: IndexedDB
// (survives reloads, crashes and session expiry), one entry per object.
// An entry is self-contained (RLE mask, base version, task), so it can be
// sent after re-login from any page of the editor, for any image.
import type { ObjectPayload } from "../core/annotation-codec";

export interface OutboxEntry {
  /** `${imageId}/${objectId}` */
  key: string;
  imageId: string;
  objectId: string;
  kind: "create" | "update" | "delete";
  /** The server version the change is based on (0 for a create). */
  baseVersion: number;
  /** null for a delete. */
  payload: ObjectPayload | null;
  taskId: string | null;
  /** Bumped on every local change: a save only clears the entry if it is still the one sent. */
  revision: number;
  queuedAt: number;
}

export interface OutboxStore {
  list(filter?: { imageId?: string }): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

export function outboxKey(imageId: string, objectId: string): string {
  return `${imageId}/${objectId}`;
}

export class MemoryOutboxStore implements OutboxStore {
  readonly entries = new Map<string, OutboxEntry>();
  async list(filter: { imageId?: string } = {}): Promise<OutboxEntry[]> {
    return [...this.entries.values()].filter((e) => !filter.imageId || e.imageId === filter.imageId).map((e) => structuredClone(e));
  }
  async put(entry: OutboxEntry): Promise<void> {
    this.entries.set(entry.key, structuredClone(entry));
  }
  async remove(key: string): Promise<void> {
    this.entries.delete(key);
  }
}

const DB_NAME = "maskwright-editor";
const STORE = "outbox";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
  });
}

export class IndexedDbOutboxStore implements OutboxStore {
  private db: Promise<IDBDatabase> | null = null;

  /** Per signed-in user, so two accounts on one browser never send each other's work. */
  constructor(private readonly userId: string) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(`${DB_NAME}-${this.userId}`, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: "key" });
        store.createIndex("imageId", "imageId");
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("Could not open IndexedDB"));
    });
    return this.db;
  }

  async list(filter: { imageId?: string } = {}): Promise<OutboxEntry[]> {
    const db = await this.open();
    const store = db.transaction(STORE, "readonly").objectStore(STORE);
    const all = filter.imageId ? store.index("imageId").getAll(filter.imageId) : store.getAll();
    return (await request(all)) as OutboxEntry[];
  }

  async put(entry: OutboxEntry): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, "readwrite");
    tx.objectStore(STORE).put(entry);
    await done(tx);
  }

  async remove(key: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, "readwrite");
    tx.objectStore(STORE).delete(key);
    await done(tx);
  }
}
