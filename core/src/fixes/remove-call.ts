import type { FileFacts, RegionFacts } from '../engine/facts';
import type { Fix } from '../engine/types';
import type { IrCall } from '../semantics/ir';

/**
 * Suggestion: delete a whole call statement (with its `;`). Never safe for fix-all: the call may be the script's
 * result (its last statement).
 */
export function removeCallFix(facts: FileFacts, r: RegionFacts, call: IrCall, title: string): Fix {
  const text = r.region.text;
  let end = call.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === ';') end++;
  return {
    title,
    kind: 'suggestion',
    safe: false,
    edits: [{ start: facts.toHost(r.region, call.start), end: facts.toHost(r.region, end), newText: '' }],
  };
}
