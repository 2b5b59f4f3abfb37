/**
 * One XML parse helper shared by the DOCX and XLSX readers.
 *
 * Office parts are parsed with fast-xml-parser in document order (`preserveOrder`), namespace
 * prefixes dropped (`w:p` → `p`, `r:id` → `id`), every value kept as a string (a cell text `0012`
 * must stay `0012`). Entity processing is off: a part that declares a DOCTYPE or an ENTITY is refused
 * before parsing (no "billion laughs"), and only the five predefined XML entities and numeric character
 * references are decoded, by us.
 */
import { XMLParser } from 'fast-xml-parser';
import { SelfevalError } from '../errors.js';

/** An element of a parsed part: its local name, attributes (prefix dropped) and children in order. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** A text node (character data or CDATA, entities decoded). */
export interface XmlText {
  name: '#text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** Deepest element nesting accepted in an Office part. */
export const MAX_XML_DEPTH = 2000;

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Prefixes are dropped by convert(): fast-xml-parser's removeNSPrefix is several times slower.
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // fast-xml-parser refuses more than 100 nested tags by default; Word nests tables in tables deeper
  // than that. Past this depth the part is refused as CORRUPT (the conversion below is iterative).
  maxNestedTags: MAX_XML_DEPTH,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the five predefined entities and numeric character references; anything else stays as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/gu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

/** True when the XML declares a document type or an entity (only the prolog can, but we look anywhere). */
export function declaresEntities(xml: string): boolean {
  return /<!\s*(DOCTYPE|ENTITY)/iu.test(xml);
}

type RawNode = Record<string, unknown>;

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function nodeKey(raw: RawNode): string | null {
  for (const k in raw) if (k !== ':@') return k;
  return null;
}

function attributesOf(raw: RawNode): Record<string, string> {
  const attrsRaw = raw[':@'] as Record<string, unknown> | undefined;
  const attrs: Record<string, string> = {};
  if (attrsRaw) {
    for (const k in attrsRaw) {
      // Namespace declarations are not attributes of the content.
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      attrs[localName(k)] = decodeXmlEntities(String(attrsRaw[k]));
    }
  }
  return attrs;
}

/** fast-xml-parser's ordered output → our nodes, with an explicit stack (deep parts do not overflow it). */
function convert(root: RawNode): XmlNode | null {
  const make = (raw: RawNode): { node: XmlNode | null; children: RawNode[] } => {
    const key = nodeKey(raw);
    if (key === null || key.startsWith('?') || key.startsWith('!')) return { node: null, children: [] };
    if (key === '#text') return { node: { name: '#text', text: decodeXmlEntities(String(raw['#text'] ?? '')) }, children: [] };
    const childrenRaw = raw[key];
    return { node: { name: localName(key), attrs: attributesOf(raw), children: [] }, children: Array.isArray(childrenRaw) ? (childrenRaw as RawNode[]) : [] };
  };
  const top = make(root);
  if (!top.node) return null;
  const stack: Array<{ parent: XmlElement; raws: RawNode[]; next: number }> = [];
  if (top.node.name !== '#text') stack.push({ parent: top.node as XmlElement, raws: top.children, next: 0 });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number];
    if (frame.next >= frame.raws.length) {
      stack.pop();
      continue;
    }
    const { node, children } = make(frame.raws[frame.next++] as RawNode);
    if (!node) continue;
    frame.parent.children.push(node);
    if (node.name !== '#text') stack.push({ parent: node as XmlElement, raws: children, next: 0 });
  }
  return top.node;
}

/**
 * Parse one part of an Office package. `part` names it in errors (`word/document.xml`).
 * Throws UNSAFE_XML for a DOCTYPE/ENTITY declaration and CORRUPT for XML that does not parse.
 */
export function parseXml(xml: string | Uint8Array, part: string, fileName?: string | null): XmlElement {
  const text = typeof xml === 'string' ? xml : decodeXmlBytes(xml);
  if (declaresEntities(text)) {
    throw new SelfevalError('UNSAFE_XML', { file: fileName ?? null, detail: part });
  }
  let parsed: unknown;
  try {
    parsed = PARSER.parse(text);
  } catch (cause) {
    const deep = cause instanceof Error && /nested tags/iu.test(cause.message);
    const detail = deep ? `${part} 元素嵌套超过 ${MAX_XML_DEPTH} 层` : `${part} 不是有效的 XML`;
    throw new SelfevalError('CORRUPT', { file: fileName ?? null, detail, cause });
  }
  if (Array.isArray(parsed)) {
    for (const raw of parsed as RawNode[]) {
      const node = convert(raw);
      if (node && node.name !== '#text') return node as XmlElement;
    }
  }
  throw new SelfevalError('CORRUPT', { file: fileName ?? null, detail: `${part} 没有根元素` });
}

/** Office XML is UTF-8 or UTF-16 (with a BOM); decode accordingly. */
function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.name !== '#text';
}

/** The child elements of `el`, optionally only those with a given local name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (isElement(child) && (name === undefined || child.name === name)) out.push(child);
  }
  return out;
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const child of el.children) if (isElement(child) && child.name === name) return child;
  return undefined;
}

/** Follow a path of child names (`['tcPr', 'gridSpan']`). */
export function childAt(el: XmlElement, path: readonly string[]): XmlElement | undefined {
  let current: XmlElement | undefined = el;
  for (const name of path) {
    if (!current) return undefined;
    current = firstChild(current, name);
  }
  return current;
}

/** All character data under `el`, in order. */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const child of el.children) out += isElement(child) ? textContent(child) : child.text;
  return out;
}

/** OOXML on/off values: absent val means on; `0`, `false`, `off` mean off. */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const val = el.attrs['val'];
  return val === undefined || !['0', 'false', 'off'].includes(val.toLowerCase());
}
