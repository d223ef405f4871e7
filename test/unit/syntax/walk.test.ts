import * as assert from 'node:assert/strict';
import { parseScript } from '../../../core/src/syntax/parser';
import { childrenOf, forEachChild, walk, type SyntaxNode } from '../../../core/src/syntax/walk';

function program(body: string) {
  return parseScript(`<trans>${body}</trans>`).program;
}
function label(n: SyntaxNode): string {
  switch (n.kind) {
    case 'Identifier': return n.name;
    case 'Number': return n.raw;
    case 'Call': return `${n.name}()`;
    case 'Binary': case 'Assign': case 'Unary': case 'Update': return n.op;
    default: return n.kind;
  }
}

describe('syntax/walk', () => {
  it('enumerates direct children in source order for every node kind', () => {
    const p = program('a = f(b, {c, d}, e[1], -g, h++, (i; j), k + l); [root$x$]; 5x');
    assert.deepEqual(childrenOf(p).map(label), ['=', 'SourceRef', 'Error']);
    const call = (p.body[0] as { value: SyntaxNode }).value;
    assert.deepEqual(childrenOf(call).map(label), ['b', 'Array', 'Index', '-', '++', 'Paren', '+']);
    const kids: string[] = [];
    forEachChild(p.body[0], (c) => kids.push(label(c)));
    assert.deepEqual(kids, ['a', 'f()']);
  });

  it('walks pre-order with parents, and leave runs after children', () => {
    const events: string[] = [];
    walk(
      program('x = a + b'),
      (n, parent) => { events.push(`enter ${label(n)}<${parent ? label(parent) : '-'}`); },
      (n) => { events.push(`leave ${label(n)}`); },
    );
    assert.deepEqual(events, [
      'enter Program<-', 'enter =<Program', 'enter x<=', 'leave x', 'enter +<=', 'enter a<+', 'leave a', 'enter b<+', 'leave b',
      'leave +', 'leave =', 'leave Program',
    ]);
  });

  it('skips children when enter returns false', () => {
    const seen: string[] = [];
    walk(program('f(a, b); c'), (n) => {
      seen.push(label(n));
      return n.kind !== 'Call';
    });
    assert.deepEqual(seen, ['Program', 'f()', 'c']);
  });

  it('walks a 200,000-deep tree without recursion', () => {
    const p = program(`${'- '.repeat(200_000)}x`);
    let count = 0;
    let leaves = 0;
    walk(p, () => { count++; }, () => { leaves++; });
    assert.equal(count, 200_002);
    assert.equal(leaves, count);
  });
});
