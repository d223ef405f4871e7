/**
 * Jitterbit Script parser: recursive descent over the lexer's token stream (one token of look-ahead, rarely three).
 *
 * It always returns a tree: absent operands become `Missing` nodes, skipped tokens `Error` nodes, and it
 * recovers at `;`, `,`, closing brackets and `</trans>`. Operator chains (`a + b + …`, `----x`, `!!!!x`,
 * `a = b = …`, `a[1][2]…`) are built in loops; only bracket nesting and `-!-!…` alternations recurse, and that
 * recursion is capped (`syntax/too-deep`), after which the nested group is skipped without recursion.
 * Diagnostics never quote string literal text (it may be a secret).
 */
import type {
  Assign, BinaryOp, Expr, Missing, Program, ParseResult, SyntaxDiagnostic, Unary, Update,
} from './ast';
import { TokenStream, type WorkStats } from './lexer';
import { Prec, binaryPrecedence, isAssignOp, type Token } from './tokens';

export interface ParseOptions {
  /** Bracket nesting cap (default 256). */
  maxDepth?: number;
  /** Receives a count of lexer and parser steps (for linear-time tests). */
  stats?: WorkStats;
  /**
   * Receives each top-level statement as soon as it is parsed, instead of collecting them in `program.body`
   * (which stays empty): a consumer that converts statements one by one lets each tree die young.
   */
  onStatement?: (statement: Expr) => void;
  /** Receives the offset of each top-level `;` (the boundaries an incremental re-parse resumes and stops at). */
  onSeparator?: (offset: number) => void;
  /**
   * Re-parsing part of an edited script: start at this offset, which must follow a top-level `;` inside the
   * `<trans>` body (the lexer and parser are in their initial state there). Tag checks before it are skipped.
   */
  resumeAt?: number;
  /** Called after each top-level `;`; returning true ends the parse there (the caller knows the rest). */
  stopAfterSeparator?: (offset: number) => boolean;
}

export const DEFAULT_MAX_DEPTH = 256;

/**
 * Parses a whole Jitterbit Script text (with or without `<trans>`). Never throws; linear time.
 * Without a `<trans>` tag the text is a plain string result: `plainText: true`, empty body, no diagnostics.
 * `program.transOpen` / `transClose` are the ranges of the tags themselves (the body lies between them).
 * `<javascript>` bodies are not Jitterbit Script: route them to the JavaScript parser instead.
 * Tree depth from brackets is capped at `maxDepth`; flat operator chains (`a + b + …`, `- - - x`) are built
 * iteratively and can be deeper, so visit trees with `walk` (iterative) or cap your own recursion.
 */
export function parseScript(text: string, options: ParseOptions = {}): ParseResult {
  const stream = new TokenStream(text, options.stats, options.resumeAt);
  const program: Program = {
    kind: 'Program',
    start: 0,
    end: text.length,
    body: [],
    comments: stream.comments,
    plainText: stream.plainText,
  };
  // The parser's own list: its de-duplication looks at its last report, which lexer reports must not interleave.
  const parserDiagnostics: SyntaxDiagnostic[] = [];
  let stopped = false;
  if (!stream.plainText) {
    const parser = new Parser(stream, parserDiagnostics, options.maxDepth ?? DEFAULT_MAX_DEPTH, options.resumeAt);
    program.body = parser.parseStatements(options.onStatement, options.onSeparator, options.stopAfterSeparator);
    if (options.stats) options.stats.steps += parser.steps;
    stopped = parser.stopped;
  }
  // Drains the stream (a script that ends early still has its end-of-text checks), unless the caller stopped the
  // parse because it knows the rest.
  if (!stopped) while (stream.next().kind !== 'EOF');
  const lexed = stream.finish();
  if (lexed.transOpen) program.transOpen = lexed.transOpen;
  if (lexed.transClose) program.transClose = lexed.transClose;
  const diagnostics = parserDiagnostics.length > 0 ? lexed.diagnostics.concat(parserDiagnostics) : lexed.diagnostics;
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  return { program, diagnostics };
}

