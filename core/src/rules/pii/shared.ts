import { isUkName, isValidSsn, scanPii, scanUkPhones, sensitiveDataNameKind, withoutProductCodes, type PiiMatch } from '../../detectors';
import { sharedWork, type FileFacts, type RegionFacts } from '../../engine/facts';
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

const DATA_PII = Symbol('pii: data values');
const LITERAL_PII = Symbol('pii: literal matches by kind');

/** Data values are few; a per-file map is enough. */
function dataPii(facts: FileFacts, value: string): PiiMatch[] {
  const cache = sharedWork(facts, DATA_PII, () => new Map<string, PiiMatch[]>());
  let r = cache.get(value);
  if (!r) {
    r = value.length < 6 ? NONE : scanPii(value);
    cache.set(value, r);
  }
  return r;
}

const BARE_SSN_RE = /^\s*(\d{3})(\d{2})(\d{4})\s*$/;

/**
 * Nine bare digits are an SSN only where the name says so (`$employee.ssn = "536224871"`); elsewhere they are any
 * number, which is why the value scan wants the dashed or spaced form.
 */
function namedSsn(lf: LiteralFact): PiiMatch | undefined {
  if (lf.ctx.kind !== 'named' || lf.ctx.part) return undefined;
  const start = namedBareSsnAt(lf.ctx.name, lf.lit.value);
  return start < 0 ? undefined : { kind: 'ssn', start, end: start + 9, description: 'a US social security number' };
}

/** Where nine bare digits in a valid SSN range start in `value` stored under an SSN name (`ssn`, `emp_ssn`), else -1. */
export function namedBareSsnAt(name: string, value: string): number {
  const m = BARE_SSN_RE.exec(value);
  if (!m || !isValidSsn(m[1], m[2], m[3]) || sensitiveDataNameKind(name) !== 'ssn') return -1;
  return m[0].indexOf(m[1]);
}

/**
 * UK numbers without the country code (`020 7123 4567`) stored under a British name (`$uk_phone`, `phoneGB`): the value
 * scan takes them only when the value itself says it is British. Added to `found` where they overlap nothing in it.
 */
function withUkPhones(name: string, value: string, found: PiiMatch[]): PiiMatch[] {
  if (value.length < 10 || !isUkName(name) || found.some((m) => m.kind === 'phone')) return found;
  const uk = scanUkPhones(value).filter((p) => !found.some((m) => m.start < p.end && p.start < m.end));
  return uk.length === 0 ? found : [...found, ...uk];
}

/** A literal's PII matches in its context (a bare SSN under an SSN name, a UK number under a British one), cached. */
function contextPii(lf: LiteralFact): PiiMatch[] {
  if (lf.piiInContext) return lf.piiInContext as PiiMatch[];
  let found = literalPii(lf);
  // A barcode that happens to pass Luhn (`product["ean"] = "4012345000054"`).
  if (lf.ctx.kind === 'named') found = withoutProductCodes(lf.ctx.name, lf.lit.value, found);
  const named = found.length === 0 ? namedSsn(lf) : undefined;
  if (named) found = [named];
  else if (lf.ctx.kind === 'named') found = withUkPhones(lf.ctx.name, lf.lit.value, found);
  lf.piiInContext = found;
  return found;
}

/** Every literal's PII matches grouped by kind, once per file: six rules ask, and most literals have none. */
function literalMatchesOf(facts: FileFacts, kind: PiiMatch['kind']): { r: RegionFacts; lf: LiteralFact; m: PiiMatch }[] {
  const byKind = sharedWork(facts, LITERAL_PII, () => {
    const map = new Map<PiiMatch['kind'], { r: RegionFacts; lf: LiteralFact; m: PiiMatch }[]>();
    for (const r of facts.regions) {
      for (const lf of r.flow.literals) {
        for (const m of contextPii(lf)) {
          let list = map.get(m.kind);
          if (!list) map.set(m.kind, (list = []));
          list.push({ r, lf, m });
        }
      }
    }
    return map;
  });
  return byKind.get(kind) ?? [];
}

/** Calls `each` for every PII match of `kind` in string literals and in configuration/data values. */
export function forEachPii(ctx: RuleContext, kind: PiiMatch['kind'], messageId: string): void {
  for (const { r, lf, m } of literalMatchesOf(ctx.facts, kind)) {
    // A record spans several fields: one synthetic value would drop the others, so person records get no fix
    // (pii/person-record is not `fixable`).
    const fix = kind === 'person-record' || !ctx.facts.fixes ? undefined : synthesizeTestValueFix(ctx.facts, r, lf.lit, kind, m.start, m.end);
    reportLiteral(ctx, r, lf, { messageId, data: { description: m.description, where: mappingNote(r) }, fixes: fix ? [fix] : [] }, { from: m.start, to: m.end });
  }
  for (const d of ctx.facts.file.data) {
    if (d.hidden) continue;
    for (const m of kind === 'phone' ? withUkPhones(d.name, d.value, dataPii(ctx.facts, d.value)) : dataPii(ctx.facts, d.value)) {
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
