import type { FileFacts, NameLookup, RegionFacts } from '../engine/facts';
import type { Fix } from '../engine/types';
import type { IrLiteral } from '../semantics/ir';
import { encodeForRegion, scriptString } from './encode';

/** Jitterbit's rules for generated names: letters, digits and `_`, starting with a letter (valid in JS after `$`). */
export function sanitizeVariableName(raw: string): string {
  const snake = raw
    .replace(/^\$+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  const base = snake.length > 0 ? snake : 'secret';
  return /^[a-z]/.test(base) ? base.slice(0, 60) : `pv_${base}`.slice(0, 60);
}

/** A name not yet used in the project's global namespace (shared by globals, project and system variables). */
export function uniqueVariableName(raw: string, taken: NameLookup): string {
  const base = sanitizeVariableName(raw);
  if (!taken.has(base)) return base;
  for (let i = 2; i < 1000; i++) {
    const n = `${base}_${i}`;
    if (!taken.has(n)) return n;
  }
  return `${base}_${Date.now().toString(36)}`;
}

/**
 * Replaces a literal (or the secret part of it) with a reference to a new hidden project variable. The value travels
 * only in `projectVariable.secretValue`, for the vault; the edit holds just the reference.
 */
export function useProjectVariableFix(
  facts: FileFacts,
  r: RegionFacts,
  lit: IrLiteral & { value: string },
  part: { from: number; to: number } | undefined,
  suggestedName: string,
  description: string,
): Fix {
  const name = uniqueVariableName(suggestedName, facts.takenNames());
  const value = lit.value;
  const from = part?.from ?? 0;
  const to = part?.to ?? value.length;
  const js = r.region.language === 'javascript';
  // JavaScript reads project variables through Jitterbit.GetVar, which works for every name (dotted or not).
  const ref = js ? `Jitterbit.GetVar("$${name}")` : `$${name}`;
  const prefix = value.slice(0, from);
  const suffix = value.slice(to);
  const pieces: string[] = [];
  if (prefix) pieces.push(js ? JSON.stringify(prefix) : scriptString(prefix));
  pieces.push(ref);
  if (suffix) pieces.push(js ? JSON.stringify(suffix) : scriptString(suffix));
  // A template's text part stays inside its backquotes: the reference becomes a substitution.
  const text = lit.templatePart ? `${templateText(prefix)}\${${ref}}${templateText(suffix)}` : pieces.join(' + ');
  const newText = encodeForRegion(text, r.region.encoding);
  return {
    title: `Move the value to hidden project variable $${name}`,
    kind: 'quickfix',
    isPreferred: true,
    safe: false, // needs the vault write first; never applied by fix-all without the host's vault step
    edits: [{ start: facts.toHost(r.region, lit.start), end: facts.toHost(r.region, lit.end), newText }],
    projectVariable: { name, hidden: true, description, secretValue: value.slice(from, to) },
  };
}

/** Text for the inside of a JavaScript template: backslashes, backquotes and `${` escaped. */
function templateText(s: string): string {
  return s.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');
}