type Closer = ')' | ']' | '}';

function describe(t: Token): string {
  switch (t.kind) {
    case 'String': return 'string literal';
    case 'Number': case 'InvalidNumber': return 'number';
    case 'Boolean': return 'boolean';
    case 'Identifier': return 'name';
    case 'Global': return 'global variable';
    case 'SourceRef': return 'source reference';
    case 'InstanceIndex': return 'instance index';
    case 'TransClose': return '</trans>';
    case 'EOF': return 'end of script';
    case 'Punct': case 'Unsupported': return `'${t.text}'`;
    default: return 'character(s)';
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  /** End offset of the last consumed token. */
  private lastEnd: number;
  /** How many enclosing constructs wait for each closer (decides whether a stray closer is ours to skip). */
  private readonly open: Record<Closer, number> = { ')': 0, ']': 0, '}': 0 };
  steps = 0;

  /** True when `stopAfterSeparator` ended the parse. */
  stopped = false;
  /** The current token. */
  private cur: Token;
  /** End offset of the list parseList returned last. */
  private listEnd = 0;
  /** Tokens pulled ahead of `cur` by `peekAt` (rare: at most two). */
  private readonly ahead: Token[] = [];

  constructor(
    private readonly stream: TokenStream,
    private readonly diagnostics: SyntaxDiagnostic[],
    private readonly maxDepth: number,
    /** Resuming after a `;`: the end of that `;`, where a whole parse's cursor would be. */
    resumeAt?: number,
  ) {
    this.cur = stream.next();
    this.lastEnd = resumeAt ?? this.cur.start;
  }

  // ---- cursor ----

  private peek(): Token {
    this.steps++;
    return this.cur;
  }

  /** The token `ahead` places after the current one. */
  private peekAt(ahead: number): Token {
    if (ahead === 0) return this.cur;
    // The stream itself repeats `EOF` at the end, as the old token array's last entry did.
    while (this.ahead.length < ahead) this.ahead.push(this.stream.next());
    return this.ahead[ahead - 1];
  }

  /** Consumes the current token (never the terminal `</trans>` / EOF). */
  private advance(): Token {
    const t = this.cur;
    if (t.kind !== 'EOF' && t.kind !== 'TransClose') {
      this.pos++;
      this.lastEnd = t.end;
      this.cur = this.ahead.length > 0 ? (this.ahead.shift() as Token) : this.stream.next();
    }
    return t;
  }

  private error(code: string, message: string, start: number, end: number): void {
    // Unclosed nested constructs all end at the same spot: one report is enough.
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (last && last.code === code && last.start === start && last.end === end) return;
    this.diagnostics.push({ code, message, severity: 'error', start, end });
  }

  // ---- token classes ----

  private static isPunct(t: Token, p: string): boolean {
    return t.kind === 'Punct' && t.text === p;
  }

  private static isEnd(t: Token): boolean {
    return t.kind === 'EOF' || t.kind === 'TransClose';
  }

  private static isCloser(t: Token): boolean {
    return t.kind === 'Punct' && (t.text === ')' || t.text === ']' || t.text === '}');
  }

  /** Ends a `;` sequence: a closer, `,`, or the end of the script. */
  private static endsSequence(t: Token): boolean {
    return Parser.isEnd(t) || (t.kind === 'Punct' && (t.text === ')' || t.text === ']' || t.text === '}' || t.text === ','));
  }

  private static startsExpression(t: Token): boolean {
    switch (t.kind) {
      case 'String': case 'Number': case 'InvalidNumber': case 'Boolean': case 'Identifier':
      case 'Global': case 'SourceRef': case 'InstanceIndex':
        return true;
      case 'Punct':
        switch (t.text) {
          case '(': case '{': case '[': case '!': case '-': case '+': case '++': case '--':
            return true;
          default:
            return false;
        }
      default:
        return false;
    }
  }

  // ---- statements and sequences ----

  /** Top level: statements separated by `;` up to `</trans>` or the end. */
  parseStatements(
    onStatement?: (statement: Expr) => void,
    onSeparator?: (offset: number) => void,
    stopAfterSeparator?: (offset: number) => boolean,
  ): Expr[] {
    const body: Expr[] = [];
    const emit = onStatement ?? ((e: Expr) => body.push(e));
    while (true) {
      const t = this.peek();
      if (Parser.isEnd(t)) break;
      if (Parser.isPunct(t, ';')) {
        onSeparator?.(t.start);
        if (stopAfterSeparator?.(t.start)) {
          this.stopped = true;
          break;
        }
        this.advance();
        continue;
      }
      if (t.kind === 'Unknown') {
        emit(this.skipUnknown());
        continue;
      }
      if (Parser.isCloser(t) || Parser.isPunct(t, ',')) {
        this.error('syntax/unexpected-token', `Unexpected ${describe(t)}.`, t.start, t.end);
        this.advance();
        emit({ kind: 'Error', start: t.start, end: t.end, children: [] });
        continue;
      }
      const before = this.pos;
      emit(this.parseExpression());
      const after = this.peek();
      if (Parser.isPunct(after, ';') || Parser.isEnd(after)) continue;
      if (Parser.startsExpression(after)) {
        this.missingOperator(after);
      } else if (this.pos === before) {
        // No progress (cannot happen for well-formed token classes; guards against a loop).
        this.advance();
      }
    }
    return body;
  }

  private missingOperator(t: Token): void {
    this.error('syntax/missing-operator', "Missing operator or ';' between two expressions.", t.start, t.end);
  }

  /** Consumes a run of unknown-character tokens (already reported by the lexer). */
  private skipUnknown(): Expr {
    const start = this.peek().start;
    while (this.peek().kind === 'Unknown') this.advance();
    return { kind: 'Error', start, end: this.lastEnd, children: [] };
  }

  /** `a; b; c` (value = last) as in call arguments and parentheses; a single expression stays unwrapped. */
  private parseSequence(): Expr {
    const first = this.parseExpression();
    let exprs: Expr[] | undefined;
    let end = first.end;
    while (true) {
      const t = this.peek();
      if (Parser.isPunct(t, ';')) {
        this.advance();
        exprs ??= [first];
        end = t.end;
        const n = this.peek();
        if (Parser.endsSequence(n) || Parser.isPunct(n, ';')) continue;
        if (n.kind === 'Unknown') continue;
        const e = this.parseExpression();
        exprs.push(e);
        end = Math.max(end, e.end);
        continue;
      }
      if (t.kind === 'Unknown') {
        // Already reported by the lexer; an operand right after it needs no second diagnostic.
        exprs ??= [first];
        const e = this.skipUnknown();
        exprs.push(e);
        end = e.end;
        if (Parser.startsExpression(this.peek())) {
          const next = this.parseExpression();
          exprs.push(next);
          end = Math.max(end, next.end);
        }
        continue;
      }
      if (Parser.startsExpression(t)) {
        this.missingOperator(t);
        exprs ??= [first];
        const e = this.parseExpression();
        exprs.push(e);
        end = Math.max(end, e.end);
        continue;
      }
      break;
    }
    if (!exprs) return first;
    return { kind: 'Sequence', start: first.start, end, exprs };
  }

  // ---- expressions ----

  /** Assignment level: `=`, `+=`, `-=` are right-associative; folded in a loop, not by recursion. */
  private parseExpression(): Expr {
    const first = this.parseBinary(Prec.Or);
    let t = this.peek();
    if (!((t.kind === 'Punct' || t.kind === 'Unsupported') && isAssignOp(t.text))) return first;
    const op0 = this.advance();
    const second = this.parseBinary(Prec.Or);
    t = this.peek();
    // One assignment (nearly every one) needs no lists.
    if (!((t.kind === 'Punct' || t.kind === 'Unsupported') && isAssignOp(t.text))) return this.assignment(first, op0, second);
    const operands: Expr[] = [first, second];
    const ops: Token[] = [op0];
    while ((t.kind === 'Punct' || t.kind === 'Unsupported') && isAssignOp(t.text)) {
      ops.push(this.advance());
      operands.push(this.parseBinary(Prec.Or));
      t = this.peek();
    }
    let value = operands[operands.length - 1];
    for (let k = ops.length - 1; k >= 0; k--) value = this.assignment(operands[k], ops[k], value);
    return value;
  }

  /** `target op value`; an unsupported operator (`*=`) keeps both sides in an error node. */
  private assignment(target: Expr, op: Token, value: Expr): Expr {
    if (op.kind === 'Unsupported') return { kind: 'Error', start: target.start, end: value.end, children: [target, value] };
    this.checkTarget(target);
    const node: Assign = { kind: 'Assign', op: op.text as Assign['op'], target, value, start: target.start, end: value.end };
    return node;
  }

  private checkTarget(target: Expr): void {
    switch (target.kind) {
      case 'Identifier': case 'Global': case 'Index': case 'Missing': case 'Error':
        return;
      default:
        this.error('syntax/invalid-assignment-target', 'Only a variable or an indexed element can be assigned to.', target.start, target.end);
    }
  }

  /** Left-associative binary levels from `|`/`||` down to `*`/`/` (precedence climbing; bounded recursion). */
  private parseBinary(minPrec: Prec): Expr {
    let left = this.parseNot();
    while (true) {
      const t = this.peek();
      if (t.kind !== 'Punct' && t.kind !== 'Unsupported') break;
      const prec = binaryPrecedence(t.text);
      if (prec === Prec.None || prec < minPrec || prec > Prec.Multiplicative) break;
      this.advance();
      const right = this.parseBinary(prec + 1);
      if (t.kind === 'Unsupported') {
        left = { kind: 'Error', start: left.start, end: right.end, children: [left, right] };
      } else {
        left = { kind: 'Binary', op: t.text as BinaryOp, left, right, start: left.start, end: right.end };
      }
    }
    return left;
  }

  /** `!` binds looser than `^` and tighter than `*` (documented table); chains are collected in a loop. */
  private parseNot(): Expr {
    let t = this.peek();
    if (!Parser.isPunct(t, '!')) return this.parsePower();
    const bangs: number[] = [];
    while (Parser.isPunct(t, '!')) {
      bangs.push(t.start);
      this.advance();
      t = this.peek();
    }
    let operand = this.parsePower();
    for (let k = bangs.length - 1; k >= 0; k--) {
      const node: Unary = { kind: 'Unary', op: '!', operand, start: bangs[k], end: operand.end };
      operand = node;
    }
    return operand;
  }

  /** `^`, left-associative (as the community parser; the docs do not say). */
  private parsePower(): Expr {
    let left = this.parseUnary();
    while (Parser.isPunct(this.peek(), '^')) {
      this.advance();
      const right = this.parseUnary();
      left = { kind: 'Binary', op: '^', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  /** Prefix `- + ++ --` (collected in a loop), then a postfix expression. */
  private parseUnary(): Expr {
    let t = this.peek();
    if (t.kind !== 'Punct' || (t.text !== '-' && t.text !== '+' && t.text !== '++' && t.text !== '--' && t.text !== '!')) {
      return this.parsePostfix();
    }
    const prefixes: Token[] = [];
    while (t.kind === 'Punct' && (t.text === '-' || t.text === '+' || t.text === '++' || t.text === '--')) {
      prefixes.push(this.advance());
      t = this.peek();
    }
    let operand: Expr;
    if (Parser.isPunct(t, '!')) {
      // Lenient: `-!x` is outside the strict grammar but unambiguous.
      if (this.depth >= this.maxDepth) {
        operand = this.tooDeep();
      } else {
        this.depth++;
        operand = this.parseNot();
        this.depth--;
      }
    } else {
      operand = this.parsePostfix();
    }
    for (let k = prefixes.length - 1; k >= 0; k--) {
      const p = prefixes[k];
      if (p.text === '++' || p.text === '--') {
        const node: Update = { kind: 'Update', op: p.text, prefix: true, operand, start: p.start, end: operand.end };
        operand = node;
      } else {
        const node: Unary = { kind: 'Unary', op: p.text as '-' | '+', operand, start: p.start, end: operand.end };
        operand = node;
      }
    }
    return operand;
  }

  /** Primary followed by any number of `[index]`, `++`, `--`. */
  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    while (true) {
      const t = this.peek();
      if (t.kind !== 'Punct') break;
      if (t.text === '[') {
        this.advance();
        const index = this.enter(']') ? this.leave(']', this.parseBracketed(']')) : undefined;
        if (!index) {
          const skipped = this.skipGroup(t.start, ']');
          expr = { kind: 'Index', object: expr, index: skipped, start: expr.start, end: skipped.end };
          continue;
        }
        expr = { kind: 'Index', object: expr, index: index.expr, start: expr.start, end: index.end };
      } else if (t.text === '++' || t.text === '--') {
        this.advance();
        const node: Update = { kind: 'Update', op: t.text, prefix: false, operand: expr, start: expr.start, end: t.end };
        expr = node;
      } else {
        break;
      }
    }
    return expr;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'String': {
        this.advance();
        const node: Expr = { kind: 'String', value: t.text, quote: t.quote ?? '"', start: t.start, end: t.end };
        if (t.charOffsets) node.charOffsets = t.charOffsets;
        return node;
      }
      case 'Number':
        this.advance();
        return { kind: 'Number', value: Number(t.text), raw: t.text, start: t.start, end: t.end };
      case 'InvalidNumber':
        this.advance();
        return { kind: 'Error', start: t.start, end: t.end, children: [] };
      case 'Boolean':
        this.advance();
        return { kind: 'Boolean', value: t.text === 'true', start: t.start, end: t.end };
      case 'Global':
        this.advance();
        return { kind: 'Global', name: t.text, start: t.start, end: t.end };
      case 'SourceRef':
        this.advance();
        return { kind: 'SourceRef', path: t.text, node: false, start: t.start, end: t.end };
      case 'InstanceIndex':
        this.advance();
        return { kind: 'InstanceIndex', value: Number(t.text), start: t.start, end: t.end };
      case 'Identifier':
        this.advance();
        if (Parser.isPunct(this.peek(), '(')) return this.parseCall(t);
        return { kind: 'Identifier', name: t.text, start: t.start, end: t.end };
      case 'Punct':
        if (t.text === '(') return this.parseParen(t);
        if (t.text === '{') return this.parseArray(t);
        if (t.text === '[') return this.parseNodePath(t);
        break;
      default:
        break;
    }
    return this.missing(t);
  }

  /** A Missing node where an expression was expected; the offending token is not consumed. */
  private missing(t: Token): Missing {
    const what = Parser.isEnd(t) ? 'end of script' : describe(t);
    this.error('syntax/expected-expression', `Expected an expression before ${what}.`, t.start, Parser.isEnd(t) ? t.start : t.end);
    // Right after the previous token, so the node stays inside whatever construct contains it.
    return { kind: 'Missing', start: this.lastEnd, end: this.lastEnd };
  }

  private parseParen(open: Token): Expr {
    this.advance();
    if (Parser.isPunct(this.peek(), ')')) {
      const close = this.advance();
      this.error('syntax/expected-expression', 'Empty parentheses: expected an expression.', open.start, close.end);
      return { kind: 'Paren', expr: { kind: 'Missing', start: open.end, end: open.end }, start: open.start, end: close.end };
    }
    const inner = this.enter(')') ? this.leave(')', this.parseBracketed(')')) : undefined;
    if (!inner) {
      const skipped = this.skipGroup(open.start, ')');
      return { kind: 'Paren', expr: skipped, start: open.start, end: skipped.end };
    }
    return { kind: 'Paren', expr: inner.expr, start: open.start, end: inner.end };
  }

  /** `[path]` in operand position: a node path. Anything else in brackets is an error. */
  private parseNodePath(open: Token): Expr {
    const inner = this.peekAt(1);
    const close = this.peekAt(2);
    if ((inner.kind === 'SourceRef' || inner.kind === 'Identifier') && Parser.isPunct(close, ']')) {
      this.advance();
      this.advance();
      this.advance();
      return { kind: 'SourceRef', path: inner.text, node: true, start: open.start, end: close.end };
    }
    this.advance();
    this.error('syntax/unexpected-token', "Unexpected '[': only a source node path can be written in brackets here.", open.start, open.end);
    if (Parser.isPunct(this.peek(), ']')) {
      const c = this.advance();
      return { kind: 'Error', start: open.start, end: c.end, children: [] };
    }
    const body = this.enter(']') ? this.leave(']', this.parseBracketed(']')) : undefined;
    if (!body) return this.skipGroup(open.start, ']');
    const children = body.expr.kind === 'Error' && body.extra ? body.expr.children : [body.expr];
    return { kind: 'Error', start: open.start, end: body.end, children };
  }

  private parseCall(name: Token): Expr {
    this.advance(); // (
    const args = this.enter(')') ? this.leave(')', this.parseList(')')) : undefined;
    if (!args) {
      const skipped = this.skipGroup(name.end, ')');
      return { kind: 'Call', name: name.text, nameStart: name.start, nameEnd: name.end, args: [], start: name.start, end: skipped.end };
    }
    return { kind: 'Call', name: name.text, nameStart: name.start, nameEnd: name.end, args, start: name.start, end: this.listEnd };
  }

  private parseArray(open: Token): Expr {
    this.advance(); // {
    const list = this.enter('}') ? this.leave('}', this.parseList('}')) : undefined;
    if (!list) {
      const skipped = this.skipGroup(open.start, '}');
      return { kind: 'Array', elements: [skipped], start: open.start, end: skipped.end };
    }
    return { kind: 'Array', elements: list, start: open.start, end: this.listEnd };
  }

  /**
   * Goes one nesting level deeper, waiting for `closer`; false at the cap (the caller then skips the group
   * with skipGroup). Pair with `leave`. (No closures: this runs for every bracket.)
   */
  private enter(closer: Closer): boolean {
    if (this.depth >= this.maxDepth) return false;
    this.depth++;
    this.open[closer]++;
    return true;
  }

  private leave<T>(closer: Closer, result: T): T {
    this.open[closer]--;
    this.depth--;
    return result;
  }

  /** The group skipped by the nesting cap, up to and including `closer` when it is there. */
  private skipGroup(start: number, closer: Closer): Expr {
    const skipped = this.tooDeep(true);
    const t = this.peek();
    if (Parser.isPunct(t, closer)) this.advance();
    return { kind: 'Error', start, end: Math.max(skipped.end, this.lastEnd), children: [] };
  }

  /**
   * The content of `( … )` or `[ … ]` up to and including the closer: one sequence, with expressions after a
   * stray `,` collected into an Error node (`extra` tells). Runs between enter and leave, so the recursion through
   * stray commas is depth-counted too.
   */
  private parseBracketed(closer: Closer): { expr: Expr; extra: boolean; end: number } {
    const first = Parser.isPunct(this.peek(), closer) ? this.missing(this.peek()) : this.parseSequence();
    const extra: Expr[] = [];
    const end = this.expectCloser(closer, extra);
    if (extra.length === 0) return { expr: first, extra: false, end };
    return { expr: { kind: 'Error', start: first.start, end: extra[extra.length - 1].end, children: [first, ...extra] }, extra: true, end };
  }

  /**
   * Expects `closer`. A stray `,` or closer that no enclosing construct waits for is reported and skipped
   * (expressions after a stray `,` are parsed into `extra`); an outer closer or the end leaves this construct
   * unclosed. Returns the construct's end offset.
   */
  private expectCloser(closer: Closer, extra: Expr[]): number {
    while (true) {
      const t = this.peek();
      if (Parser.isPunct(t, closer)) {
        this.advance();
        return t.end;
      }
      if (Parser.isEnd(t) || (Parser.isCloser(t) && this.open[t.text as Closer] > 0)) {
        this.error('syntax/expected-token', `Expected '${closer}'.`, t.start, t.start);
        return this.lastEnd;
      }
      this.error('syntax/unexpected-token', `Unexpected ${describe(t)}; expected '${closer}'.`, t.start, t.end);
      this.advance();
      if (Parser.isPunct(t, ',') && !Parser.endsSequence(this.peek())) extra.push(this.parseSequence());
    }
  }

  /**
   * Comma-separated items up to `closer` (call arguments, array elements); the list's end offset goes to `listEnd`
   * (read right after: no result object per call).
   */
  private parseList(closer: ')' | '}'): Expr[] {
    const items: Expr[] = [];
    if (Parser.isPunct(this.peek(), closer)) {
      this.listEnd = this.advance().end;
      return items;
    }
    while (true) {
      const t = this.peek();
      if (Parser.isPunct(t, ',') || Parser.endsSequence(t)) {
        items.push(this.missing(t));
      } else {
        items.push(this.parseSequence());
      }
      // After an item: `,` continues, the closer ends, anything else is recovered from.
      while (true) {
        const a = this.peek();
        if (Parser.isPunct(a, ',')) {
          this.advance();
          break;
        }
        if (Parser.isPunct(a, closer)) {
          this.advance();
          this.listEnd = a.end;
          return items;
        }
        if (Parser.isEnd(a) || (Parser.isCloser(a) && this.open[a.text as Closer] > 0 && !(a.text === closer))) {
          this.error('syntax/expected-token', `Expected '${closer}'.`, a.start, a.start);
          this.listEnd = this.lastEnd;
          return items;
        }
        this.error('syntax/unexpected-token', `Unexpected ${describe(a)}; expected ',' or '${closer}'.`, a.start, a.end);
        this.advance();
      }
    }
  }

  /**
   * Nesting cap reached: report once and skip the rest of this operand without recursion — tokens up to a
   * closer (or, unless `wholeGroup`, a `,` or `;`) at bracket balance zero.
   */
  private tooDeep(wholeGroup = false): Expr {
    const first = this.peek();
    this.error('syntax/too-deep', `Expressions are nested more than ${this.maxDepth} levels deep; the rest of this group is not analysed.`, first.start, first.end);
    let balance = 0;
    const before = this.pos;
    while (true) {
      const t = this.peek();
      if (Parser.isEnd(t)) break;
      if (t.kind === 'Punct') {
        if (t.text === '(' || t.text === '[' || t.text === '{') balance++;
        else if (t.text === ')' || t.text === ']' || t.text === '}') {
          if (balance === 0) break;
          balance--;
        } else if (!wholeGroup && (t.text === ',' || t.text === ';') && balance === 0) break;
      }
      this.advance();
    }
    // Nothing skipped (a closer or the end came first): zero-width right after the previous token.
    if (this.pos === before) return { kind: 'Error', start: this.lastEnd, end: this.lastEnd, children: [] };
    return { kind: 'Error', start: first.start, end: this.lastEnd, children: [] };
  }
}
