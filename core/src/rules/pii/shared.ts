import { scanPii, type PiiMatch } from '../../detectors';
import type { FileFacts, RegionFacts } from '../../engine/facts';
import type { LiteralFact } from '../../semantics/flow';
import { docsUrl, type Rule, type RuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { synthesizeTestValueFix } from '../../fixes/synthesize-test-value';
import { mappingNote, reportLiteral } from '../shared/helpers';

const NONE: PiiMatch[] = [];

/** PII scans are shared by the six PII rules: one scan per literal, kept on the literal node (see IrLiteral). */
function literalPii(lf: LiteralFact): PiiMatch[] {
  const lit = lf.lit;
  if (!lit.pii) lit.pii = lit.value.length < 6 ? NONE : scanPii(lit.value);
  return lit.pii as PiiMatch[];
}

/** Data values are few; a per-file map is enough. */
const dataCaches = new WeakMap<FileFacts, Map<string, PiiMatch[]>>();

function dataPii(facts: FileFacts, value: string): PiiMatch[] {
  let cache = dataCaches.get(facts);
  if (!cache) {
    cache = new Map();
    dataCaches.set(facts, cache);
  }
  let r = cache.get(value);
  if (!r) {
    r = value.length < 6 ? NONE : scanPii(value);
    cache.set(value, r);
  }
  return r;
}

/** Every literal's PII matches grouped by kind, once per file: six rules ask, and most literals have none. */
const literalMatches = new WeakMap<FileFacts, Map<PiiMatch['kind'], { r: RegionFacts; lf: LiteralFact; m: PiiMatch }[]>>();

function literalMatchesOf(facts: FileFacts, kind: PiiMatch['kind']): { r: RegionFacts; lf: LiteralFact; m: PiiMatch }[] {
  let byKind = literalMatches.get(facts);
  if (!byKind) {
    byKind = new Map();
    for (const r of facts.regions) {
      for (const lf of r.flow.literals) {
        for (const m of literalPii(lf)) {
          let list = byKind.get(m.kind);
          if (!list) byKind.set(m.kind, (list = []));
          list.push({ r, lf, m });
        }
      }
    }
    literalMatches.set(facts, byKind);
  }
  return byKind.get(kind) ?? [];
}

/** Calls `each` for every PII match of `kind` in string literals and in configuration/data values. */
export function forEachPii(ctx: RuleContext, kind: PiiMatch['kind'], messageId: string): void {
  for (const { r, lf, m } of literalMatchesOf(ctx.facts, kind)) {
    // A record spans several fields: one synthetic value would drop the others, so person records get no fix
    // (pii/person-record is not `fixable`).
    const fix = kind === 'person-record' ? undefined : synthesizeTestValueFix(ctx.facts, r, lf.lit, kind, m.start, m.end);
    reportLiteral(ctx, r, lf, { messageId, data: { description: m.description, where: mappingNote(r) }, fixes: fix ? [fix] : [] }, { from: m.start, to: m.end });
  }
  for (const d of ctx.facts.file.data) {
    if (d.hidden) continue;
    for (const m of dataPii(ctx.facts, d.value)) {
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
