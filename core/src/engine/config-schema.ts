import { compileValuePattern } from './config-allowlist';
import { isWildcard, ruleIdMatches } from './config-rules';
import { globError } from './glob';
import { suggestRuleId } from './rule-id-suggest';
import type { ResolvedConfig, RuleSetting } from './project-api';

/**
 * The schema of one `.jitterbit-guard.json` (or the editor's settings layer): a parsed value checked member by
 * member into a Layer, every mistake a problem and the valid parts kept. Apart from parsing so the settings layer,
 * which has no text, is validated the same way.
 */

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];
export const FAIL_LEVELS: readonly ResolvedConfig['failLevel'][] = ['error', 'warning', 'note'];

export interface ConfigProblem {
  path: string;
  /** Names the file (and line:col for invalid JSON): for the CLI's messages and notifications. */
  message: string;
  /** The problem alone, without the file (an editor shows it at `at`, in the file). */
  reason?: string;
  /** Offsets in the file's text of what the problem is about (the member's key, the JSON error). */
  at?: { start: number; end: number };
  /** The rule id a misspelt one most likely meant (an editor offers it as a quick fix at `at`). */
  meant?: string;
}

export interface RuleEntry {
  severity: RuleSetting;
  /** Undefined for the bare-severity form (inherits options). */
  options?: Record<string, unknown>;
}

/** One parsed and validated config file (or the overrides layer). */
export interface Layer {
  path: string;
  dir: string;
  root: boolean;
  rules: [string, RuleEntry][];
  allowPaths: string[];
  allowValues: RegExp[];
  allowHashes: string[];
  failLevel?: ResolvedConfig['failLevel'];
  problems: ConfigProblem[];
}

const TOP_KEYS = new Set(['$schema', 'root', 'rules', 'allowlist', 'failLevel']);
const ALLOWLIST_KEYS = new Set(['paths', 'values', 'hashes']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Ids of parser and host-format diagnostics (`syntax/unterminated-string`, `host/malformed`): they come from the
 * parsers, not from the rule registry, so `knownRuleIds` cannot list them and does not check them.
 */
const DIAGNOSTIC_ID_PREFIXES = ['syntax/', 'host/'];

const HASH_RE = /^(?:sha256:)?([0-9a-fA-F]{64})$/;

/** Where a member is in the file's text (the key path of a problem); none for the settings layer. */
export type Locate = (keys: string[]) => ConfigProblem['at'];

export function validateLayer(value: unknown, path: string, dir: string, knownRuleIds: Set<string> | undefined, locate: Locate = () => undefined): Layer {
  const layer: Layer = { path, dir, root: false, rules: [], allowPaths: [], allowValues: [], allowHashes: [], problems: [] };
  const problem = (reason: string, keys: string[] = [], meant?: string): void => {
    const at = keys.length > 0 ? locate(keys) : undefined;
    layer.problems.push({ path, message: `${path}: ${reason}`, reason, ...(at ? { at } : {}), ...(meant ? { meant } : {}) });
  };
  if (!isPlainObject(value)) {
    problem(`the configuration must be a JSON object, found ${typeName(value)}`);
    return layer;
  }
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.has(key)) problem(`unknown key "${key}" (allowed: root, rules, allowlist, failLevel)`, [key]);
  }
  if ('root' in value) {
    if (typeof value.root === 'boolean') layer.root = value.root;
    else problem(`"root" must be true or false, found ${typeName(value.root)}`, ['root']);
  }
  if ('failLevel' in value) {
    const f = value.failLevel;
    if (typeof f === 'string' && (FAIL_LEVELS as readonly string[]).includes(f)) layer.failLevel = f as ResolvedConfig['failLevel'];
    else problem(`"failLevel" must be one of ${FAIL_LEVELS.join(', ')}, found ${JSON.stringify(f) ?? typeName(f)}`, ['failLevel']);
  }
  if ('rules' in value) {
    const rules = value.rules;
    if (!isPlainObject(rules)) problem(`"rules" must be an object mapping rule ids to settings, found ${typeName(rules)}`, ['rules']);
    else {
      for (const id of Object.keys(rules)) {
        const entry = validateRule(id, rules[id], knownRuleIds, (m, meant) => problem(m, ['rules', id], meant));
        if (entry) layer.rules.push([id, entry]);
      }
    }
  }
  if ('allowlist' in value) {
    const al = value.allowlist;
    if (!isPlainObject(al)) problem(`"allowlist" must be an object, found ${typeName(al)}`, ['allowlist']);
    else {
      for (const key of Object.keys(al)) {
        if (!ALLOWLIST_KEYS.has(key)) problem(`unknown key "allowlist.${key}" (allowed: paths, values, hashes)`, ['allowlist', key]);
      }
      // Problems of a list are shown at its key (`"paths"`), the message names the item by index.
      const inList = (key: string) => (m: string): void => problem(m, ['allowlist', key]);
      for (const s of stringList(al, 'paths', inList('paths'))) {
        const e = globError(s);
        if (e) problem(`invalid glob ${JSON.stringify(s.slice(0, 100))} in "allowlist.paths": ${e}`, ['allowlist', 'paths']);
        else layer.allowPaths.push(s);
      }
      stringList(al, 'values', inList('values')).forEach((s, i) => {
        const re = compileValuePattern(s);
        // The pattern may itself be close to a secret: name it by index, not by content.
        if (typeof re === 'string') problem(`invalid regular expression at "allowlist.values[${i}]": ${re}`, ['allowlist', 'values']);
        else layer.allowValues.push(re);
      });
      stringList(al, 'hashes', inList('hashes')).forEach((s, i) => {
        const m = HASH_RE.exec(s.trim());
        if (!m) problem(`"allowlist.hashes[${i}]" is not a SHA-256 hex digest (64 hex digits)`, ['allowlist', 'hashes']);
        else layer.allowHashes.push(m[1].toLowerCase());
      });
    }
  }
  return layer;
}

