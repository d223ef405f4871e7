/**
 * Child enumeration and an iterative (explicit-stack) traversal of the Jitterbit Script tree, so trees of any
 * depth can be walked without recursion limits.
 */
import type { Expr, Program } from './ast';

export type SyntaxNode = Program | Expr;

/** Calls `cb` for each direct child of `node`, in source order. */
export function forEachChild(node: SyntaxNode, cb: (child: Expr) => void): void {
  switch (node.kind) {
    case 'Program':
      for (const e of node.body) cb(e);
      return;
    case 'Array':
      for (const e of node.elements) cb(e);
      return;
    case 'Call':
      for (const e of node.args) cb(e);
      return;
    case 'Index':
      cb(node.object);
      cb(node.index);
      return;
    case 'Unary':
    case 'Update':
      cb(node.operand);
      return;
    case 'Binary':
      cb(node.left);
      cb(node.right);
      return;
    case 'Assign':
      cb(node.target);
      cb(node.value);
      return;
    case 'Sequence':
      for (const e of node.exprs) cb(e);
      return;
    case 'Paren':
      cb(node.expr);
      return;
    case 'Error':
      for (const e of node.children) cb(e);
      return;
    default:
      // Leaves: String, Number, Boolean, Identifier, Global, SourceRef, InstanceIndex, Missing.
      return;
  }
}

/** The direct children of `node` as an array, in source order. */
export function childrenOf(node: SyntaxNode): Expr[] {
  const out: Expr[] = [];
  forEachChild(node, (c) => out.push(c));
  return out;
}

/**
 * Pre-order traversal. `enter` returning `false` skips the node's children; `leave` (optional) runs after
 * all of a node's children (also when `enter` skipped them). `parent` is undefined for the root.
 */
export function walk(
  root: SyntaxNode,
  enter: (node: SyntaxNode, parent: SyntaxNode | undefined) => void | boolean,
  leave?: (node: SyntaxNode, parent: SyntaxNode | undefined) => void,
): void {
  // Each frame: node, parent, and whether its children were already pushed (for `leave`).
  const nodes: SyntaxNode[] = [root];
  const parents: (SyntaxNode | undefined)[] = [undefined];
  const expanded: boolean[] = [false];
  const scratch: Expr[] = [];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top];
    const parent = parents[top];
    if (expanded[top]) {
      nodes.pop();
      parents.pop();
      expanded.pop();
      leave?.(node, parent);
      continue;
    }
    if (enter(node, parent) === false) {
      nodes.pop();
      parents.pop();
      expanded.pop();
      leave?.(node, parent);
      continue;
    }
    if (leave) {
      expanded[top] = true;
    } else {
      nodes.pop();
      parents.pop();
      expanded.pop();
    }
    scratch.length = 0;
    forEachChild(node, (c) => scratch.push(c));
    // Push in reverse so the first child is visited first.
    for (let k = scratch.length - 1; k >= 0; k--) {
      nodes.push(scratch[k]);
      parents.push(node);
      expanded.push(false);
    }
  }
}
