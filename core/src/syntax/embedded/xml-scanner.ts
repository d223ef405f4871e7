/**
 * A small, safe XML tokenizer: index cursor, linear time, no recursion, no DTD processing. `<!DOCTYPE …>` and
 * other `<!…>` declarations are skipped whole (their entities are never expanded); text decoding knows only the
 * five predefined entities and numeric character references.
 */
import type { OffsetMap } from '../offset-map';
import { MapBuilder } from './map-builder';

export interface XmlAttr {
  name: string;
  nameStart: number;
  /** Raw host range of the value, inside the quotes. */
  valueStart: number;
  valueEnd: number;
}

export type XmlEvent =
  | { type: 'open'; name: string; start: number; end: number; attrs: XmlAttr[]; selfClosing: boolean }
  | { type: 'close'; name: string; start: number; end: number }
  /** Raw character data (entities not decoded) between markup. */
  | { type: 'text'; start: number; end: number }
  /** Content range of a CDATA section (without `<![CDATA[` and `]]>`). */
  | { type: 'cdata'; start: number; end: number }
  /** Content range of a comment (without `<!--` and `-->`). */
  | { type: 'comment'; start: number; end: number }
  /** A `<!DOCTYPE …>` or other `<!…>` declaration that was skipped. */
  | { type: 'declaration'; name: string; start: number; end: number };

export interface XmlScanError {
  message: string;
  offset: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 47 /* / */ || c === 62 /* > */ || c === 61 /* = */ || c === 60 /* < */ || Number.isNaN(c);
}

/**
 * Tokenize `text`, calling `onEvent` for each piece in document order. Returning `false` from `onEvent` stops the
 * scan early (no error). Returns the first syntax error, if any; everything before it has been reported.
 */
export function scanXml(text: string, onEvent: (e: XmlEvent) => boolean | void): XmlScanError | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const readName = (from: number): number => {
    let k = from;
    while (k < n && !isNameEnd(text.charCodeAt(k))) k++;
    return k;
  };
  const skipSpace = (from: number): number => {
    let k = from;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    return k;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && onEvent({ type: 'text', start: i, end: textEnd }) === false) return undefined;
    if (lt < 0) return undefined;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return { message: 'unterminated comment (<!-- without -->)', offset: i };
      if (onEvent({ type: 'comment', start: i + 4, end: close }) === false) return undefined;
      i = close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      if (close < 0) return { message: 'unterminated CDATA section', offset: i };
      if (onEvent({ type: 'cdata', start: i + 9, end: close }) === false) return undefined;
      i = close + 3;
      continue;
    }
    if (text.startsWith('<!', i)) {
      // DOCTYPE / ENTITY / ELEMENT …: skip to the matching '>' outside quotes and the internal subset.
      const start = i;
      const nameEnd = readName(i + 2);
      const name = text.slice(i + 2, nameEnd);
      let k = nameEnd;
      let depth = 0;
      let done = false;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 34 || c === 39) {
          const q = text.indexOf(c === 34 ? '"' : "'", k + 1);
          if (q < 0) break;
          k = q + 1;
          continue;
        }
        if (c === 60 && text.startsWith('<!--', k)) {
          const q = text.indexOf('-->', k + 4);
          if (q < 0) break;
          k = q + 3;
          continue;
        }
        if (c === 91 /* [ */) depth++;
        else if (c === 93 /* ] */) depth = Math.max(0, depth - 1);
        else if (c === 62 /* > */ && depth === 0) {
          done = true;
          k++;
          break;
        }
        k++;
      }
      if (!done) return { message: `unterminated <!${name} declaration`, offset: start };
      if (onEvent({ type: 'declaration', name, start, end: k }) === false) return undefined;
      i = k;
      continue;
    }
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close < 0) return { message: 'unterminated processing instruction (<? without ?>)', offset: i };
      i = close + 2;
      continue;
    }
    if (text.startsWith('</', i)) {
      const nameEnd = readName(i + 2);
      const name = text.slice(i + 2, nameEnd);
      if (name === '') return { message: 'end tag without a name', offset: i };
      const k = skipSpace(nameEnd);
      if (text.charCodeAt(k) !== 62) return { message: `expected '>' to close </${name}`, offset: k };
      if (onEvent({ type: 'close', name, start: i, end: k + 1 }) === false) return undefined;
      i = k + 1;
      continue;
    }
    // Start tag.
    const start = i;
    const nameEnd = readName(i + 1);
    const name = text.slice(i + 1, nameEnd);
    if (name === '') return { message: "'<' not followed by a tag name (use &lt; for a literal '<')", offset: i };
    const attrs: XmlAttr[] = [];
    let k = nameEnd;
    let selfClosing = false;
    while (true) {
      k = skipSpace(k);
      if (k >= n) return { message: `unterminated start tag <${name}`, offset: start };
      const c = text.charCodeAt(k);
      if (c === 62) {
        k++;
        break;
      }
      if (c === 47 && text.charCodeAt(k + 1) === 62) {
        selfClosing = true;
        k += 2;
        break;
      }
      const attrNameEnd = readName(k);
      if (attrNameEnd === k) return { message: `unexpected ${JSON.stringify(text.charAt(k))} in start tag <${name}`, offset: k };
      const attrName = text.slice(k, attrNameEnd);
      let v = skipSpace(attrNameEnd);
      if (text.charCodeAt(v) !== 61) return { message: `attribute ${attrName} of <${name}> has no value`, offset: v };
      v = skipSpace(v + 1);
      const q = text.charCodeAt(v);
      if (q !== 34 && q !== 39) return { message: `attribute ${attrName} of <${name}> needs a quoted value`, offset: v };
      const close = text.indexOf(q === 34 ? '"' : "'", v + 1);
      if (close < 0) return { message: `unterminated value of attribute ${attrName} in <${name}>`, offset: v };
      attrs.push({ name: attrName, nameStart: k, valueStart: v + 1, valueEnd: close });
      k = close + 1;
    }
    if (onEvent({ type: 'open', name, start, end: k, attrs, selfClosing }) === false) return undefined;
    if (selfClosing && onEvent({ type: 'close', name, start: k, end: k }) === false) return undefined;
    i = k;
  }
  return undefined;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decoded text built from raw XML character data and CDATA pieces, with a map from each decoded character to
 * the first host character of its entity (CDATA maps 1:1).
 */
