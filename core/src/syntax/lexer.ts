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

/**
 * Lexes the whole text at once (tests, tools). The parser pulls tokens from a `TokenStream` instead, so tokens
 * are short-lived and never held in one big array.
 */
export function lex(text: string, stats?: WorkStats): LexResult {
  const stream = new TokenStream(text, stats);
  const tokens: Token[] = [];
  for (;;) {
    const t = stream.next();
    tokens.push(t);
    if (t.kind === 'EOF') break;
  }
  return { tokens, ...stream.finish() };
}

/**
 * Pull lexer: `next()` returns one token at a time (after `</trans>` or at the end, `TransClose` then `EOF`,
 * and `EOF` for ever after). Comments and diagnostics accumulate as it goes; `finish()` returns them once the
 * stream has reached `EOF`.
 */
export class TokenStream {
  readonly comments: Comment[] = [];
  readonly diagnostics: SyntaxDiagnostic[] = [];
  readonly plainText: boolean;
  readonly transOpen: NodeBase | undefined;
  private transClose: NodeBase | undefined;
  private readonly n: number;
  private i: number;
  /** True once an unterminated string or comment swallowed the rest (the missing `</trans>` is its echo). */
  private swallowed = false;
  /** Identifiers starting before this offset are known not to begin a source path (see lexWord). */
  private noPathUntil = 0;
  private steps = 0;
  /** 0 scanning, 1 `TransClose` emitted (EOF next), 2 done. */
  private phase = 0;
  private eof: Token | undefined;

  /** `resumeAt`: start there, inside the `<trans>` body, skipping the checks before it (incremental re-parse). */
  constructor(
    private readonly text: string,
    private readonly stats?: WorkStats,
    resumeAt?: number,
  ) {
    const n = text.length;
    this.n = n;
    if (resumeAt !== undefined) {
      this.plainText = false;
      this.transOpen = undefined;
      this.i = Math.max(0, Math.min(resumeAt, n));
      return;
    }
    const open = text.indexOf(OPEN_TAG);
    this.plainText = open < 0;
    if (open < 0) {
      this.i = n;
      this.phase = 2;
      this.eof = { kind: 'EOF', start: n, end: n, text: '' };
      if (stats) stats.steps += n;
      this.transOpen = undefined;
      return;
    }
    const before = inkSpan(text, 0, open);
    if (before) {
      this.diagnostics.push(diag('syntax/outside-trans', 'Text before <trans> is not evaluated.', before.start, before.end, 'warning'));
    }
    this.transOpen = { start: open, end: open + OPEN_TAG.length };
    this.i = this.transOpen.end;
    this.steps = open;
  }

  /** Comments, diagnostics and the tag ranges (complete once `next()` has returned `EOF`). */
  finish(): Omit<LexResult, 'tokens'> {
    const r: Omit<LexResult, 'tokens'> = { comments: this.comments, diagnostics: this.diagnostics, plainText: this.plainText };
    if (this.transOpen) r.transOpen = this.transOpen;
    if (this.transClose) r.transClose = this.transClose;
    return r;
  }

