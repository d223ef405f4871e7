/**
 * Jitterbit Script parser: recursive descent over the lexer's token stream (one token of look-ahead, rarely three).
 *
 * It makes its nodes through a builder (syntax/builder.ts: the syntax tree of ast.ts, or the analysis IR straight
 * away) and always returns a whole result: absent operands become `Missing` nodes, skipped tokens `Error` nodes, and it
 * recovers at `;`, `,`, closing brackets and `</trans>`. Operator chains (`a + b + …`, `----x`, `!!!!x`,
 * `a = b = …`, `a[1][2]…`) are built in loops; only bracket nesting and `-!-!…` alternations recurse, and that
 * recursion is capped (`syntax/too-deep`), after which the nested group is skipped without recursion.
 * Diagnostics never quote string literal text (it may be a secret).
 */
import type { Assign, BinaryOp, Comment, Expr, NodeBase, ParseResult, Program, SyntaxDiagnostic } from './ast';
import { AstBuilder, type SyntaxKind, type TreeBuilder } from './builder';
import { TokenStream, type WorkStats } from './lexer';
import { Prec, binaryPrecedence, isAssignOp, type Token } from './tokens';

export interface ParseOptions<N extends NodeBase = Expr> {
  /** Bracket nesting cap (default 256). */
  maxDepth?: number;
  /** Receives a count of lexer and parser steps (for linear-time tests). */
  stats?: WorkStats;
  /**
   * Receives each top-level statement as soon as it is parsed, instead of collecting them in `program.body`
   * (which stays empty): a consumer that converts statements one by one lets each tree die young.
   */
  onStatement?: (statement: N) => void;
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
  const r = parseScriptWith(text, new AstBuilder(), options);
  const program: Program = { kind: 'Program', start: 0, end: text.length, body: r.body, comments: r.comments, plainText: r.plainText };
  if (r.transOpen) program.transOpen = r.transOpen;
  if (r.transClose) program.transClose = r.transClose;
  return { program, diagnostics: r.diagnostics };
}

/** What parseScriptWith returns: the statements as the builder made them, and what the text held besides. */
export interface BuiltScript<N> {
  body: N[];
  comments: Comment[];
  plainText: boolean;
  transOpen?: NodeBase;
  transClose?: NodeBase;
  diagnostics: SyntaxDiagnostic[];
}

