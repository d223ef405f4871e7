/**
 * A tolerant, iterative JSON scanner that keeps host offsets. It builds a light tree (objects, arrays, strings,
 * scalars) with an explicit stack, so nesting depth is bounded only by memory, and stops at the first error,
 * keeping everything built so far (open containers stay attached to their parents).
 *
 * Tolerated beyond RFC 8259: a leading BOM, trailing commas, raw control characters inside strings and unknown
 * escapes (`\x` decodes to `x`).
 */
import type { OffsetMap } from '../offset-map';
import { MapBuilder } from './map-builder';

interface JsonBase {
  /** Host offset of the first character (the opening quote/bracket). */
  start: number;
  /** Host offset after the last character; for a container left open by an error, the error offset. */
  end: number;
}
export interface JsonString extends JsonBase {
  type: 'string';
  /** Decoded value. */
  value: string;
  /** False when the string was cut off by the end of input. */
  closed: boolean;
}
export interface JsonScalar extends JsonBase {
  type: 'number' | 'boolean' | 'null';
  raw: string;
}
export interface JsonMember {
  key: JsonString;
  value: JsonNode;
}
export interface JsonObject extends JsonBase {
  type: 'object';
  members: JsonMember[];
}
export interface JsonArray extends JsonBase {
  type: 'array';
  items: JsonNode[];
}
export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

export interface JsonScanError {
  message: string;
  offset: number;
}

export interface JsonScanResult {
  root?: JsonNode;
  error?: JsonScanError;
}

export interface DecodedJsonString {
  value: string;
  /** Host offset after the closing quote (or the end of input). */
  end: number;
  closed: boolean;
  /** Decoded offset → host offset; decoded offset 0 is the character after the opening quote. */
  map?: OffsetMap;
}

function hexValue(text: string, at: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const c = text.charCodeAt(at + k);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', r: '\r', t: '\t' };

/**
 * Decode the JSON string whose opening quote is at `quote`. With `withMap`, each decoded character maps to the
 * first host character of its escape (a surrogate pair written as two `\uXXXX` escapes gives two code units,
 * each mapped to its own escape). `mapFrom` makes the map start at that decoded offset (for a slice).
 */
export function decodeJsonString(text: string, quote: number, withMap: boolean, mapFrom = 0): DecodedJsonString {
  const parts: string[] = [];
  let decodedLength = 0;
  const map = withMap ? new MapBuilder() : undefined;
  map?.add(0, quote + 1);
  let runStart = quote + 1;
  let i = quote + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      if (i > runStart) parts.push(text.slice(runStart, i));
      return { value: parts.join(''), end: i + 1, closed: true, map: map?.build(mapFrom) };
    }
    if (c !== 92 /* \ */) {
      i++;
      continue;
    }
    if (i > runStart) {
      parts.push(text.slice(runStart, i));
      decodedLength += i - runStart;
    }
    const esc = text.charAt(i + 1);
    let decoded: string;
    let width: number;
    if (esc === 'u' && hexValue(text, i + 2) >= 0) {
      decoded = String.fromCharCode(hexValue(text, i + 2));
      width = 6;
    } else if (esc === '') {
      // Backslash at the end of input.
      decoded = '\\';
      width = 1;
    } else {
      decoded = SIMPLE_ESCAPES[esc] ?? esc;
      width = 2;
    }
    map?.add(decodedLength, i);
    parts.push(decoded);
    decodedLength += decoded.length;
    i += width;
    map?.add(decodedLength, i);
    runStart = i;
  }
  if (n > runStart) parts.push(text.slice(runStart, n));
  return { value: parts.join(''), end: n, closed: false, map: map?.build(mapFrom) };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const ch = text.charAt(i);
  return JSON.stringify(ch);
}

type State = 'value' | 'value-or-close' | 'key-or-close' | 'colon' | 'comma-or-close' | 'done';

