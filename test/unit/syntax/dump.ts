/** Compact S-expression dumps of tokens and trees for golden tests. */
import type { Expr, Program } from '../../../core/src/syntax/ast';
import type { Token } from '../../../core/src/syntax/tokens';
import { forEachChild } from '../../../core/src/syntax/walk';

export function dumpExpr(e: Expr): string {
  switch (e.kind) {
    case 'String': return JSON.stringify(e.value);
    case 'Number': return e.raw;
    case 'Boolean': return String(e.value);
    case 'Identifier': return e.name;
    case 'Global': return `$${e.name}`;
    case 'SourceRef': return e.node ? `[${e.path}]` : e.path;
    case 'InstanceIndex': return `#${e.value}`;
    case 'Missing': return '?';
    case 'Update': return e.prefix ? `(${e.op}pre ${dumpExpr(e.operand)})` : `(post${e.op} ${dumpExpr(e.operand)})`;
    case 'Unary': return `(${e.op} ${dumpExpr(e.operand)})`;
    case 'Binary': return `(${e.op} ${dumpExpr(e.left)} ${dumpExpr(e.right)})`;
    case 'Assign': return `(${e.op} ${dumpExpr(e.target)} ${dumpExpr(e.value)})`;
    case 'Call': return `(call ${[e.name, ...e.args.map(dumpExpr)].join(' ')})`;
    default: {
      const head: Record<string, string> = { Array: 'array', Index: 'index', Sequence: 'seq', Paren: 'paren', Error: 'error' };
      const parts: string[] = [head[e.kind]];
      forEachChild(e, (c) => { parts.push(dumpExpr(c as Expr)); });
      return `(${parts.join(' ')})`;
    }
  }
}

/** Statements separated by ` ; `. */
export function dumpProgram(p: Program): string {
  return p.body.map(dumpExpr).join(' ; ');
}

export function dumpTokens(tokens: Token[]): string {
  return tokens
    .filter((t) => t.kind !== 'EOF')
    .map((t) => {
      switch (t.kind) {
        case 'Punct': return t.text;
        case 'String': return `Str(${JSON.stringify(t.text)})`;
        case 'TransClose': return '</trans>';
        default: return `${t.kind}(${t.text})`;
      }
    })
    .join(' ');
}
