import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

describe("LruCache", () => {
  it("evicts the least recently used entry and reports it", () => {
    const evicted: string[] = [];
    const cache = new LruCache<string, number>(2, (key) => evicted.push(key));
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the youngest
    cache.set("c", 3);
    expect(evicted).toEqual(["b"]);
    expect(cache.keys()).toEqual(["a", "c"]);
    expect(cache.has("b")).toBe(false);
  });

  it("replacing a value evicts the old one; deleting reports it too", () => {
    const evicted: [string, number][] = [];
    const cache = new LruCache<string, number>(3, (key, value) => evicted.push([key, value]));
    cache.set("a", 1);
    cache.set("a", 2);
    cache.set("a", 2);
    expect(cache.delete("a")).toBe(true);
    expect(cache.delete("a")).toBe(false);
    expect(evicted).toEqual([
      ["a", 1],
      ["a", 2],
    ]);
    expect(cache.size).toBe(0);
  });

  it("rejects a useless capacity", () => {
    expect(() => new LruCache(0)).toThrow(/capacity/);
  });
});
