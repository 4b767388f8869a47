import { describe, expect, it } from "vitest";
import { makeAvif, makeGif, makeJpeg, makePng, makeSvg, makeTextFile, makeTiff, makeWebp } from "../testing/fixtures/images";
import { sanitizeFileName } from "./sanitize-file-name";
import { sniffImageType } from "./sniff-image-type";

describe("sniffImageType", () => {
  const size = { width: 16, height: 12 };
  it.each([
    ["jpeg", "image/jpeg", () => makeJpeg(size)],
    ["png", "image/png", () => makePng(size)],
    ["webp", "image/webp", () => makeWebp(size)],
    ["gif", "image/gif", () => makeGif(size)],
    ["tiff", "image/tiff", () => makeTiff(size)],
    ["avif", "image/avif", () => makeAvif(size)],
  ])("recognises %s from its bytes", async (format, mime, make) => {
    expect(sniffImageType(await make())).toEqual({ kind: "image", format, mime });
  });

  it("recognises a HEIC ftyp box", () => {
    const box = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic")]);
    expect(sniffImageType(box)).toMatchObject({ kind: "image", format: "heic" });
  });

  it("flags SVG and other markup, with or without an XML prolog or BOM", () => {
    expect(sniffImageType(makeSvg())).toEqual({ kind: "markup" });
    expect(sniffImageType(Buffer.from("\uFEFF  <svg xmlns='http://www.w3.org/2000/svg'/>"))).toEqual({ kind: "markup" });
    expect(sniffImageType(Buffer.from("<!doctype html><html></html>"))).toEqual({ kind: "markup" });
  });

  it("tells text from unknown binary", () => {
    expect(sniffImageType(makeTextFile())).toEqual({ kind: "text" });
    expect(sniffImageType(Buffer.from("Grüße, ünïcödé text"))).toEqual({ kind: "text" });
    expect(sniffImageType(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x10]))).toEqual({ kind: "unknown" });
    expect(sniffImageType(Buffer.alloc(0))).toEqual({ kind: "unknown" });
  });
});

describe("sanitizeFileName", () => {
  it("keeps only the base name", () => {
    expect(sanitizeFileName({ fileName: "../../etc/passwd.png" })).toBe("passwd.png");
    expect(sanitizeFileName({ fileName: "C:\\Users\\me\\Pictures\\cat.jpg" })).toBe("cat.jpg");
  });

  it("strips control and bidi-override characters", () => {
    expect(sanitizeFileName({ fileName: "evil\u202Egpj.exe" })).toBe("evilgpj.exe");
    expect(sanitizeFileName({ fileName: "a\u0000b\nc\t.png" })).toBe("abc.png");
  });

  it("falls back when nothing is left", () => {
    expect(sanitizeFileName({ fileName: "" })).toBe("image");
    expect(sanitizeFileName({ fileName: "dir/.." })).toBe("image");
    expect(sanitizeFileName({ fileName: "\u0001\u0002", fallback: "upload" })).toBe("upload");
  });

  it("caps the length and keeps the extension", () => {
    const long = `${"x".repeat(500)}.jpeg`;
    const result = sanitizeFileName({ fileName: long });
    expect(Array.from(result).length).toBe(200);
    expect(result.endsWith("….jpeg")).toBe(true);
    const emoji = "😀".repeat(300);
    expect(Array.from(sanitizeFileName({ fileName: emoji })).length).toBe(200);
  });
});
