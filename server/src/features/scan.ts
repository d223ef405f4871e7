/**
 * Editor-only scanning around the cursor (completion, signature help, hover, folding). It works on any text,
 * however incomplete, because it only tracks comments, strings and brackets; the core's parser stays the
 * authority for everything else. Linear in the scanned length.
 */

export interface CallContext {
  name: string;
  nameStart: number;
  /** Zero-based argument index at the cursor. */
  argIndex: number;
  openParen: number;
}

export interface CursorContext {
  inComment: boolean;
  inString: boolean;
  /** Text of the current string literal before the cursor (when inString). */
  stringPrefix: string;
  /** When the cursor follows `$name` (name may be empty or dotted): the name typed so far. */
  dollarPrefix?: string;
  /** Identifier characters right before the cursor. */
  wordPrefix: string;
  /** Innermost enclosing call. */
  call?: CallContext;
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */;

interface Frame {
  open: string;
  call?: { name: string; nameStart: number };
  argIndex: number;
  at: number;
}

/** Scans `text` from `from` to `offset` and describes where the cursor is. */
export function scanContext(text: string, from: number, offset: number): CursorContext {
  const stack: Frame[] = [];
  let i = from;
  let inString: string | undefined;
  let stringStart = 0;
  let inComment = false;
  while (i < offset) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 2;
      else {
        if (c === inString) inString = undefined;
        i++;
      }
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      if (nl === -1 || nl >= offset) {
        inComment = true;
        break;
      }
      i = nl + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1 || close + 2 > offset) {
        inComment = true;
        break;
      }
      i = close + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      inString = c;
      stringStart = i + 1;
      i++;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') {
      let j = i - 1;
      while (j >= from && (text[j] === ' ' || text[j] === '\t')) j--;
      let k = j;
      while (k >= from && isWordChar(text.charCodeAt(k))) k--;
      const name = text.slice(k + 1, j + 1);
      const callee = c === '(' && name && !/^\d/.test(name) && text[k] !== '$' ? { name, nameStart: k + 1 } : undefined;
      stack.push({ open: c, call: callee, argIndex: 0, at: i });
    } else if (c === ')' || c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && stack.length) {
      stack[stack.length - 1].argIndex++;
    }
    i++;
  }
  let w = offset;
  while (w > from && isWordChar(text.charCodeAt(w - 1))) w--;
  const wordPrefix = text.slice(w, offset);
  let d = offset;
  while (d > from && (isWordChar(text.charCodeAt(d - 1)) || text[d - 1] === '.')) d--;
  const dollarPrefix = d > from && text[d - 1] === '$' ? text.slice(d, offset) : undefined;
  let call: CallContext | undefined;
  for (let s = stack.length - 1; s >= 0; s--) {
    const f = stack[s];
    if (f.open !== '(') continue;
    if (f.call) call = { name: f.call.name, nameStart: f.call.nameStart, argIndex: f.argIndex, openParen: f.at };
    break;
  }
  return {
    inComment,
    inString: inString !== undefined,
    stringPrefix: inString !== undefined ? text.slice(stringStart, offset) : '',
    dollarPrefix: inString === undefined && !inComment ? dollarPrefix : undefined,
    wordPrefix,
    call,
  };
}

/** The word (letters, digits, `_`, `.`) around `offset`, with a leading `$` noted. */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number; dollar: boolean; callee: boolean } | undefined {
  let s = offset;
  while (s > 0 && (isWordChar(text.charCodeAt(s - 1)) || text[s - 1] === '.')) s--;
  let e = offset;
  while (e < text.length && (isWordChar(text.charCodeAt(e)) || text[e] === '.')) e++;
  if (s === e) return undefined;
  let after = e;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  return { word: text.slice(s, e), start: s, end: e, dollar: text[s - 1] === '$', callee: text[after] === '(' };
}

export interface BracketFold {
  startOffset: number;
  endOffset: number;
  kind: 'comment' | 'region';
}

/** Multi-line block comments and bracket pairs (and `<trans>`…`</trans>`) of a script text. */
export function foldableRanges(text: string, from = 0, to = text.length): BracketFold[] {
  const out: BracketFold[] = [];
  const stack: number[] = [];
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < to && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? to : nl + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? to : close + 2;
      out.push({ startOffset: i, endOffset: end, kind: 'comment' });
      i = end;
      continue;
    }
    if (c === '<' && text.startsWith('<trans>', i)) {
      const close = text.indexOf('</trans>', i);
      if (close !== -1) out.push({ startOffset: i, endOffset: close, kind: 'region' });
    }
    if (c === '(' || c === '{' || c === '[') stack.push(i);
    else if ((c === ')' || c === '}' || c === ']') && stack.length) {
      const open = stack.pop() as number;
      out.push({ startOffset: open, endOffset: i, kind: 'region' });
    }
    i++;
  }
  return out;
}
