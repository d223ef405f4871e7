import type { Assign, BinaryOp } from '../syntax/ast';
import type { SyntaxKind, TreeBuilder } from '../syntax/builder';
import type { Token } from '../syntax/tokens';
import { lookupFunction } from './catalogue';
import { MAX_IR_DEPTH, type Ir, type IrVar } from './ir';
import { isVarName } from './lower-jitterbit';

/**
 * Parentheses as the parser sees them: the IR has no node for them (a parenthesised expression is its inner node),
 * but the parser places parents by the brackets' span, and `Get(("x"))` or `a[("k")]` are not the forms that name a
 * global or a key. The wrapper lives only while its parent is built.
 */
export interface IrParen {
  k: 'paren';
  inner: Ir;
  start: number;
  end: number;
}

export type BuiltIr = Ir | IrParen;

function unwrap(n: BuiltIr): Ir {
  return n.k === 'paren' ? n.inner : n;
}

function unwrapAll(list: BuiltIr[]): Ir[] {
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (n.k === 'paren') list[i] = n.inner;
  }
  return list as Ir[];
}

function opaque(start: number, end: number): Ir {
  return { k: 'other', items: [], derived: false, start, end };
}

/**
 * Builds the analysis IR while the Jitterbit Script parser parses (no syntax tree to lower afterwards): `a + b + c` as
 * one flat concatenation, `Get("x")` / `Set("x", v)` as the global `x`, `!x` and `-x` as opaque values. Statements go
 * through `statement()`, which drops a parenthesised statement's wrapper and keeps the IR within MAX_IR_DEPTH
 * (operator chains are built in loops and can be deeper). A tree walk written separately in the tests
 * (test/unit/syntax/reference-lowering.ts) is the oracle it is compared with.
 */
export class IrBuilder implements TreeBuilder<BuiltIr> {
  kind: SyntaxKind = 'Missing';
  /** Nodes made since the last statement: a statement of fewer nodes cannot be too deep. */
  private made = 0;

  /** A top-level statement, ready for the analysis. */
  statement(n: BuiltIr): Ir {
    const ir = unwrap(n);
    if (this.made > MAX_IR_DEPTH) capDepth(ir);
    this.made = 0;
    return ir;
  }

