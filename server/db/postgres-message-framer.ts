// Cuts a Postgres client's byte stream into whole protocol messages.
//
// pglite-socket 0.0.20 hands every TCP chunk straight to PGlite, which expects
// whole messages: a query or bind larger than one chunk (~64 KiB: a COCO
// import's annotation rows, a batch of thousands of image ids) reached PGlite
// in pieces, and the connection, and then PGlite itself, broke for everyone.
// The embedded server feeds each socket through this framer instead.
//
// Wire format (PostgreSQL protocol 3): until the startup message, messages
// have no type byte (int32 length, then int32 code: SSLRequest and
// GSSENCRequest come before the startup message, which switches to the
// regular format); after it, each message is a type byte then an int32 length
// that counts itself but not the type byte.
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

export class PostgresMessageFramer {
  private buffered: Buffer = Buffer.alloc(0);
  private startupDone = false;

  /** Adds a chunk; returns every message now complete (several, joined), or null while one is still partial. */
  push(chunk: Buffer): Buffer | null {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    let end = 0;
    for (;;) {
      const size = this.messageSize(end);
      if (size === null || end + size > this.buffered.length) break;
      end += size;
    }
    if (end === 0) return null;
    const complete = this.buffered.subarray(0, end);
    this.buffered = this.buffered.subarray(end);
    return complete;
  }

  /** Size of the message starting at `offset` (null until its header is in), noting the end of the startup phase. */
  private messageSize(offset: number): number | null {
    const available = this.buffered.length - offset;
    if (!this.startupDone) {
      if (available < 8) return null;
      const length = this.buffered.readInt32BE(offset);
      const code = this.buffered.readInt32BE(offset + 4);
      if (code !== SSL_REQUEST && code !== GSSENC_REQUEST && code !== CANCEL_REQUEST) this.startupDone = true;
      return length;
    }
    if (available < 5) return null;
    return 1 + this.buffered.readInt32BE(offset + 1);
  }
}
