import type { RegionFacts } from '../engine/facts';
import type { RuleContext } from '../engine/rule';
import type { Fix, TextEdit } from '../engine/types';
import type { SinkFact } from '../semantics/flow';
import { T_SECRET } from '../semantics/taint';
import { encodeForRegion } from './encode';

/**
 * Masks the sensitive pieces of a logged argument: credentials become a fixed redaction marker, personal data keeps
 * at most its last four characters (detection-policy "masking"). Literal text around them stays.
 */
export function maskArgumentFix(ctx: RuleContext, r: RegionFacts, s: SinkFact): Fix | undefined {
  const js = r.region.language === 'javascript';
  const edits: TextEdit[] = [];
  for (const p of s.parts) {
    if (!p.taint || p.ir.k === 'lit') continue;
    const src = r.region.text.slice(p.ir.start, p.ir.end);
    let masked: string;
    if (p.taint.bits & T_SECRET) masked = '"[redacted]"';
    else masked = js ? `"****" + String(${src}).slice(-4)` : `"****" + Right(${src}, 4)`;
    edits.push({
      start: ctx.facts.toHost(r.region, p.ir.start),
      end: ctx.facts.toHost(r.region, p.ir.end),
      newText: encodeForRegion(masked, r.region.encoding),
    });
  }
  if (edits.length === 0) return undefined;
  return { title: 'Mask the sensitive value in this log message', kind: 'quickfix', safe: true, isPreferred: true, edits };
}
