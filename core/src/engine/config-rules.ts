import type { ResolvedConfig } from './project-api';
import type { Severity } from './types';

/**
 * How a rule id finds its setting in a resolved config: exact id, then the longest `prefix/*`, then `*`. Apart from
 * validation and merge because the linter asks it for every rule of every file.
 */

export function isWildcard(key: string): boolean {
  return key === '*' || key.endsWith('/*');
}

/** True when wildcard `pattern` covers `id` (`*` covers all; `a/*` covers `a/x` and `a/x/y`). */
export function ruleIdMatches(pattern: string, id: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}

/** Per rule id (a handful, asked for every rule of every file): its keys are built once. */
const lookupKeysCache = new Map<string, readonly string[]>();

/** Candidate keys for a rule id, most specific first: `a/b/c`, `a/b/*`, `a/*`, `*`. */
export function lookupKeys(ruleId: string): readonly string[] {
  let keys = lookupKeysCache.get(ruleId);
  if (!keys) {
    keys = buildLookupKeys(ruleId);
    if (lookupKeysCache.size < 1000) lookupKeysCache.set(ruleId, keys);
  }
  return keys;
}

function buildLookupKeys(ruleId: string): string[] {
  const keys = [ruleId];
  let i = ruleId.lastIndexOf('/');
  while (i > 0) {
    const k = `${ruleId.slice(0, i)}/*`;
    if (k !== ruleId) keys.push(k);
    i = ruleId.lastIndexOf('/', i - 1);
  }
  if (ruleId !== '*') keys.push('*');
  return keys;
}

function own(rules: ResolvedConfig['rules'], key: string): ResolvedConfig['rules'][string] | undefined {
  return Object.prototype.hasOwnProperty.call(rules, key) ? rules[key] : undefined;
}

/** The configured severity of a rule (exact id, then `prefix/*`, then `*`), or its default. */
export function ruleSeverity(config: ResolvedConfig, ruleId: string, defaultSeverity: Severity): Severity | 'off' {
  for (const k of lookupKeys(ruleId)) {
    const e = own(config.rules, k);
    if (e) return e.severity;
  }
  return defaultSeverity;
}

/** Options of a rule: `*` options, overlaid by `prefix/*` options, overlaid by the rule's own (shallow). */
export function ruleOptions(config: ResolvedConfig, ruleId: string): Record<string, unknown> {
  const keys = lookupKeys(ruleId);
  let out: Record<string, unknown> | undefined;
  for (let i = keys.length - 1; i >= 0; i--) {
    const e = own(config.rules, keys[i]);
    if (e && Object.keys(e.options).length > 0) out = out ? { ...out, ...e.options } : e.options;
  }
  return out ?? {};
}
