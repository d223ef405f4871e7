import type { Assign, BinaryOp, Expr, NodeBase } from './ast';
import type { Token } from './tokens';

/** The syntactic kind of the node a builder made last (the parser asks it where the kind decides, e.g. assignment targets). */
export type SyntaxKind = Expr['kind'];

/**
 * What the parser builds, node by node, bottom up: the syntax tree (AstBuilder), or the analysis IR straight away
 * (semantics/ir-builder.ts: no tree to lower afterwards). Every node a builder returns spans the text its syntax
 * covers (`start`, `end`, brackets included), because the parser places parents by their children.
 */
export interface TreeBuilder<N extends NodeBase> {
  /** Kind of the node made last: a subtree's root is always made after its children. */
  kind: SyntaxKind;
  string(t: Token): N;
  number(t: Token): N;
  boolean(t: Token): N;
  global(t: Token): N;
  identifier(t: Token): N;
  instanceIndex(t: Token): N;
  sourceRef(path: string, node: boolean, start: number, end: number): N;
  /** `args` is the parser's own fresh list: a builder may keep or rewrite it. */
  call(name: Token, args: N[], end: number): N;
  array(elements: N[], start: number, end: number): N;
  index(object: N, index: N, start: number, end: number): N;
  unary(op: '-' | '!' | '+', operand: N, start: number, end: number): N;
  update(op: '++' | '--', prefix: boolean, operand: N, start: number, end: number): N;
  binary(op: BinaryOp, left: N, right: N, start: number, end: number): N;
  assign(op: Assign['op'], target: N, value: N, start: number, end: number): N;
  sequence(exprs: N[], start: number, end: number): N;
  paren(expr: N, start: number, end: number): N;
  /** An absent expression, zero-width at `at`. */
  missing(at: number): N;
  error(children: N[], start: number, end: number): N;
}

/** Builds the syntax tree of ast.ts. */
export class AstBuilder implements TreeBuilder<Expr> {
  kind: SyntaxKind = 'Missing';

  string(t: Token): Expr {
    this.kind = 'String';
    const node: Expr = { kind: 'String', value: t.text, quote: t.quote ?? '"', start: t.start, end: t.end };
    if (t.charOffsets) node.charOffsets = t.charOffsets;
    return node;
  }
  number(t: Token): Expr {
    this.kind = 'Number';
    return { kind: 'Number', value: Number(t.text), raw: t.text, start: t.start, end: t.end };
  }
  boolean(t: Token): Expr {
    this.kind = 'Boolean';
    return { kind: 'Boolean', value: t.text === 'true', start: t.start, end: t.end };
  }
  global(t: Token): Expr {
    this.kind = 'Global';
    return { kind: 'Global', name: t.text, start: t.start, end: t.end };
  }
  identifier(t: Token): Expr {
    this.kind = 'Identifier';
    return { kind: 'Identifier', name: t.text, start: t.start, end: t.end };
  }
  instanceIndex(t: Token): Expr {
    this.kind = 'InstanceIndex';
    return { kind: 'InstanceIndex', value: Number(t.text), start: t.start, end: t.end };
  }
  sourceRef(path: string, node: boolean, start: number, end: number): Expr {
    this.kind = 'SourceRef';
    return { kind: 'SourceRef', path, node, start, end };
  }
  call(name: Token, args: Expr[], end: number): Expr {
    this.kind = 'Call';
    return { kind: 'Call', name: name.text, nameStart: name.start, nameEnd: name.end, args, start: name.start, end };
  }
  array(elements: Expr[], start: number, end: number): Expr {
    this.kind = 'Array';
    return { kind: 'Array', elements, start, end };
  }
  index(object: Expr, index: Expr, start: number, end: number): Expr {
    this.kind = 'Index';
    return { kind: 'Index', object, index, start, end };
  }
  unary(op: '-' | '!' | '+', operand: Expr, start: number, end: number): Expr {
    this.kind = 'Unary';
    return { kind: 'Unary', op, operand, start, end };
  }
  update(op: '++' | '--', prefix: boolean, operand: Expr, start: number, end: number): Expr {
    this.kind = 'Update';
    return { kind: 'Update', op, prefix, operand, start, end };
  }
  binary(op: BinaryOp, left: Expr, right: Expr, start: number, end: number): Expr {
    this.kind = 'Binary';
    return { kind: 'Binary', op, left, right, start, end };
  }
  assign(op: Assign['op'], target: Expr, value: Expr, start: number, end: number): Expr {
    this.kind = 'Assign';
    return { kind: 'Assign', op, target, value, start, end };
  }
  sequence(exprs: Expr[], start: number, end: number): Expr {
    this.kind = 'Sequence';
    return { kind: 'Sequence', start, end, exprs };
  }
  paren(expr: Expr, start: number, end: number): Expr {
    this.kind = 'Paren';
    return { kind: 'Paren', expr, start, end };
  }
  missing(at: number): Expr {
    this.kind = 'Missing';
    return { kind: 'Missing', start: at, end: at };
  }
  error(children: Expr[], start: number, end: number): Expr {
    this.kind = 'Error';
    return { kind: 'Error', start, end, children };
  }
}
