import { describe, expect, it } from "vitest";
import { PostgresMessageFramer } from "./postgres-message-framer";

function untyped(code: number, body = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(code, 4);
  return Buffer.concat([header, body]);
}

function typed(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

const startup = untyped(196608, Buffer.from("user\0postgres\0\0"));
const query = (text: string) => typed("Q", Buffer.from(`${text}\0`));

describe("PostgresMessageFramer", () => {
  it("passes whole messages through as they come, several at once", () => {
    const framer = new PostgresMessageFramer();
    expect(framer.push(untyped(80877103))).toEqual(untyped(80877103)); // SSLRequest: still before the startup message
    expect(framer.push(startup)).toEqual(startup);
    const two = Buffer.concat([query("SELECT 1"), query("SELECT 2")]);
    expect(framer.push(two)).toEqual(two);
  });

  it("holds a message split across chunks until its last byte arrives", () => {
    const framer = new PostgresMessageFramer();
    framer.push(startup);
    const big = query(`SELECT '${"x".repeat(200_000)}'`);
    const pieces = [big.subarray(0, 3), big.subarray(3, 65_536), big.subarray(65_536, 150_000), big.subarray(150_000)];
    expect(pieces.slice(0, 3).map((piece) => framer.push(piece))).toEqual([null, null, null]);
    expect(framer.push(pieces[3]!)).toEqual(big);
  });

  it("returns the complete messages of a chunk and keeps the partial rest", () => {
    const framer = new PostgresMessageFramer();
    const first = query("SELECT 1");
    const second = query("SELECT 2");
    const stream = Buffer.concat([startup, first, second]);
    const cut = startup.length + first.length + 4;
    expect(framer.push(stream.subarray(0, cut))).toEqual(Buffer.concat([startup, first]));
    expect(framer.push(stream.subarray(cut))).toEqual(second);
  });

  it("cuts a startup message split in its header", () => {
    const framer = new PostgresMessageFramer();
    expect(framer.push(startup.subarray(0, 6))).toBeNull();
    expect(framer.push(startup.subarray(6))).toEqual(startup);
    expect(framer.push(query("SELECT 3"))).toEqual(query("SELECT 3"));
  });
});
