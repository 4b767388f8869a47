import { describe, expect, it } from "vitest";
import { csvField, MASK_TELEMETRY_COLUMNS, MASK_TELEMETRY_HEADER, maskTelemetryCsvLine, type MaskTelemetryRow } from "./mask-telemetry-csv";

describe("csvField", () => {
  it("quotes commas, quotes and line breaks, and leaves plain text and numbers alone", () => {
    expect(csvField("cat")).toBe("cat");
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses text a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-cat")).toBe("'-cat");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField(-3)).toBe("-3");
  });
});

describe("maskTelemetryCsvLine", () => {
  it("writes every column in the header's order, CRLF-terminated", () => {
    const row = Object.fromEntries(MASK_TELEMETRY_COLUMNS.map((column, index) => [column, index])) as MaskTelemetryRow;
    row.label = "big, red";
    const line = maskTelemetryCsvLine(row);
    expect(line.endsWith("\r\n")).toBe(true);
    expect(line).toBe(`0,1,2,"big, red",${MASK_TELEMETRY_COLUMNS.slice(4).map((_, i) => i + 4).join(",")}\r\n`);
    expect(MASK_TELEMETRY_HEADER.split(",")).toHaveLength(MASK_TELEMETRY_COLUMNS.length);
  });
});