  next(): Token {
    if (this.phase !== 0) return this.end();
    const text = this.text;
    const n = this.n;
    const diagnostics = this.diagnostics;
    let i = this.i;
    while (i < n) {
      this.steps++;
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
        this.steps += i - start;
        const identEnd = i;
        const next = text.charCodeAt(i);
        if (start >= this.noPathUntil && (next === 36 || next === 46 || (next === 35 && isDigit(text.charCodeAt(i + 1))))) {
          // A transformation source path: IDENT followed by `$`/`.` segments (and `#n` instance indices), ending in `$`.
          let k = i;
          let lastDollar = -1;
          while (k < n) {
            const d = text.charCodeAt(k);
            if (d === 36) lastDollar = k;
            else if (!(isIdentPart(d) || d === 46 || (d === 35 && isDigit(text.charCodeAt(k + 1))))) break;
            k++;
          }
          this.steps += k - i;
          if (lastDollar === k - 1) {
            this.i = k;
            return token('SourceRef', start, k, text.slice(start, k));
          }
          // Not a complete path: any identifier inside the rest of this run cannot start one either.
          this.noPathUntil = k;
          if (lastDollar >= 0) {
            this.i = lastDollar + 1;
            return token('SourceRef', start, lastDollar + 1, text.slice(start, lastDollar + 1));
          }
        }
        const word = text.slice(start, identEnd);
        this.i = identEnd;
        return token(word === 'true' || word === 'false' ? 'Boolean' : 'Identifier', start, identEnd, word);
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
          this.steps += i - start;
          diagnostics.push(diag('syntax/invalid-number', 'Invalid number: digits run into letters or dots.', start, i));
          this.i = i;
          return token('InvalidNumber', start, i, text.slice(start, i));
        }
        this.steps += i - start;
        this.i = i;
        return token('Number', start, i, text.slice(start, i));
      }
      switch (c) {
        case 34: // "
        case 39: { // '
          const t = lexString(text, i, diagnostics);
          this.steps += t.end - i;
          if (t.end === n && diagnostics.length > 0 && diagnostics[diagnostics.length - 1].code === 'syntax/unterminated-string') this.swallowed = true;
          this.i = t.end;
          return t;
        }
        case 36: { // $global
          const start = i;
          i++;
          while (i < n && (isIdentPart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
          this.steps += i - start;
          if (i === start + 1) {
            diagnostics.push(diag('syntax/empty-global-name', 'A global variable needs a name after `$`.', start, i, 'warning'));
          }
          this.i = i;
          return token('Global', start, i, text.slice(start + 1, i));
        }
        case 35: // #n
          if (isDigit(c1)) {
            const start = i;
            i++;
            while (i < n && isDigit(text.charCodeAt(i))) i++;
            this.steps += i - start;
            this.i = i;
            return token('InstanceIndex', start, i, text.slice(start + 1, i));
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
            this.steps += e - i;
            this.comments.push({ kind: 'LineComment', start: i, end: e, text: text.slice(i + 2, e) });
            i = e;
            continue;
          }
          if (c1 === 42) {
            // Searching from i + 2 makes `/*/` open a comment rather than close itself (the documented quirk).
            const close = text.indexOf('*/', i + 2);
            if (close < 0) {
              this.comments.push({ kind: 'BlockComment', start: i, end: n, text: text.slice(i + 2) });
              diagnostics.push(diag('syntax/unterminated-comment', 'Block comment is not closed; it swallows the rest of the script.', i, n));
              this.swallowed = true;
              this.steps += n - i;
              i = n;
              continue;
            }
            this.comments.push({ kind: 'BlockComment', start: i, end: close + 2, text: text.slice(i + 2, close) });
            this.steps += close + 2 - i;
            i = close + 2;
            continue;
          }
          this.i = c1 === 61 ? i + 2 : i + 1;
          return c1 === 61 ? this.unsupported(i, 2, '/=') : token('Punct', i, i + 1, '/');
        case 60: // <
          if (text.startsWith(CLOSE_TAG, i)) {
            this.i = i;
            this.transClose = { start: i, end: i + CLOSE_TAG.length };
            return this.end();
          }
          if (text.startsWith(OPEN_TAG, i)) {
            diagnostics.push(diag('syntax/duplicate-trans', 'A second <trans> tag is not allowed.', i, i + OPEN_TAG.length));
            i += OPEN_TAG.length;
            continue;
          }
          return this.op2(i, c1, 61, '<=', '<');
        case 62: return this.op2(i, c1, 61, '>=', '>');
        case 61: return this.op2(i, c1, 61, '==', '=');
        case 33: return this.op2(i, c1, 61, '!=', '!');
        case 38: return this.op2(i, c1, 38, '&&', '&');
        case 124: return this.op2(i, c1, 124, '||', '|');
        case 43: // +
          if (c1 === 43 || c1 === 61) {
            this.i = i + 2;
            return token('Punct', i, i + 2, c1 === 43 ? '++' : '+=');
          }
          this.i = i + 1;
          return token('Punct', i, i + 1, '+');
        case 45: // -
          if (c1 === 45 || c1 === 61) {
            this.i = i + 2;
            return token('Punct', i, i + 2, c1 === 45 ? '--' : '-=');
          }
          this.i = i + 1;
          return token('Punct', i, i + 1, '-');
        case 42: // *
          this.i = c1 === 61 ? i + 2 : i + 1;
          return c1 === 61 ? this.unsupported(i, 2, '*=') : token('Punct', i, i + 1, '*');
        case 94: // ^
          this.i = c1 === 61 ? i + 2 : i + 1;
          return c1 === 61 ? this.unsupported(i, 2, '^=') : token('Punct', i, i + 1, '^');
        case 37: { // %
          const len = c1 === 61 ? 2 : 1;
          this.i = i + len;
          return this.unsupported(i, len, len === 2 ? '%=' : '%');
        }
        case 40: this.i = i + 1; return token('Punct', i, i + 1, '(');
        case 41: this.i = i + 1; return token('Punct', i, i + 1, ')');
        case 123: this.i = i + 1; return token('Punct', i, i + 1, '{');
        case 125: this.i = i + 1; return token('Punct', i, i + 1, '}');
        case 91: this.i = i + 1; return token('Punct', i, i + 1, '[');
        case 93: this.i = i + 1; return token('Punct', i, i + 1, ']');
        case 44: this.i = i + 1; return token('Punct', i, i + 1, ',');
        case 59: this.i = i + 1; return token('Punct', i, i + 1, ';');
        default:
          break;
      }
      // A run of characters that cannot start a token.
      const start = i;
      i++;
      while (i < n && !isWhitespace(text.charCodeAt(i)) && !startsToken(text, i)) i++;
      this.steps += i - start;
      diagnostics.push(diag('syntax/unexpected-character', 'Unexpected character(s) in script.', start, i));
      this.i = i;
      return token('Unknown', start, i, text.slice(start, i));
    }
    this.i = i;
    return this.end();
  }

