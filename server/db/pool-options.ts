// Connection-pool settings per database kind. The embedded database (PGlite
// over the wire protocol) serves one connection at a time and queues the rest,
// so its clients must give their connection back almost at once.
import type { PoolConfig } from "pg";

export function poolOptions(connectionString: string, embedded: boolean, max = 10): PoolConfig {
  return embedded
    ? { connectionString, max: 1, idleTimeoutMillis: 1, connectionTimeoutMillis: 120_000 }
    : { connectionString, max, idleTimeoutMillis: 10_000 };
}
