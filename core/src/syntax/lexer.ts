/**
 * Jitterbit Script lexer: one forward pass with an index cursor (linear time, never throws).
 *
 * Handles the `<trans>` container too: text before `<trans>` and after `</trans>` is inert (reported as a
 * warning), tags inside strings and comments are content because strings and comments are consumed whole.
 * A text without `<trans>` is a plain string result and yields no tokens. `<javascript>` bodies are not
 * Jitterbit Script: callers route them to the JavaScript parser instead of calling this.
 */
import type { Comment, NodeBase, SyntaxDiagnostic } from './ast';
import type { Token, TokenKind } from './tokens';

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
  diagnostics: SyntaxDiagnostic[];
  /** Range of the `<trans>` tag, when present. */
  transOpen?: NodeBase;
  /** Range of the `</trans>` tag, when present. */
  transClose?: NodeBase;
  /** True when the text has no `<trans>` tag (the whole text is a string result). */
  plainText: boolean;
}

/** Work counter for tests that assert linear behaviour independent of wall time. */
export interface WorkStats {
  steps: number;
}

const OPEN_TAG = '<trans>';
const CLOSE_TAG = '</trans>';

// Character classes as a lookup table (ASCII only; everything else is "other").
const C_IDENT_START = 1;
const C_DIGIT = 2;
const C_WS = 4;
const CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CLASS[c] = C_IDENT_START;
for (let c = 97; c <= 122; c++) CLASS[c] = C_IDENT_START;
CLASS[95] = C_IDENT_START; // _
for (let c = 48; c <= 57; c++) CLASS[c] = C_DIGIT;
for (const c of [9, 10, 11, 12, 13, 32]) CLASS[c] = C_WS;

function isIdentPart(c: number): boolean {
  return c < 128 && (CLASS[c] & (C_IDENT_START | C_DIGIT)) !== 0;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isWhitespace(c: number): boolean {
  if (c < 128) return CLASS[c] === C_WS;
  return c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}
/** Characters that begin some token (used to end a run of unknown characters). */
function startsToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 128) return false;
  if (CLASS[c] !== 0) return true;
  switch (c) {
    case 46: // . only before a digit
    case 35: // # only before a digit
      return isDigit(text.charCodeAt(i + 1));
    case 34: case 39: case 36: case 47: case 60: case 62: case 61: case 33: case 43: case 45: case 42:
    case 94: case 37: case 38: case 124: case 40: case 41: case 123: case 125: case 91: case 93: case 44: case 59:
      return true;
    default:
      return false;
  }
}