  /** The end of the script: `TransClose` (when the tag is there) then `EOF`, with the end-of-text checks once. */
  private end(): Token {
    if (this.phase === 2) return this.eof as Token;
    const text = this.text;
    const n = this.n;
    const close = this.transClose;
    if (this.phase === 0) {
      if (close) {
        const after = inkSpan(text, close.end, n);
        if (after) {
          this.diagnostics.push(diag('syntax/outside-trans', 'Text after </trans> is not evaluated.', after.start, after.end, 'warning'));
          reportExtraTags(text, after.start, this.diagnostics);
        }
        this.steps += n - close.end;
        this.phase = 1;
        return token('TransClose', close.start, close.end, CLOSE_TAG);
      }
      if (!this.swallowed) this.diagnostics.push(diag('syntax/unclosed-trans', 'The script has no closing </trans> tag.', n, n));
    }
    this.phase = 2;
    const at = close ? close.start : n;
    this.eof = token('EOF', at, at, '');
    if (this.stats) this.stats.steps += this.steps;
    return this.eof;
  }

  /** One- or two-character operator: `second` decides between them. */
  private op2(at: number, next: number, second: number, two: string, one: string): Token {
    if (next === second) {
      this.i = at + 2;
      return token('Punct', at, at + 2, two);
    }
    this.i = at + 1;
    return token('Punct', at, at + 1, one);
  }

  private unsupported(at: number, len: number, op: string): Token {
    this.diagnostics.push(diag('syntax/unsupported-operator', `Operator '${op}' is not supported by Jitterbit Script.`, at, at + len));
    return token('Unsupported', at, at + len, op);
  }
}

function token(kind: TokenKind, start: number, end: number, text: string): Token {
  return { kind, start, end, text };
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

/** Lexes the string starting at `start` (on its quote). */
function lexString(text: string, start: number, diagnostics: SyntaxDiagnostic[]): Token {
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
  const t: Token = { kind: 'String', start, end, text: '', quote: q === 34 ? '"' : "'" };
  if (!decodes) {
    t.text = text.slice(start + 1, contentEnd);
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
    t.text = parts.join('');
    t.charOffsets = offsets;
  }
  if (!closed) {
    diagnostics.push({
      code: 'syntax/unterminated-string',
      message: 'String literal is not closed; it runs to the end of the script.',
      severity: 'error',
      start,
      end: n,
    });
  }
  return t;
}