/** parseScript with the nodes made by `builder` (the IR builder lowers while parsing: no syntax tree at all). */
export function parseScriptWith<N extends NodeBase>(text: string, builder: TreeBuilder<N>, options: ParseOptions<N> = {}): BuiltScript<N> {
  const stream = new TokenStream(text, options.stats, options.resumeAt);
  let body: N[] = [];
  // The parser's own list: its de-duplication looks at its last report, which lexer reports must not interleave.
  const parserDiagnostics: SyntaxDiagnostic[] = [];
  let stopped = false;
  if (!stream.plainText) {
    const parser = new Parser(stream, builder, parserDiagnostics, options.maxDepth ?? DEFAULT_MAX_DEPTH, options.resumeAt);
    body = parser.parseStatements(options.onStatement, options.onSeparator, options.stopAfterSeparator);
    if (options.stats) options.stats.steps += parser.steps;
    stopped = parser.stopped;
  }
  // Drains the stream (a script that ends early still has its end-of-text checks), unless the caller stopped the
  // parse because it knows the rest.
  if (!stopped) while (stream.next().kind !== 'EOF');
  const lexed = stream.finish();
  const diagnostics = parserDiagnostics.length > 0 ? lexed.diagnostics.concat(parserDiagnostics) : lexed.diagnostics;
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: BuiltScript<N> = { body, comments: lexed.comments, plainText: lexed.plainText, diagnostics };
  if (lexed.transOpen) out.transOpen = lexed.transOpen;
  if (lexed.transClose) out.transClose = lexed.transClose;
  return out;
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

class Parser<N extends NodeBase> {
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
  /**
   * Items of the lists being parsed (nested lists stack up): each list is copied out at its end, so it is exactly as
   * long as it is (a list grown from empty by push reserves room for 16, and call arguments stay in the tree).
   */
  private readonly listItems: N[] = [];
  /** Tokens pulled ahead of `cur` by `peekAt` (rare: at most two). */
  private readonly ahead: Token[] = [];

  constructor(
    private readonly stream: TokenStream,
    private readonly b: TreeBuilder<N>,
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
    onStatement?: (statement: N) => void,
    onSeparator?: (offset: number) => void,
    stopAfterSeparator?: (offset: number) => boolean,
  ): N[] {
    const body: N[] = [];
    const emit = onStatement ?? ((e: N) => body.push(e));
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
        emit(this.b.error([], t.start, t.end));
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
  private skipUnknown(): N {
    const start = this.peek().start;
    while (this.peek().kind === 'Unknown') this.advance();
    return this.b.error([], start, this.lastEnd);
  }

  /** `a; b; c` (value = last) as in call arguments and parentheses; a single expression stays unwrapped. */
  private parseSequence(): N {
    const first = this.parseExpression();
    let exprs: N[] | undefined;
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
    return this.b.sequence(exprs, first.start, end);
  }

  // ---- expressions ----

  /** Assignment level: `=`, `+=`, `-=` are right-associative; folded in a loop, not by recursion. */
  private parseExpression(): N {
    const first = this.parseBinary(Prec.Or);
    let t = this.peek();
    if (!((t.kind === 'Punct' || t.kind === 'Unsupported') && isAssignOp(t.text))) return first;
    // A target's kind is what the builder made last for it (the IR has no node for every syntax: parentheses).
    const firstKind = this.b.kind;
    const op0 = this.advance();
    const second = this.parseBinary(Prec.Or);
    t = this.peek();
    // One assignment (nearly every one) needs no lists.
    if (!((t.kind === 'Punct' || t.kind === 'Unsupported') && isAssignOp(t.text))) return this.assignment(first, firstKind, op0, second);
    const operands: N[] = [first, second];
    const kinds: SyntaxKind[] = [firstKind, this.b.kind];
    const ops: Token[] = [op0];
    while ((t.kind === 'Punct' || t.kind === 'Unsupported') && isAssignOp(t.text)) {
      ops.push(this.advance());
      operands.push(this.parseBinary(Prec.Or));
      kinds.push(this.b.kind);
      t = this.peek();
    }
    let value = operands[operands.length - 1];
    for (let k = ops.length - 1; k >= 0; k--) value = this.assignment(operands[k], kinds[k], ops[k], value);
    return value;
  }

  /** `target op value`; an unsupported operator (`*=`) keeps both sides in an error node. */
  private assignment(target: N, targetKind: SyntaxKind, op: Token, value: N): N {
    if (op.kind === 'Unsupported') return this.b.error([target, value], target.start, value.end);
    this.checkTarget(target, targetKind);
    return this.b.assign(op.text as Assign['op'], target, value, target.start, value.end);
  }

  private checkTarget(target: N, kind: SyntaxKind): void {
    switch (kind) {
      case 'Identifier': case 'Global': case 'Index': case 'Missing': case 'Error':
        return;
      default:
        this.error('syntax/invalid-assignment-target', 'Only a variable or an indexed element can be assigned to.', target.start, target.end);
    }
  }

  /** Left-associative binary levels from `|`/`||` down to `*`/`/` (precedence climbing; bounded recursion). */
  private parseBinary(minPrec: Prec): N {
    let left = this.parseNot();
    while (true) {
      const t = this.peek();
      if (t.kind !== 'Punct' && t.kind !== 'Unsupported') break;
      const prec = binaryPrecedence(t.text);
      if (prec === Prec.None || prec < minPrec || prec > Prec.Multiplicative) break;
      this.advance();
      const right = this.parseBinary(prec + 1);
      if (t.kind === 'Unsupported') {
        left = this.b.error([left, right], left.start, right.end);
      } else {
        left = this.b.binary(t.text as BinaryOp, left, right, left.start, right.end);
      }
    }
    return left;
  }

  /** `!` binds looser than `^` and tighter than `*` (documented table); chains are collected in a loop. */
  private parseNot(): N {
    let t = this.peek();
    if (!Parser.isPunct(t, '!')) return this.parsePower();
    const bangs: number[] = [];
    while (Parser.isPunct(t, '!')) {
      bangs.push(t.start);
      this.advance();
      t = this.peek();
    }
    let operand = this.parsePower();
    for (let k = bangs.length - 1; k >= 0; k--) operand = this.b.unary('!', operand, bangs[k], operand.end);
    return operand;
  }

  /** `^`, left-associative (as the community parser; the docs do not say). */
  private parsePower(): N {
    let left = this.parseUnary();
    while (Parser.isPunct(this.peek(), '^')) {
      this.advance();
      const right = this.parseUnary();
      left = this.b.binary('^', left, right, left.start, right.end);
    }
    return left;
  }

  /** Prefix `- + ++ --` (collected in a loop), then a postfix expression. */
  private parseUnary(): N {
    let t = this.peek();
    if (t.kind !== 'Punct' || (t.text !== '-' && t.text !== '+' && t.text !== '++' && t.text !== '--' && t.text !== '!')) {
      return this.parsePostfix();
    }
    const prefixes: Token[] = [];
    while (t.kind === 'Punct' && (t.text === '-' || t.text === '+' || t.text === '++' || t.text === '--')) {
      prefixes.push(this.advance());
      t = this.peek();
    }
    let operand: N;
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
      if (p.text === '++' || p.text === '--') operand = this.b.update(p.text, true, operand, p.start, operand.end);
      else operand = this.b.unary(p.text as '-' | '+', operand, p.start, operand.end);
    }
    return operand;
  }

  /** Primary followed by any number of `[index]`, `++`, `--`. */
  private parsePostfix(): N {
    let expr = this.parsePrimary();
    while (true) {
      const t = this.peek();
      if (t.kind !== 'Punct') break;
      if (t.text === '[') {
        this.advance();
        const index = this.enter(']') ? this.leave(']', this.parseBracketed(']')) : undefined;
        if (!index) {
          const skipped = this.skipGroup(t.start, ']');
          expr = this.b.index(expr, skipped, expr.start, skipped.end);
          continue;
        }
        expr = this.b.index(expr, this.bracketedExpr(index), expr.start, index.end);
      } else if (t.text === '++' || t.text === '--') {
        this.advance();
        expr = this.b.update(t.text, false, expr, expr.start, t.end);
      } else {
        break;
      }
    }
    return expr;
  }

  private parsePrimary(): N {
    const t = this.peek();
    switch (t.kind) {
      case 'String':
        this.advance();
        return this.b.string(t);
      case 'Number':
        this.advance();
        return this.b.number(t);
      case 'InvalidNumber':
        this.advance();
        return this.b.error([], t.start, t.end);
      case 'Boolean':
        this.advance();
        return this.b.boolean(t);
      case 'Global':
        this.advance();
        return this.b.global(t);
      case 'SourceRef':
        this.advance();
        return this.b.sourceRef(t.text, false, t.start, t.end);
      case 'InstanceIndex':
        this.advance();
        return this.b.instanceIndex(t);
      case 'Identifier':
        this.advance();
        if (Parser.isPunct(this.peek(), '(')) return this.parseCall(t);
        return this.b.identifier(t);
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
  private missing(t: Token): N {
    const what = Parser.isEnd(t) ? 'end of script' : describe(t);
    this.error('syntax/expected-expression', `Expected an expression before ${what}.`, t.start, Parser.isEnd(t) ? t.start : t.end);
    // Right after the previous token, so the node stays inside whatever construct contains it.
    return this.b.missing(this.lastEnd);
  }

  private parseParen(open: Token): N {
    this.advance();
    if (Parser.isPunct(this.peek(), ')')) {
      const close = this.advance();
      this.error('syntax/expected-expression', 'Empty parentheses: expected an expression.', open.start, close.end);
      return this.b.paren(this.b.missing(open.end), open.start, close.end);
    }
    const inner = this.enter(')') ? this.leave(')', this.parseBracketed(')')) : undefined;
    if (!inner) {
      const skipped = this.skipGroup(open.start, ')');
      return this.b.paren(skipped, open.start, skipped.end);
    }
    return this.b.paren(this.bracketedExpr(inner), open.start, inner.end);
  }

  /** `[path]` in operand position: a node path. Anything else in brackets is an error. */
  private parseNodePath(open: Token): N {
    const inner = this.peekAt(1);
    const close = this.peekAt(2);
    if ((inner.kind === 'SourceRef' || inner.kind === 'Identifier') && Parser.isPunct(close, ']')) {
      this.advance();
      this.advance();
      this.advance();
      return this.b.sourceRef(inner.text, true, open.start, close.end);
    }
    this.advance();
    this.error('syntax/unexpected-token', "Unexpected '[': only a source node path can be written in brackets here.", open.start, open.end);
    if (Parser.isPunct(this.peek(), ']')) {
      const c = this.advance();
      return this.b.error([], open.start, c.end);
    }
    const body = this.enter(']') ? this.leave(']', this.parseBracketed(']')) : undefined;
    if (!body) return this.skipGroup(open.start, ']');
    const children = body.extra.length > 0 ? [body.first, ...body.extra] : [body.first];
    return this.b.error(children, open.start, body.end);
  }

  private parseCall(name: Token): N {
    this.advance(); // (
    const args = this.enter(')') ? this.leave(')', this.parseList(')')) : undefined;
    if (!args) {
      const skipped = this.skipGroup(name.end, ')');
      return this.b.call(name, [], skipped.end);
    }
    return this.b.call(name, args, this.listEnd);
  }

  private parseArray(open: Token): N {
    this.advance(); // {
    const list = this.enter('}') ? this.leave('}', this.parseList('}')) : undefined;
    if (!list) {
      const skipped = this.skipGroup(open.start, '}');
      return this.b.array([skipped], open.start, skipped.end);
    }
    return this.b.array(list, open.start, this.listEnd);
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
  private skipGroup(start: number, closer: Closer): N {
    const skipped = this.tooDeep(true);
    const t = this.peek();
    if (Parser.isPunct(t, closer)) this.advance();
    return this.b.error([], start, Math.max(skipped.end, this.lastEnd));
  }

  /**
   * The content of `( … )` or `[ … ]` up to and including the closer: one sequence, with expressions after a
   * stray `,` collected into an Error node (`extra` tells). Runs between enter and leave, so the recursion through
   * stray commas is depth-counted too.
   */
  private parseBracketed(closer: Closer): { first: N; extra: N[]; end: number } {
    const first = Parser.isPunct(this.peek(), closer) ? this.missing(this.peek()) : this.parseSequence();
    const extra: N[] = [];
    const end = this.expectCloser(closer, extra);
    return { first, extra, end };
  }

  /** The bracketed content as one node: the sequence, or with the expressions after stray commas, an error node. */
  private bracketedExpr(r: { first: N; extra: N[] }): N {
    if (r.extra.length === 0) return r.first;
    return this.b.error([r.first, ...r.extra], r.first.start, r.extra[r.extra.length - 1].end);
  }

  /**
   * Expects `closer`. A stray `,` or closer that no enclosing construct waits for is reported and skipped
   * (expressions after a stray `,` are parsed into `extra`); an outer closer or the end leaves this construct
   * unclosed. Returns the construct's end offset.
   */
  private expectCloser(closer: Closer, extra: N[]): number {
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
  private parseList(closer: ')' | '}'): N[] {
    if (Parser.isPunct(this.peek(), closer)) {
      this.listEnd = this.advance().end;
      return [];
    }
    const stack = this.listItems;
    const base = stack.length;
    const done = (end: number): N[] => {
      this.listEnd = end;
      const items = stack.slice(base);
      stack.length = base;
      return items;
    };
    while (true) {
      const t = this.peek();
      if (Parser.isPunct(t, ',') || Parser.endsSequence(t)) {
        stack.push(this.missing(t));
      } else {
        stack.push(this.parseSequence());
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
          return done(a.end);
        }
        if (Parser.isEnd(a) || (Parser.isCloser(a) && this.open[a.text as Closer] > 0 && !(a.text === closer))) {
          this.error('syntax/expected-token', `Expected '${closer}'.`, a.start, a.start);
          return done(this.lastEnd);
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
  private tooDeep(wholeGroup = false): N {
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
    if (this.pos === before) return this.b.error([], this.lastEnd, this.lastEnd);
    return this.b.error([], first.start, this.lastEnd);
  }
}
