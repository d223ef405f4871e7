import { scanPii, type PiiMatch } from '../../detectors';
import type { FileFacts } from '../../engine/facts';
import { docsUrl, type Rule, type RuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { synthesizeTestValueFix } from '../../fixes/synthesize-test-value';
import { mappingNote, reportLiteral } from '../shared/helpers';

/** PII scans are shared by the six PII rules: one scan per distinct value per file. */
const caches = new WeakMap<FileFacts, Map<string, PiiMatch[]>>();

function scanCached(facts: FileFacts, value: string): PiiMatch[] {
  let cache = caches.get(facts);
  if (!cache) {
    cache = new Map();
    caches.set(facts, cache);
  }
  let r = cache.get(value);
  if (!r) {
    r = value.length < 6 ? [] : scanPii(value);
    cache.set(value, r);
  }
  return r;
}

/** Calls `each` for every PII match of `kind` in string literals and in configuration/data values. */
export function forEachPii(ctx: RuleContext, kind: PiiMatch['kind'], messageId: string): void {
  for (const r of ctx.facts.regions) {
    for (const lf of r.flow.literals) {
      for (const m of scanCached(ctx.facts, lf.lit.value)) {
        if (m.kind !== kind) continue;
        // A record spans several fields: one synthetic value would drop the others, so person records get no fix
        // (pii/person-record is not `fixable`).
        const fix = kind === 'person-record' ? undefined : synthesizeTestValueFix(ctx.facts, r, lf.lit, kind, m.start, m.end);
        reportLiteral(ctx, r, lf, { messageId, data: { description: m.description, where: mappingNote(r) }, fixes: fix ? [fix] : [] }, { from: m.start, to: m.end });
      }
    }
  }
  for (const d of ctx.facts.file.data) {
    if (d.hidden) continue;
    for (const m of scanCached(ctx.facts, d.value)) {
      if (m.kind !== kind) continue;
      const map = (i: number) => (d.map ? d.map.toHost(i) : d.valueStart + i);
      ctx.report({ messageId, data: { description: m.description, where: ` in \`${d.name}\`` }, start: map(m.start), end: map(m.end), value: d.value.slice(m.start, m.end) });
    }
  }
}

export function piiRule(id: string, shortDescription: string, description: string, kind: PiiMatch['kind']): Rule {
  const meta: RuleMeta = {
    id,
    category: 'pii',
    cwe: 359,
    defaultSeverity: 'warning',
    docs: { description, url: docsUrl(id) },
    shortDescription,
    messages: { found: '{description} ({masked}){where}: do not use real personal data in scripts or test data. Use a synthetic reserved value.' },
    fixable: kind !== 'person-record',
    hasSuggestions: false,
  };
  return { meta, check: (ctx) => forEachPii(ctx, kind, 'found') };
}