export class XmlTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly builder = new MapBuilder();
  /** Entity references that were left as written (undeclared or DTD-defined entities: never expanded). */
  unknownEntities = 0;
  /** True once character data other than whitespace came from outside CDATA (entity-encoded text). */
  hasEncodedText = false;

  constructor(private readonly host: string) {}

  /** Append raw character data host[start, end), decoding entity and character references. */
  addRaw(start: number, end: number): void {
    const t = this.host;
    if (!this.hasEncodedText) {
      for (let k = start; k < end; k++) {
        const c = t.charCodeAt(k);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
          this.hasEncodedText = true;
          break;
        }
      }
    }
    this.builder.add(this.length, start);
    let run = start;
    let i = t.indexOf('&', start);
    while (i >= 0 && i < end) {
      // Look for the ';' only a few characters ahead, so text with many bare '&' stays linear.
      let semi = -1;
      for (let k = i + 1; k < end && k <= i + 12; k++) {
        if (t.charCodeAt(k) === 59 /* ; */) {
          semi = k;
          break;
        }
      }
      let decoded: string | undefined;
      if (semi > i) {
        const name = t.slice(i + 1, semi);
        decoded = PREDEFINED[name];
        if (decoded === undefined && name.charCodeAt(0) === 35 /* # */) {
          const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
          const digits = name.slice(hex ? 2 : 1);
          if (digits !== '' && (hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits)) {
            const cp = parseInt(digits, hex ? 16 : 10);
            if (cp > 0 && cp <= 0x10ffff) decoded = String.fromCodePoint(cp);
          }
        }
      }
      if (decoded === undefined) {
        this.unknownEntities++;
        i = t.indexOf('&', i + 1);
        continue;
      }
      if (i > run) this.push(t.slice(run, i));
      this.builder.add(this.length, i);
      this.push(decoded);
      this.builder.add(this.length, semi + 1);
      run = semi + 1;
      i = t.indexOf('&', run);
    }
    if (end > run) this.push(t.slice(run, end));
  }

  /** Append host[start, end) verbatim (CDATA content). */
  addVerbatim(start: number, end: number): void {
    this.builder.add(this.length, start);
    if (end > start) this.push(this.host.slice(start, end));
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  get text(): string {
    return this.parts.length === 1 ? this.parts[0] : this.parts.join('');
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  /** Map for the decoded text starting at decoded offset `from`. */
  map(from = 0): OffsetMap {
    return this.builder.build(from);
  }
}

/** Decode an attribute value (entities) with its map. */
export function decodeXmlRange(host: string, start: number, end: number): XmlTextBuilder {
  const b = new XmlTextBuilder(host);
  b.addRaw(start, end);
  return b;
}