/** A non-whitespace span of `text` within [from, to), or undefined when it is all whitespace. */
function inkSpan(text: string, from: number, to: number): NodeBase | undefined {
  let s = from;
  while (s < to && isWhitespace(text.charCodeAt(s))) s++;
  if (s >= to) return undefined;
  let e = to;
  while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

function diag(code: string, message: string, start: number, end: number, severity: SyntaxDiagnostic['severity'] = 'error'): SyntaxDiagnostic {
  return { code, message, severity, start, end };
}

export function lex(text: string, stats?: WorkStats): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const diagnostics: SyntaxDiagnostic[] = [];
  const n = text.length;

  const open = text.indexOf(OPEN_TAG);
  if (open < 0) {
    tokens.push({ kind: 'EOF', start: n, end: n, text: '' });
    if (stats) stats.steps += n;
    return { tokens, comments, diagnostics, plainText: true };
  }
  const before = inkSpan(text, 0, open);
  if (before) {
    diagnostics.push(diag('syntax/outside-trans', 'Text before <trans> is not evaluated.', before.start, before.end, 'warning'));
  }
  const transOpen: NodeBase = { start: open, end: open + OPEN_TAG.length };
  let transClose: NodeBase | undefined;
  /** True once an unterminated string or comment swallowed the rest (the missing `</trans>` is its echo). */
  let swallowed = false;
  /** Identifiers starting before this offset are known not to begin a source path (see lexWord). */
  let noPathUntil = 0;
  let steps = 0;

  const push = (kind: TokenKind, start: number, end: number, tokenText: string): void => {
    tokens.push({ kind, start, end, text: tokenText });
  };

  let i = transOpen.end;
  while (i < n) {
    steps++;
    const c = text.charCodeAt(i);
    if (c < 128 && CLASS[c] === C_WS) {
      i++;
      continue;
    }
    const c1 = text.charCodeAt(i + 1);
    // Identifiers, keywords, source paths.
    if (c < 128 && CLASS[c] === C_IDENT_START) {
      const start = i;
      i++;
      while (i < n && isIdentPart(text.charCodeAt(i))) i++;
      steps += i - start;
      const identEnd = i;
      const next = text.charCodeAt(i);
      if (start >= noPathUntil && (next === 36 || next === 46 || (next === 35 && isDigit(text.charCodeAt(i + 1))))) {
        // A transformation source path: IDENT followed by `$`/`.` segments (and `#n` instance indices), ending in `$`.
        let k = i;
        let lastDollar = -1;
        while (k < n) {
          const d = text.charCodeAt(k);
          if (d === 36) lastDollar = k;
          else if (!(isIdentPart(d) || d === 46 || (d === 35 && isDigit(text.charCodeAt(k + 1))))) break;
          k++;
        }
        steps += k - i;
        if (lastDollar === k - 1) {
          push('SourceRef', start, k, text.slice(start, k));
          i = k;
          continue;
        }
        // Not a complete path: any identifier inside the rest of this run cannot start one either.
        noPathUntil = k;
        if (lastDollar >= 0) {
          push('SourceRef', start, lastDollar + 1, text.slice(start, lastDollar + 1));
          i = lastDollar + 1;
          continue;
        }
      }
      const word = text.slice(start, identEnd);
      push(word === 'true' || word === 'false' ? 'Boolean' : 'Identifier', start, identEnd, word);
      continue;
    }
    // Numbers.
    if (isDigit(c) || (c === 46 && isDigit(c1))) {
      const start = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46) {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      let d = text.charCodeAt(i);
      if (isIdentPart(d) || d === 46) {
        while (i < n && (isIdentPart(d) || d === 46)) d = text.charCodeAt(++i);
        steps += i - start;
        push('InvalidNumber', start, i, text.slice(start, i));
        diagnostics.push(diag('syntax/invalid-number', 'Invalid number: digits run into letters or dots.', start, i));
        continue;
      }
      steps += i - start;
      push('Number', start, i, text.slice(start, i));
      continue;
    }
    switch (c) {
      case 34: // "
      case 39: { // '
        i = lexString(text, i, tokens, diagnostics);
        steps += i - tokens[tokens.length - 1].start;
        if (tokens[tokens.length - 1].end === n && diagnostics.length > 0 && diagnostics[diagnostics.length - 1].code === 'syntax/unterminated-string') swallowed = true;
        continue;
      }
      case 36: { // $global
        const start = i;
        i++;
        while (i < n && (isIdentPart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
        steps += i - start;
        if (i === start + 1) {
          diagnostics.push(diag('syntax/empty-global-name', 'A global variable needs a name after `$`.', start, i, 'warning'));
        }
        push('Global', start, i, text.slice(start + 1, i));
        continue;
      }
      case 35: // #n
        if (isDigit(c1)) {
          const start = i;
          i++;
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          steps += i - start;
          push('InstanceIndex', start, i, text.slice(start + 1, i));
          continue;
        }
        break;
      case 47: // /
        if (c1 === 47) {
          let e = i + 2;
          while (e < n) {
            const d = text.charCodeAt(e);
            if (d === 10 || d === 13) break;
            e++;
          }
          steps += e - i;
          comments.push({ kind: 'LineComment', start: i, end: e, text: text.slice(i + 2, e) });
          i = e;
          continue;
        }
        if (c1 === 42) {
          // Searching from i + 2 makes `/*/` open a comment rather than close itself (the documented quirk).
          const close = text.indexOf('*/', i + 2);
          if (close < 0) {
            comments.push({ kind: 'BlockComment', start: i, end: n, text: text.slice(i + 2) });
            diagnostics.push(diag('syntax/unterminated-comment', 'Block comment is not closed; it swallows the rest of the script.', i, n));
            swallowed = true;
            steps += n - i;
            i = n;
            continue;
          }
          comments.push({ kind: 'BlockComment', start: i, end: close + 2, text: text.slice(i + 2, close) });
          steps += close + 2 - i;
          i = close + 2;
          continue;
        }
        if (c1 === 61) {
          unsupported(i, 2, '/=');
          i += 2;
          continue;
        }
        push('Punct', i, i + 1, '/');
        i++;
        continue;
      case 60: // <
        if (text.startsWith(CLOSE_TAG, i)) {
          transClose = { start: i, end: i + CLOSE_TAG.length };
          break;
        }
        if (text.startsWith(OPEN_TAG, i)) {
          diagnostics.push(diag('syntax/duplicate-trans', 'A second <trans> tag is not allowed.', i, i + OPEN_TAG.length));
          i += OPEN_TAG.length;
          continue;
        }
        i = op2(i, c1, 61, '<=', '<');
        continue;
      case 62: i = op2(i, c1, 61, '>=', '>'); continue;
      case 61: i = op2(i, c1, 61, '==', '='); continue;
      case 33: i = op2(i, c1, 61, '!=', '!'); continue;
      case 38: i = op2(i, c1, 38, '&&', '&'); continue;
      case 124: i = op2(i, c1, 124, '||', '|'); continue;
      case 43: // +
        if (c1 === 43 || c1 === 61) {
          push('Punct', i, i + 2, c1 === 43 ? '++' : '+=');
          i += 2;
        } else {
          push('Punct', i, i + 1, '+');
          i++;
        }
        continue;
      case 45: // -
        if (c1 === 45 || c1 === 61) {
          push('Punct', i, i + 2, c1 === 45 ? '--' : '-=');
          i += 2;
        } else {
          push('Punct', i, i + 1, '-');
          i++;
        }
        continue;
      case 42: // *
        if (c1 === 61) {
          unsupported(i, 2, '*=');
          i += 2;
        } else {
          push('Punct', i, i + 1, '*');
          i++;
        }
        continue;
      case 94: // ^
        if (c1 === 61) {
          unsupported(i, 2, '^=');
          i += 2;
        } else {
          push('Punct', i, i + 1, '^');
          i++;
        }
        continue;
      case 37: { // %
        const len = c1 === 61 ? 2 : 1;
        unsupported(i, len, len === 2 ? '%=' : '%');
        i += len;
        continue;
      }
      case 40: punct(i, '('); i++; continue;
      case 41: punct(i, ')'); i++; continue;
      case 123: punct(i, '{'); i++; continue;
      case 125: punct(i, '}'); i++; continue;
      case 91: punct(i, '['); i++; continue;
      case 93: punct(i, ']'); i++; continue;
      case 44: punct(i, ','); i++; continue;
      case 59: punct(i, ';'); i++; continue;
      default:
        break;
    }
    if (transClose) break;
    // A run of characters that cannot start a token.
    const start = i;
    i++;
    while (i < n && !isWhitespace(text.charCodeAt(i)) && !startsToken(text, i)) i++;
    steps += i - start;
    push('Unknown', start, i, text.slice(start, i));
    diagnostics.push(diag('syntax/unexpected-character', 'Unexpected character(s) in script.', start, i));
  }

  if (transClose) {
    tokens.push({ kind: 'TransClose', start: transClose.start, end: transClose.end, text: CLOSE_TAG });
    const after = inkSpan(text, transClose.end, n);
    if (after) {
      diagnostics.push(diag('syntax/outside-trans', 'Text after </trans> is not evaluated.', after.start, after.end, 'warning'));
      reportExtraTags(text, after.start, diagnostics);
    }
    steps += n - transClose.end;
  } else if (!swallowed) {
    diagnostics.push(diag('syntax/unclosed-trans', 'The script has no closing </trans> tag.', n, n));
  }
  tokens.push({ kind: 'EOF', start: transClose ? transClose.start : n, end: transClose ? transClose.start : n, text: '' });
  if (stats) stats.steps += steps + open;
  return { tokens, comments, diagnostics, transOpen, transClose, plainText: false };

  function punct(at: number, p: string): void {
    tokens.push({ kind: 'Punct', start: at, end: at + 1, text: p });
  }
  /** One- or two-character operator: `second` decides between them. */
  function op2(at: number, next: number, second: number, two: string, one: string): number {
    if (next === second) {
      tokens.push({ kind: 'Punct', start: at, end: at + 2, text: two });
      return at + 2;
    }
    tokens.push({ kind: 'Punct', start: at, end: at + 1, text: one });
    return at + 1;
  }
  function unsupported(at: number, len: number, op: string): void {
    tokens.push({ kind: 'Unsupported', start: at, end: at + len, text: op });
    diagnostics.push(diag('syntax/unsupported-operator', `Operator '${op}' is not supported by Jitterbit Script.`, at, at + len));
  }
}

/** Errors for further `<trans>` / `</trans>` tags in the inert text after the closing tag. */
function reportExtraTags(text: string, from: number, diagnostics: SyntaxDiagnostic[]): void {
  for (const tag of [OPEN_TAG, CLOSE_TAG]) {
    let at = text.indexOf(tag, from);
    while (at >= 0) {
      diagnostics.push(diag('syntax/duplicate-trans', `A second ${tag === OPEN_TAG ? '<trans>' : '</trans>'} tag is not allowed.`, at, at + tag.length));
      at = text.indexOf(tag, at + tag.length);
    }
  }
}

/** Decodes one escape character; -1 for an unknown escape (both characters are kept). */
function decodeEscape(c: number): number {
  switch (c) {
    case 116: return 9; // \t
    case 114: return 13; // \r
    case 110: return 10; // \n
    case 98: return 8; // \b
    case 102: return 12; // \f
    case 118: return 11; // \v
    case 92: return 92; // \\
    case 39: return 39; // \'
    case 34: return 34; // \"
    default: return -1;
  }
}

/** Lexes the string starting at `start` (on its quote); returns the offset after it. */
function lexString(text: string, start: number, tokens: Token[], diagnostics: SyntaxDiagnostic[]): number {
  const n = text.length;
  const q = text.charCodeAt(start);
  let i = start + 1;
  let decodes = false;
  let closed = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === q) {
      closed = true;
      break;
    }
    if (c === 92 && i + 1 < n) {
      if (decodeEscape(text.charCodeAt(i + 1)) >= 0) decodes = true;
      i += 2;
      continue;
    }
    i++;
  }
  const contentEnd = i;
  const end = closed ? i + 1 : n;
  const token: Token = { kind: 'String', start, end, text: '', quote: q === 34 ? '"' : "'" };
  if (!decodes) {
    token.text = text.slice(start + 1, contentEnd);
  } else {
    // Second pass only for strings with escapes: decoded value plus the source offset of each character.
    const parts: string[] = [];
    const offsets: number[] = [];
    let chunk = start + 1;
    let j = start + 1;
    while (j < contentEnd) {
      const c = text.charCodeAt(j);
      if (c === 92 && j + 1 < contentEnd) {
        const d = decodeEscape(text.charCodeAt(j + 1));
        if (d >= 0) {
          if (chunk < j) parts.push(text.slice(chunk, j));
          parts.push(String.fromCharCode(d));
          offsets.push(j);
          j += 2;
          chunk = j;
          continue;
        }
        offsets.push(j, j + 1);
        j += 2;
        continue;
      }
      offsets.push(j);
      j++;
    }
    if (chunk < contentEnd) parts.push(text.slice(chunk, contentEnd));
    token.text = parts.join('');
    token.charOffsets = offsets;
  }
  tokens.push(token);
  if (!closed) {
    diagnostics.push({
      code: 'syntax/unterminated-string',
      message: 'String literal is not closed; it runs to the end of the script.',
      severity: 'error',
      start,
      end: n,
    });
  }
  return end;
}
