// The CVAT import's XML reader: elements, attributes (either quote), text with
// XML's entities, CDATA and self-closing tags; DOCTYPE / entity declarations,
// unknown entities and broken nesting refused with the line.
import { describe, expect, it } from "vitest";
import { parseXmlEvents } from "./parse-xml-events";

describe("parseXmlEvents", () => {
  it("reads elements, attributes, text and entities", () => {
    const xml = `<?xml version="1.0"?>\n<!-- a comment -->\n<a x="1 &amp; 2" y='&lt;b&gt;'>\n  <b/>text &#65;&#x42;&quot;<![CDATA[<raw & kept>]]></a>\n`;
    expect(parseXmlEvents(xml)).toEqual([
      { kind: "open", name: "a", attributes: { x: "1 & 2", y: "<b>" }, line: 3 },
      { kind: "text", text: "\n  " },
      { kind: "open", name: "b", attributes: {}, line: 4 },
      { kind: "close", name: "b", line: 4 },
      { kind: "text", text: 'text AB"' },
      { kind: "text", text: "<raw & kept>" },
      { kind: "close", name: "a", line: 4 },
    ]);
  });

  it("refuses what it does not read, naming the line", () => {
    expect(() => parseXmlEvents('<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>')).toThrow(/line 1: DOCTYPE and entity declarations are not accepted/);
    expect(() => parseXmlEvents("<a>\n&nbsp;</a>")).toThrow(/line 2: unknown entity &nbsp;/);
    expect(() => parseXmlEvents("<a>\n<b></a>")).toThrow(/line 2: <\/a> closes <b>/);
    expect(() => parseXmlEvents("<a><b>")).toThrow(/the file ends inside <b>/);
    expect(() => parseXmlEvents("<a>x & y</a>")).toThrow(/bare "&"/);
    expect(() => parseXmlEvents("<a x=1></a>")).toThrow(/the tag <a> is malformed/);
    expect(() => parseXmlEvents("hello<a/>")).toThrow(/text outside the root element/);
  });
});