  string(t: Token): BuiltIr {
    this.kind = 'String';
    this.made++;
    // The scan caches start empty, so filling them later keeps the node's shape.
    return { k: 'lit', value: t.text, start: t.start, end: t.end, valueStart: t.start + 1, charOffsets: t.charOffsets, tokens: undefined, pii: undefined, marks: undefined };
  }
  number(t: Token): BuiltIr {
    this.kind = 'Number';
    this.made++;
    return { k: 'lit', value: Number(t.text), start: t.start, end: t.end, valueStart: t.start };
  }
  boolean(t: Token): BuiltIr {
    this.kind = 'Boolean';
    this.made++;
    return { k: 'lit', value: t.text === 'true', start: t.start, end: t.end, valueStart: t.start };
  }
  global(t: Token): BuiltIr {
    this.kind = 'Global';
    this.made++;
    return { k: 'var', scope: 'global', name: t.text, start: t.start, end: t.end, nameStart: t.start + 1, nameEnd: t.end, form: 'dollar' };
  }
  identifier(t: Token): BuiltIr {
    this.kind = 'Identifier';
    this.made++;
    return { k: 'var', scope: 'local', name: t.text, start: t.start, end: t.end, nameStart: t.start, nameEnd: t.end, form: 'bare' };
  }
  instanceIndex(t: Token): BuiltIr {
    this.kind = 'InstanceIndex';
    this.made++;
    return opaque(t.start, t.end);
  }
  sourceRef(path: string, _node: boolean, start: number, end: number): BuiltIr {
    this.kind = 'SourceRef';
    this.made++;
    return { k: 'src', path, start, end };
  }
  call(name: Token, args: BuiltIr[], end: number): BuiltIr {
    this.kind = 'Call';
    this.made++;
    const fn = lookupFunction(name.text);
    let fname = fn ? fn.name : undefined; // the catalogue's spelling, whatever the script's
    const first = args[0];
    // Get("name") / Set("name", v) address globals by name: a global's read and write. Only a plain string names it.
    // GetChunkDataElement / SetChunkDataElement do the same for chunk variables (one value per chunk, same name rules).
    if (fname === 'GetChunkDataElement' && args.length === 1) fname = 'Get';
    else if (fname === 'SetChunkDataElement' && args.length === 2) fname = 'Set';
    if ((fname === 'Get' || fname === 'Set') && first && first.k === 'lit' && typeof first.value === 'string' && !first.charOffsets && isVarName(first.value)) {
      const nameVar: IrVar = {
        k: 'var', scope: 'global', name: first.value, start: first.start, end: first.end,
        nameStart: first.start + 1, nameEnd: first.end - 1, form: 'string-name',
      };
      const start = name.start;
      if (fname === 'Get' && args.length === 1) return { ...nameVar, start, end };
      if (fname === 'Set' && args.length === 2) return { k: 'assign', op: '=', target: nameVar, value: unwrap(args[1]), start, end };
      // With indexes, `Get("a", i, j)` reads and `Set("a", v, i, j)` writes an element of the array global `a`.
      if (fname === 'Get' && args.length > 1) return indexed(nameVar, args, 1, start, end);
      if (fname === 'Set' && args.length > 2) return { k: 'assign', op: '=', target: indexed(nameVar, args, 2, start, end), value: unwrap(args[1]), start, end };
    }
    // `Set(arr, v, i, j)` writes an element of the array variable `arr` (the array form of Set: value first, then indexes).
    if (fname === 'Set' && args.length > 2 && first && first.k === 'var' && (first.form === 'bare' || first.form === 'dollar')) {
      return { k: 'assign', op: '=', target: indexed(first, args, 2, name.start, end), value: unwrap(args[1]), start: name.start, end };
    }
    return { k: 'call', name: fn ? fn.name : name.text, nameStart: name.start, nameEnd: name.end, fn, args: unwrapAll(args), start: name.start, end };
  }
  array(elements: BuiltIr[], start: number, end: number): BuiltIr {
    this.kind = 'Array';
    this.made++;
    return { k: 'arr', items: unwrapAll(elements), start, end };
  }
  index(object: BuiltIr, index: BuiltIr, start: number, end: number): BuiltIr {
    this.kind = 'Index';
    this.made++;
    // Only a plain string literal names the key (`d["k"]`), as in the syntax tree.
    const prop = index.k === 'lit' && typeof index.value === 'string' ? index.value : undefined;
    return { k: 'member', obj: unwrap(object), prop, index: unwrap(index), start, end };
  }
  unary(_op: '-' | '!' | '+', operand: BuiltIr, start: number, end: number): BuiltIr {
    this.kind = 'Unary';
    this.made++;
    // `-x` keeps a number; `!x` is a boolean: neither carries the operand's text.
    return { k: 'other', items: [unwrap(operand)], derived: false, start, end };
  }
  update(_op: '++' | '--', _prefix: boolean, operand: BuiltIr, start: number, end: number): BuiltIr {
    this.kind = 'Update';
    this.made++;
    return { k: 'other', items: [unwrap(operand)], derived: false, start, end };
  }
  binary(op: BinaryOp, left: BuiltIr, right: BuiltIr, start: number, end: number): BuiltIr {
    this.kind = 'Binary';
    this.made++;
    if (op === '+') {
      // `a + b + c` parses left-deep: the concatenation on the left grows in place (in parentheses it stays one item).
      if (left.k === 'cat') {
        left.items.push(unwrap(right));
        left.end = end;
        return left;
      }
      return { k: 'cat', items: [unwrap(left), unwrap(right)], start, end };
    }
    return { k: 'bin', op, l: unwrap(left), r: unwrap(right), start, end };
  }
  assign(op: Assign['op'], target: BuiltIr, value: BuiltIr, start: number, end: number): BuiltIr {
    this.kind = 'Assign';
    this.made++;
    return { k: 'assign', op, target: unwrap(target), value: unwrap(value), start, end };
  }
  sequence(exprs: BuiltIr[], start: number, end: number): BuiltIr {
    this.kind = 'Sequence';
    this.made++;
    return { k: 'seq', items: unwrapAll(exprs), start, end };
  }
  paren(expr: BuiltIr, start: number, end: number): BuiltIr {
    this.kind = 'Paren';
    this.made++;
    return { k: 'paren', inner: unwrap(expr), start, end };
  }
  missing(at: number): BuiltIr {
    this.kind = 'Missing';
    this.made++;
    return opaque(at, at);
  }
  error(children: BuiltIr[], start: number, end: number): BuiltIr {
    this.kind = 'Error';
    this.made++;
    return { k: 'other', items: unwrapAll(children), derived: false, start, end };
  }
}

/** `name[args[from]][args[from + 1]]…` as member accesses, each spanning the call. */
function indexed(nameVar: Ir, args: BuiltIr[], from: number, start: number, end: number): Ir {
  let obj = nameVar;
  for (let i = from; i < args.length; i++) obj = { k: 'member', obj, index: unwrap(args[i]), start, end };
  return obj;
}

/** Replaces every node deeper than MAX_IR_DEPTH by an opaque one (iterative: the tree may be far deeper than the stack). */
function capDepth(root: Ir): void {
  const stack: { node: Ir; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: Ir; depth: number };
    const cut = depth >= MAX_IR_DEPTH;
    const visit = (child: Ir): Ir => {
      if (cut) return opaque(child.start, child.end);
      stack.push({ node: child, depth: depth + 1 });
      return child;
    };
    switch (node.k) {
      case 'call': node.args = node.args.map(visit); break;
      case 'bin': node.l = visit(node.l); node.r = visit(node.r); break;
      case 'member': node.obj = visit(node.obj); if (node.index) node.index = visit(node.index); break;
      case 'assign': node.target = visit(node.target); node.value = visit(node.value); break;
      case 'cat': case 'arr': case 'seq': case 'other': node.items = node.items.map(visit); break;
      case 'obj': for (const p of node.props) p.value = visit(p.value); break;
      case 'fn': node.body = node.body.map(visit); break;
      case 'ret': if (node.value) node.value = visit(node.value); break;
      case 'lit': case 'var': case 'src': break;
    }
  }
}

