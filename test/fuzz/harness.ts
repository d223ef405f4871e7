/**
 * Shared pieces of the parser fuzzing: a seeded PRNG, character/token mutations, and the invariants every
 * parse must satisfy. Used by the bounded fuzz test in the unit suite and by `npm run fuzz`.
 */
import type { ParseResult } from '../../core/src/syntax/ast';
import { lex } from '../../core/src/syntax/lexer';
import { walk, type SyntaxNode } from '../../core/src/syntax/walk';
import { mulberry32 } from '../support/rng';

export const prng = mulberry32;

/** Snippets worth inserting: tricky characters and token fragments of the language. */
const SNIPPETS = [
  '"', "'", '\\', '/*', '*/', '//', '/*/', '\n', '\r', ';', ',', '(', ')', '{', '}', '[', ']', '$', '#1', '.', '..',
  '<trans>', '</trans>', '<', '>', '=', '==', '!', '!=', '+', '++', '-', '--', '^', '*', '/', '%', '*=', '&&', '||',
  'root$a.b$c$', '[root$x$]', 'If(', 'While(', '5345bnj435', '.5', '5.', 'true', 'null', '$jitterbit.x.y', '\u00a0',
  '\uFEFF', '😀', 'a$', '$$', '#', '@', '`',
];

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** One random edit: delete / insert / duplicate a character range, or the same on whole tokens. */
export function mutate(text: string, rng: () => number): string {
  const n = text.length;
  const at = Math.floor(rng() * (n + 1));
  const len = 1 + Math.floor(rng() * Math.min(24, Math.max(1, n)));
  switch (Math.floor(rng() * 7)) {
    case 0: // delete characters
      return text.slice(0, at) + text.slice(at + len);
    case 1: // insert a snippet
      return text.slice(0, at) + pick(rng, SNIPPETS) + text.slice(at);
    case 2: // duplicate a character range
      return text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
    case 3: // insert a random character (any code unit, including lone surrogates)
      return text.slice(0, at) + String.fromCharCode(Math.floor(rng() * 0x10000)) + text.slice(at);
    default: {
      // Token-level edits on the lexer's view of the text.
      const tokens = lex(text).tokens.filter((t) => t.end > t.start);
      if (tokens.length === 0) return text + pick(rng, SNIPPETS);
      const t = pick(rng, tokens);
      const u = pick(rng, tokens);
      const kind = Math.floor(rng() * 3);
      if (kind === 0) return text.slice(0, t.start) + text.slice(t.end); // delete a token
      if (kind === 1) return text.slice(0, t.end) + text.slice(t.start, t.end) + text.slice(t.end); // duplicate it
      return text.slice(0, t.start) + text.slice(u.start, u.end) + text.slice(t.start); // copy another token here
    }
  }
}

/**
 * Linear-work bound: lexer + parser steps per input character. Measured worst cases are about 7
 * (`a a a …`, each operand a statement with a diagnostic); anything super-linear blows through it on big inputs.
 */
export const MAX_STEPS_PER_CHAR = 16;

export function withinLinearBudget(textLength: number, steps: number): boolean {
  return steps <= MAX_STEPS_PER_CHAR * (textLength + 16);
}

const SOUP_OPENERS = ['(', '[', '{', 'f(', 'x[', '-!'];
const SOUP_OTHERS = ['a', '1', ',', ';', '-', '!', '=', '+', ')', ']', '}', ' ', '"s"', '$g', 'r$p$', '[r$p$]', '++', '/*x*/', '\n'];

/** A random script of `pieces` token fragments; `openerBias` of them open a bracket (deep nesting). */
export function soup(rng: () => number, pieces: number, openerBias: number): string {
  const parts: string[] = ['<trans>'];
  for (let i = 0; i < pieces; i++) parts.push(rng() < openerBias ? pick(rng, SOUP_OPENERS) : pick(rng, SOUP_OTHERS));
  if (rng() < 0.8) parts.push('</trans>');
  return parts.join('');
}

/** Checks what must hold for any input; returns a description of the first violation, or undefined. */
export function checkParse(text: string, result: ParseResult): string | undefined {
  const n = text.length;
  const { program, diagnostics } = result;
  if (program.start !== 0 || program.end !== n) return `program span ${program.start}..${program.end} for length ${n}`;
  for (const d of diagnostics) {
    if (!(d.start >= 0 && d.start <= d.end && d.end <= n)) return `diagnostic ${d.code} range ${d.start}..${d.end}`;
    if (!/^syntax\/[a-z-]+$/.test(d.code)) return `diagnostic code ${d.code}`;
    if (!d.message) return `empty message for ${d.code}`;
  }
  for (const c of program.comments) {
    if (!(c.start >= 0 && c.start <= c.end && c.end <= n)) return `comment range ${c.start}..${c.end}`;
  }
  let problem: string | undefined;
  // Each node lies within its parent, and siblings come in source order without overlapping.
  const lastChildEnd = new Map<SyntaxNode, number>();
  walk(program, (node, parent) => {
    if (problem) return false;
    if (!(node.start >= 0 && node.start <= node.end && node.end <= n)) {
      problem = `${node.kind} span ${node.start}..${node.end}`;
      return false;
    }
    if (parent) {
      if (node.start < parent.start || node.end > parent.end) {
        problem = `${node.kind} ${node.start}..${node.end} outside ${parent.kind} ${parent.start}..${parent.end}`;
        return false;
      }
      const prev = lastChildEnd.get(parent) ?? parent.start;
      if (node.start < prev) {
        problem = `${node.kind} at ${node.start} overlaps its previous sibling (ends ${prev}) in ${parent.kind}`;
        return false;
      }
      lastChildEnd.set(parent, node.end);
    }
    if (node.kind === 'String' && node.charOffsets && node.charOffsets.length !== node.value.length) {
      problem = `charOffsets length ${node.charOffsets.length} for value length ${node.value.length}`;
    }
    return true;
  });
  if (problem) return problem;
  if (program.transOpen) {
    const bodyEnd = program.transClose ? program.transClose.start : n;
    for (const e of program.body) {
      if (e.start < program.transOpen.end || e.end > bodyEnd) return `statement ${e.kind} ${e.start}..${e.end} outside the <trans> body`;
    }
  } else if (program.body.length > 0) {
    return 'plain text with statements';
  }
  return undefined;
}
