import type { Expr } from '../../../core/src/syntax/ast';
import { lookupFunction } from '../../../core/src/semantics/catalogue';
import { MAX_IR_DEPTH, type Ir } from '../../../core/src/semantics/ir';
import { isVarName } from '../../../core/src/semantics/lower-jitterbit';

/**
 * The reference lowering of a Jitterbit Script syntax tree into the IR, written as a separate tree walk: the test oracle
 * for the IR the parser builds directly (core/src/semantics/ir-builder.ts). A change to how Jitterbit Script is
 * lowered goes into both, and ir-builder.test.ts compares them on fixtures, mutations and token soups.
 */

/** Lowers one top-level statement (for callers that parse with `onStatement`). */
export function lowerJitterbitStatement(e: Expr): Ir {
  return lower(e, 0);
}

function opaque(e: { start: number; end: number }): Ir {
  return { k: 'other', items: [], derived: false, start: e.start, end: e.end };
}

function lower(e: Expr, depth: number): Ir {
  if (depth > MAX_IR_DEPTH) return opaque(e);
  const d = depth + 1;
  switch (e.kind) {
    case 'String':
      // The scan caches start empty here, so filling them later keeps the node's shape (no property store added).
      return { k: 'lit', value: e.value, start: e.start, end: e.end, valueStart: e.start + 1, charOffsets: e.charOffsets, tokens: undefined, pii: undefined, marks: undefined };
    case 'Number':
    case 'Boolean':
      return { k: 'lit', value: e.value, start: e.start, end: e.end, valueStart: e.start };
    case 'Identifier':
      return { k: 'var', scope: 'local', name: e.name, start: e.start, end: e.end, nameStart: e.start, nameEnd: e.end, form: 'bare' };
    case 'Global':
      return { k: 'var', scope: 'global', name: e.name, start: e.start, end: e.end, nameStart: e.start + 1, nameEnd: e.end, form: 'dollar' };
    case 'SourceRef':
      return { k: 'src', path: e.path, start: e.start, end: e.end };
    case 'InstanceIndex':
    case 'Missing':
      return opaque(e);
    case 'Array':
      return { k: 'arr', items: e.elements.map((x) => lower(x, d)), start: e.start, end: e.end };
    case 'Call':
      return lowerCall(e, d);
    case 'Index': {
      const idx = e.index;
      const prop = idx.kind === 'String' ? idx.value : undefined;
      return { k: 'member', obj: lower(e.object, d), prop, index: lower(idx, d), start: e.start, end: e.end };
    }
    case 'Unary':
      // `-x` keeps a number; `!x` is a boolean: neither carries the operand's text.
      return { k: 'other', items: [lower(e.operand, d)], derived: false, start: e.start, end: e.end };
    case 'Update':
      return { k: 'other', items: [lower(e.operand, d)], derived: false, start: e.start, end: e.end };
    case 'Binary':
      if (e.op === '+') return lowerConcat(e, d);
      return { k: 'bin', op: e.op, l: lower(e.left, d), r: lower(e.right, d), start: e.start, end: e.end };
    case 'Assign':
      return { k: 'assign', op: e.op, target: lower(e.target, d), value: lower(e.value, d), start: e.start, end: e.end };
    case 'Sequence':
      return { k: 'seq', items: e.exprs.map((x) => lower(x, d)), start: e.start, end: e.end };
    case 'Paren':
      return lower(e.expr, d);
    case 'Error':
      return { k: 'other', items: e.children.map((x) => lower(x, d)), derived: false, start: e.start, end: e.end };
  }
}

/** Flattens a left-deep `a + b + c` chain iteratively. */
function lowerConcat(e: Expr & { kind: 'Binary' }, depth: number): Ir {
  // Lowered right to left straight into the list, then turned round: no list of the right operands on the way
  // (lowering has no effects, so the order it runs in does not matter).
  const items: Ir[] = [];
  let cur: Expr = e;
  while (cur.kind === 'Binary' && cur.op === '+') {
    items.push(lower(cur.right, depth));
    cur = cur.left;
  }
  items.push(lower(cur, depth));
  items.reverse();
  return { k: 'cat', items, start: e.start, end: e.end };
}

function lowerCall(e: Expr & { kind: 'Call' }, depth: number): Ir {
  const fn = lookupFunction(e.name);
  let fname = fn ? fn.name : undefined; // the catalogue's spelling, whatever the script's
  const first = e.args[0];
  // Get("name") / Set("name", v) address globals by name: lower them to variable reads and writes.
  // GetChunkDataElement / SetChunkDataElement do the same for chunk variables.
  if (fname === 'GetChunkDataElement' && e.args.length === 1) fname = 'Get';
  else if (fname === 'SetChunkDataElement' && e.args.length === 2) fname = 'Set';
  if ((fname === 'Get' || fname === 'Set') && first && first.kind === 'String' && !first.charOffsets && isVarName(first.value)) {
    const nameVar: Ir = {
      k: 'var', scope: 'global', name: first.value, start: first.start, end: first.end,
      nameStart: first.start + 1, nameEnd: first.end - 1, form: 'string-name',
    };
    if (fname === 'Get' && e.args.length === 1) return { ...nameVar, start: e.start, end: e.end };
    if (fname === 'Set' && e.args.length === 2) {
      return { k: 'assign', op: '=', target: nameVar, value: lower(e.args[1], depth), start: e.start, end: e.end };
    }
    // With indexes, `Get("a", i, j)` reads and `Set("a", v, i, j)` writes an element of the array global `a`.
    if (fname === 'Get' && e.args.length > 1) return indexed(nameVar, e.args, 1, depth, e);
    if (fname === 'Set' && e.args.length > 2) {
      return { k: 'assign', op: '=', target: indexed(nameVar, e.args, 2, depth, e), value: lower(e.args[1], depth), start: e.start, end: e.end };
    }
  }
  // `Set(arr, v, i, j)` writes an element of the array variable `arr` (the array form of Set: value first, then indexes).
  if (fname === 'Set' && e.args.length > 2 && first && (first.kind === 'Identifier' || first.kind === 'Global')) {
    return { k: 'assign', op: '=', target: indexed(lower(first, depth), e.args, 2, depth, e), value: lower(e.args[1], depth), start: e.start, end: e.end };
  }
  return {
    k: 'call', name: fn ? fn.name : e.name, nameStart: e.nameStart, nameEnd: e.nameEnd, fn,
    args: e.args.map((a) => lower(a, depth)), start: e.start, end: e.end,
  };
}

/** `name[args[from]][args[from + 1]]…` as member accesses (built in a loop, as the parser builds `a[1][2]…`). */
function indexed(nameVar: Ir, args: Expr[], from: number, depth: number, call: { start: number; end: number }): Ir {
  let obj = nameVar;
  for (let i = from; i < args.length; i++) {
    obj = { k: 'member', obj, index: lower(args[i], depth), start: call.start, end: call.end };
  }
  return obj;
}

