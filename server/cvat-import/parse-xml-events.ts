// A small XML reader for the CVAT import: elements, attributes and text as a
// flat list of events, enough for annotations.xml. It refuses DOCTYPE (and so
// entity definitions: no "billion laughs", no external entities) and resolves
// only XML's five named entities and numeric character references. Errors say
// where (line) and what, for the import's 4xx.

export type XmlEvent =
  | { kind: "open"; name: string; attributes: Record<string, string>; line: number }
  | { kind: "close"; name: string; line: number }
  | { kind: "text"; text: string };

export class XmlSyntaxError extends Error {}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** `startLine` is the line the text begins on; an error names the line of the entity itself. */
function decodeEntities(text: string, startLine: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (whole, entity: string | undefined, offset: number) => {
    const line = startLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
    if (!entity) throw new XmlSyntaxError(`line ${line}: a bare "&" (write &amp;)`);
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new XmlSyntaxError(`line ${line}: bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const named = NAMED[entity];
    if (named === undefined) throw new XmlSyntaxError(`line ${line}: unknown entity ${whole}`);
    return named;
  });
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

export function parseXmlEvents(xml: string): XmlEvent[] {
  const events: XmlEvent[] = [];
  const open: string[] = [];
  let at = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let i = at; i < to; i++) if (xml.charCodeAt(i) === 10) line++;
    at = to;
  };
  const skipPast = (marker: string, what: string) => {
    const end = xml.indexOf(marker, at);
    if (end < 0) throw new XmlSyntaxError(`line ${line}: ${what} is not closed`);
    advance(end + marker.length);
  };
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > at) {
      const raw = xml.slice(at, textEnd);
      if (open.length > 0) events.push({ kind: "text", text: decodeEntities(raw, line) });
      else if (raw.trim() !== "") throw new XmlSyntaxError(`line ${line}: text outside the root element`);
      advance(textEnd);
    }
    if (lt < 0) break;
    if (xml.startsWith("<?", at)) skipPast("?>", "a processing instruction");
    else if (xml.startsWith("<!--", at)) skipPast("-->", "a comment");
    else if (xml.startsWith("<![CDATA[", at)) {
      const end = xml.indexOf("]]>", at);
      if (end < 0) throw new XmlSyntaxError(`line ${line}: CDATA is not closed`);
      events.push({ kind: "text", text: xml.slice(at + 9, end) });
      advance(end + 3);
    } else if (xml.startsWith("<!", at)) throw new XmlSyntaxError(`line ${line}: DOCTYPE and entity declarations are not accepted`);
    else if (xml.startsWith("</", at)) {
      const match = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(at, at + 200));
      if (!match) throw new XmlSyntaxError(`line ${line}: a malformed closing tag`);
      const expected = open.pop();
      if (expected !== match[1]) throw new XmlSyntaxError(`line ${line}: </${match[1]}> closes ${expected ? `<${expected}>` : "nothing"}`);
      events.push({ kind: "close", name: match[1]!, line });
      advance(at + match[0].length);
    } else {
      const name = NAME.exec(xml.slice(at + 1, at + 201))?.[0];
      if (!name) throw new XmlSyntaxError(`line ${line}: a "<" that starts no element`);
      const startLine = line;
      let cursor = at + 1 + name.length;
      const attributes: Record<string, string> = {};
      for (;;) {
        ATTRIBUTE.lastIndex = cursor;
        const attribute = ATTRIBUTE.exec(xml);
        if (!attribute) break;
        attributes[attribute[1]!] = decodeEntities(attribute[3] ?? attribute[4] ?? "", startLine);
        cursor = ATTRIBUTE.lastIndex;
      }
      const end = /^\s*(\/?)>/.exec(xml.slice(cursor, cursor + 100));
      if (!end) throw new XmlSyntaxError(`line ${startLine}: the tag <${name}> is malformed`);
      events.push({ kind: "open", name, attributes, line: startLine });
      if (end[1] === "/") events.push({ kind: "close", name, line: startLine });
      else open.push(name);
      advance(cursor + end[0].length);
    }
  }
  if (open.length > 0) throw new XmlSyntaxError(`the file ends inside <${open[open.length - 1]}>`);
  return events;
}
