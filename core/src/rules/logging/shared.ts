import type { RegionFacts } from '../../engine/facts';
import type { RuleContext } from '../../engine/rule';
import type { Finding, Fix } from '../../engine/types';
import type { SinkFact } from '../../semantics/flow';
import { removeCallFix } from '../../fixes/remove-call';

export function sinkTarget(fnName: string): string {
  switch (fnName.toLowerCase()) {
    case 'writetooperationlog': return 'the operation log';
    case 'raiseerror': return 'the error log';
    case 'setlasterror': return 'the operation log as a warning';
    default: return 'an e-mail';
  }
}

/** Related location: where a global carrying the data was set in another script. */
export function relatedOf(ctx: RuleContext, s: SinkFact): Finding['related'] {
  const o = s.taint.origin;
  if (!o?.path || o.path === ctx.facts.file.path) return undefined;
  const range = ctx.facts.locate(o.path, o.start, o.end);
  return range ? [{ path: o.path, range, message: 'The sensitive value is stored in the global here.' }] : undefined;
}

/** Suggestion: delete the log call statement. */
export function removeSinkCallFix(ctx: RuleContext, r: RegionFacts, s: SinkFact): Fix {
  return removeCallFix(ctx.facts, r, s.call, `Remove this ${s.fn.name} call`);
}