/** Scan `text` as JSON. Never throws; linear time; iterative. */
export function scanJson(text: string): JsonScanResult {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: (JsonObject | JsonArray)[] = [];
  let root: JsonNode | undefined;
  let pendingKey: JsonString | undefined;
  let state: State = 'value';

  const fail = (message: string, offset: number): JsonScanResult => {
    for (const open of stack) open.end = offset;
    return { root, error: { message, offset } };
  };
  const attach = (node: JsonNode): void => {
    const top = stack[stack.length - 1];
    if (!top) root = node;
    else if (top.type === 'array') top.items.push(node);
    else if (pendingKey) top.members.push({ key: pendingKey, value: node });
    pendingKey = undefined;
  };
  const afterValue = (): State => (stack.length > 0 ? 'comma-or-close' : 'done');

  while (true) {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (state === 'done') return { root };
      if (stack.length === 0 && root === undefined) return fail('the file is empty', n);
      return fail(`unexpected end of input (${stack.length} unclosed ${stack.length === 1 ? 'bracket' : 'brackets'})`, n);
    }
    const c = text.charCodeAt(i);
    switch (state) {
      case 'done':
        return fail(`unexpected ${describe(text, i)} after the end of the JSON value`, i);
      case 'colon':
        if (c !== 58 /* : */) return fail(`expected ':' after an object key, found ${describe(text, i)}`, i);
        i++;
        state = 'value';
        continue;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        if (c === 44 /* , */) {
          i++;
          state = top.type === 'array' ? 'value-or-close' : 'key-or-close';
          continue;
        }
        if ((c === 125 /* } */ && top.type === 'object') || (c === 93 /* ] */ && top.type === 'array')) {
          i++;
          top.end = i;
          stack.pop();
          state = afterValue();
          continue;
        }
        return fail(
          `expected ',' or '${top.type === 'object' ? '}' : ']'}' after ${top.type === 'object' ? 'an object member' : 'an array element'}, found ${describe(text, i)}`,
          i,
        );
      }
      case 'key-or-close': {
        const top = stack[stack.length - 1];
        if (c === 125 /* } */) {
          i++;
          top.end = i;
          stack.pop();
          state = afterValue();
          continue;
        }
        if (c !== 34) return fail(`expected a quoted object key or '}', found ${describe(text, i)}`, i);
        const d = decodeJsonString(text, i, false);
        const key: JsonString = { type: 'string', start: i, end: d.end, value: d.value, closed: d.closed };
        if (!d.closed) return fail('unterminated string (object key)', i);
        pendingKey = key;
        i = d.end;
        state = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (c === 93 /* ] */ && state === 'value-or-close') {
          const top = stack[stack.length - 1];
          i++;
          top.end = i;
          stack.pop();
          state = afterValue();
          continue;
        }
        if (c === 123 /* { */) {
          const obj: JsonObject = { type: 'object', start: i, end: n, members: [] };
          attach(obj);
          stack.push(obj);
          i++;
          state = 'key-or-close';
          continue;
        }
        if (c === 91 /* [ */) {
          const arr: JsonArray = { type: 'array', start: i, end: n, items: [] };
          attach(arr);
          stack.push(arr);
          i++;
          state = 'value-or-close';
          continue;
        }
        if (c === 34) {
          const d = decodeJsonString(text, i, false);
          if (!d.closed) {
            // A truncated file: the string read so far is kept (a script cut short is still analysed up to the cut).
            attach({ type: 'string', start: i, end: d.end, value: d.value, closed: false });
            return fail('unterminated string', i);
          }
          attach({ type: 'string', start: i, end: d.end, value: d.value, closed: true });
          i = d.end;
          state = afterValue();
          continue;
        }
        if (c === 45 || (c >= 48 && c <= 57)) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) return fail(`invalid number`, i);
          attach({ type: 'number', start: i, end: i + m[0].length, raw: m[0] });
          i += m[0].length;
          state = afterValue();
          continue;
        }
        const lit = text.startsWith('true', i) ? 'true' : text.startsWith('false', i) ? 'false' : text.startsWith('null', i) ? 'null' : '';
        if (lit) {
          attach({ type: lit === 'null' ? 'null' : 'boolean', start: i, end: i + lit.length, raw: lit });
          i += lit.length;
          state = afterValue();
          continue;
        }
        return fail(`expected a value, found ${describe(text, i)}`, i);
      }
    }
  }
}

/** The member `key` of an object (last one wins, as in JSON.parse). */
export function member(obj: JsonObject, key: string): JsonNode | undefined {
  let found: JsonNode | undefined;
  for (const m of obj.members) if (m.key.value === key) found = m.value;
  return found;
}

/** The string value of member `key`, if it is a string. */
export function stringMember(obj: JsonObject, key: string): string | undefined {
  const v = member(obj, key);
  return v?.type === 'string' ? v.value : undefined;
}
