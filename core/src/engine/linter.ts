import { createHash } from 'node:crypto';
import { hashValue, mask } from '../detectors';
import type { SyntaxDiagnostic } from '../syntax/ast';
import type { ScriptRegion } from '../syntax/source-file';
import type { ResolvedConfig } from './project-api';
import { isPathAllowed, isValueAllowed } from './config-allowlist';
import { ruleOptions, ruleSeverity } from './config-rules';
import { applyFileDirectives } from './directive-comments';
import type { FileFacts } from './facts';
import { docsUrl, type Rule, type RuleReport } from './rule';
import type { Finding, RuleMeta, Severity } from './types';

export const INTERNAL_RULE: RuleMeta = {
  id: 'internal/rule-error',
  category: 'internal',
  cwe: 0,
  defaultSeverity: 'error',
  docs: { description: 'A rule failed on this file; the other rules still ran. Please report it.', url: docsUrl('internal/rule-error') },
  messages: { failed: 'Rule {rule} failed on this file ({error}); its findings are missing. The other rules ran.' },
  fixable: false,
  hasSuggestions: false,
  shortDescription: 'A rule failed internally',
};

export const SYNTAX_RULE: RuleMeta = {
  id: 'syntax/error',
  category: 'syntax',
  cwe: 0,
  defaultSeverity: 'error',
  docs: { description: 'The script does not parse as Jitterbit Script or JavaScript, or the host file is malformed.', url: docsUrl('syntax/error') },
  messages: {},
  fixable: false,
  hasSuggestions: false,
  shortDescription: 'Syntax problem',
};

function fill(template: string, data: Record<string, string> | undefined): string {
  const text = template.replace(/\{(\w+)\}/g, (m, k: string) => (data && k in data ? data[k] : m));
  // Templates may start with a placeholder ("{description} …"): messages still start with a capital.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fingerprintOf(ruleId: string, basis: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${basis}`).digest('hex').slice(0, 32);
}

/** Runs every enabled rule over one file's facts, isolated from each other, and returns located, masked findings. */
export function lintFile(facts: FileFacts, config: ResolvedConfig, rules: readonly Rule[]): Finding[] {
  const { file } = facts;
  const out: Finding[] = [];
  const seen = new Map<string, number>();

  const push = (f: Omit<Finding, 'fingerprint' | 'range'> & { basis: string }): void => {
    const { basis, ...rest } = f;
    const base = fingerprintOf(f.ruleId, basis);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({ ...rest, range: file.lines.rangeOf({ start: f.start, end: f.end }), fingerprint: n === 0 ? base : `${base}:${n}` });
  };

  const syntaxFinding = (d: SyntaxDiagnostic, start: number, end: number, region?: ScriptRegion): void => {
    const sev = ruleSeverity(config, d.code, d.severity);
    if (sev === 'off') return;
    push({
      ruleId: d.code, category: 'syntax', severity: sev, message: d.message, start, end, fixes: [],
      regionId: region?.id, docsUrl: SYNTAX_RULE.docs.url, basis: `${d.code}\u0000${d.message}\u0000${region?.id ?? ''}`,
    });
  };
  for (const d of file.diagnostics) syntaxFinding(d, d.start, d.end);
  for (const r of facts.regions) {
    for (const d of r.diagnostics) syntaxFinding(d, facts.toHost(r.region, d.start), facts.toHost(r.region, d.end), r.region);
  }

  for (const rule of rules) {
    const meta = rule.meta;
    const severity = ruleSeverity(config, meta.id, meta.defaultSeverity);
    if (severity === 'off') continue;
    const report = (r: RuleReport): void => {
      if (r.value !== undefined && isValueAllowed(config, r.value)) return;
      if (r.standsOn?.length && r.standsOn.every((l) => isValueAllowed(config, l.value) || (l.path !== undefined && isPathAllowed(config, l.path)))) return;
      const template = meta.messages[r.messageId] ?? r.messageId;
      const data = { ...r.data };
      if (r.value !== undefined && !('masked' in data)) data.masked = mask(r.value);
      let sev: Severity = severity;
      // A per-finding escalation applies only while the team has not overridden the rule's severity.
      if (r.severity && severity === meta.defaultSeverity) sev = r.severity;
      push({
        ruleId: meta.id, category: meta.category, severity: sev, message: fill(template, data),
        start: r.start, end: Math.max(r.start, r.end), masked: r.value !== undefined ? mask(r.value) : undefined,
        regionId: r.regionId, mappingTarget: r.mappingTarget, fixes: facts.fixes ? (r.fixes ?? []) : [], related: r.related, docsUrl: meta.docs.url,
        basis: r.value !== undefined ? hashValue(r.value) : `${r.messageId}\u0000${fill(template, r.data)}`,
      });
    };
    try {
      rule.check({ facts, options: ruleOptions(config, meta.id), report });
    } catch (e) {
      // Only the error class is shown: an exception message could quote the input.
      push({
        ruleId: INTERNAL_RULE.id, category: 'internal', severity: 'error',
        message: fill(INTERNAL_RULE.messages.failed, { rule: meta.id, error: e instanceof Error ? e.name : 'unknown error' }),
        start: 0, end: 0, fixes: [], docsUrl: INTERNAL_RULE.docs.url, basis: meta.id,
      });
    }
  }

  const kept = applyFileDirectives(out, facts);
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return kept;
}