function stringList(obj: Record<string, unknown>, key: string, problem: (m: string) => void): string[] {
  if (!(key in obj)) return [];
  const v = obj[key];
  if (!Array.isArray(v)) {
    problem(`"allowlist.${key}" must be an array of strings, found ${typeName(v)}`);
    return [];
  }
  const out: string[] = [];
  v.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else problem(`"allowlist.${key}[${i}]" must be a string, found ${typeName(item)}`);
  });
  return out;
}

function validateRule(
  id: string,
  setting: unknown,
  knownRuleIds: Set<string> | undefined,
  problem: (m: string, meant?: string) => void,
): RuleEntry | undefined {
  const shownId = JSON.stringify(id.length > 100 ? `${id.slice(0, 100)}…` : id);
  if (id.trim() === '' || id === '__proto__' || /\s/.test(id)) {
    problem(`invalid rule id ${shownId} in "rules"`);
    return undefined;
  }
  if (knownRuleIds && !DIAGNOSTIC_ID_PREFIXES.some((p) => id.startsWith(p))) {
    let known = knownRuleIds.has(id);
    if (!known && isWildcard(id)) for (const k of knownRuleIds) if (ruleIdMatches(id, k)) { known = true; break; }
    if (!known) {
      const meant = suggestRuleId(id, knownRuleIds);
      problem(`unknown rule id ${shownId} in "rules"${meant ? `; did you mean "${meant}"?` : ''}`, meant);
      return undefined;
    }
  }
  const isSetting = (s: unknown): s is RuleSetting => typeof s === 'string' && (RULE_SETTINGS as readonly string[]).includes(s);
  const expected = `expected one of ${RULE_SETTINGS.map((s) => `"${s}"`).join(', ')} or [severity, options]`;
  if (isSetting(setting)) return { severity: setting };
  if (Array.isArray(setting)) {
    if (setting.length < 1 || setting.length > 2 || !isSetting(setting[0])) {
      problem(`invalid setting for rule ${shownId}: ${expected}`);
      return undefined;
    }
    if (setting.length === 1) return { severity: setting[0] };
    if (!isPlainObject(setting[1])) {
      problem(`options of rule ${shownId} must be an object, found ${typeName(setting[1])}`);
      return { severity: setting[0] };
    }
    return { severity: setting[0], options: setting[1] };
  }
  problem(`invalid severity ${JSON.stringify(setting) ?? typeName(setting)} for rule ${shownId}: ${expected}`);
  return undefined;
}
