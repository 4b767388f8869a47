import { describe, expect, it } from "vitest";
import { RoomHolders } from "./room-holders";

describe("RoomHolders", () => {
  it("leaves a room only when its last holder lets go", () => {
    const left: string[] = [];
    const holders = new RoomHolders((room) => left.push(room));
    holders.retain("p1");
    holders.retain("p1");
    holders.retain("p2");
    holders.release("p1");
    expect(left).toEqual([]);
    expect(holders.held("p1")).toBe(1);
    holders.release("p2");
    holders.release("p1");
    expect(left).toEqual(["p2", "p1"]);
    expect(holders.held("p1")).toBe(0);
  });

  it("a re-run effect (release then retain) keeps the room for the others", () => {
    const left: string[] = [];
    const holders = new RoomHolders((room) => left.push(room));
    holders.retain("p1"); // status tiles
    holders.retain("p1"); // a listener whose effect re-runs
    holders.release("p1");
    holders.retain("p1");
    expect(left).toEqual([]);
    expect(holders.held("p1")).toBe(2);
  });
});
