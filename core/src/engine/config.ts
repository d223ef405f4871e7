import { createHash } from 'node:crypto';
import { LineMap } from '../syntax/text';
import { compileGlobs, dirnameOf, globError, joinLike, type GlobMatcher } from './glob';
import { locateJsonKey } from './json-locate';
import { suggestRuleId } from './rule-id-suggest';
import type { ConfigFile, ReadFileFn, ResolvedConfig, RuleSetting } from './project-api';
import type { Severity } from './types';

/**
 * `.jitterbit-guard.json`: lookup, validation, merge and allowlist queries. Shared by the CLI and the server.
 *
 * Lookup: from the analysed file's folder upwards to the filesystem root, stopping after a config with
 * `"root": true`. Merge: farther configs first, nearer ones on top, then `overrides` (editor settings):
 * - `rules`: per key, the nearer setting wins. A bare severity keeps inherited options; `[severity, options]`
 *   replaces them. A wildcard key (`secrets/*`, `*`) in a nearer config replaces every farther entry it covers.
 *   Lookup is most specific first: exact id, then the longest `prefix/*`, then `*`.
 * - `allowlist.paths` / `values` / `hashes`: concatenated (paths stay relative to their own config's folder).
 * - `failLevel`: the nearest config that sets it wins; the default is `'warning'`, so by default the CLI exits 1 on
 *   any warning or error (exit 0 means "no finding at or above the fail level").
 *
 * Never throws: invalid JSON, unknown keys, wrong types, unknown rule ids, bad severities, bad globs and bad regexes
 * become `problems` (each naming the file); the valid parts of the file still apply.
 */

export const CONFIG_FILE_NAME = '.jitterbit-guard.json';

/** The fail level when no config sets one: warnings and errors fail the CLI. */
export const DEFAULT_FAIL_LEVEL: ResolvedConfig['failLevel'] = 'warning';

/** The configuration of a file with no config anywhere above it. Shared: never mutate it. */
export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  sources: Object.freeze([]) as unknown as string[],
  rules: Object.freeze({}) as ResolvedConfig['rules'],
  allowPaths: Object.freeze([]) as unknown as ResolvedConfig['allowPaths'],
  allowValues: Object.freeze([]) as unknown as RegExp[],
  allowHashes: new Set<string>(),
  failLevel: DEFAULT_FAIL_LEVEL,
  problems: Object.freeze([]) as unknown as ResolvedConfig['problems'],
});

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];
export const FAIL_LEVELS: readonly ResolvedConfig['failLevel'][] = ['error', 'warning', 'note'];
/** Longest accepted `allowlist.values` pattern. */
export const MAX_VALUE_PATTERN_LENGTH = 1000;
/** Raw values longer than this are only checked against hashes, never run through allowlist regexes. */
export const MAX_REGEX_INPUT_LENGTH = 16384;
/** Label of the `overrides` layer in problems. */
export const OVERRIDES_LABEL = '<settings>';

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

export interface ResolveOptions {
  /** CLI `--config`: use this file alone (plus `overrides`), no lookup. */
  explicitConfigPath?: string;
  /**
   * When given, rule ids (and wildcards covering none of them) outside this set are problems and ignored; ids of
   * parser diagnostics (`syntax/…`, `host/…`) are never checked.
   */
  knownRuleIds?: Set<string>;
  /** Editor settings, applied on top of every config file. */
  overrides?: ConfigFile;
  /**
   * Folder that `overrides.allowlist.paths` are relative to (e.g. the workspace folder). Default: the folder of the
   * farthest config that applies, else the analysed file's folder.
   */
  overridesBase?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// One parsed and validated config file (or the overrides layer).

interface RuleEntry {
  severity: RuleSetting;
  /** Undefined for the bare-severity form (inherits options). */
  options?: Record<string, unknown>;
}

interface Layer {
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

function isWildcard(key: string): boolean {
  return key === '*' || key.endsWith('/*');
}

/** True when wildcard `pattern` covers `id` (`*` covers all; `a/*` covers `a/x` and `a/x/y`). */
export function ruleIdMatches(pattern: string, id: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}

/**
 * Compiles an `allowlist.values` pattern with guards: at most 1,000 characters, no nested quantifier like `(a+)+`
 * (exponential backtracking), a leading `(?i)` means case-insensitive. Returns the regex or an error message.
 */
export function compileValuePattern(pattern: string): RegExp | string {
  if (pattern.length === 0) return 'empty pattern';
  if (pattern.length > MAX_VALUE_PATTERN_LENGTH) return `pattern longer than ${MAX_VALUE_PATTERN_LENGTH} characters`;
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  if (hasNestedQuantifier(source)) return 'nested quantifier (like "(a+)+") can take exponential time; rewrite the pattern';
  try {
    return new RegExp(source, flags);
  } catch (e) {
    // V8 quotes the whole pattern (`Invalid regular expression: /…/i: Unterminated group`), and an allowlist pattern
    // may spell the very value it allows: keep only the reason.
    const message = e instanceof Error ? e.message : String(e);
    const quoted = `Invalid regular expression: /${source}/${flags}: `;
    return message.startsWith(quoted) ? message.slice(quoted.length) : 'not a valid regular expression';
  }
}

/** A quantified group that itself contains a quantifier: the classic catastrophic-backtracking shape. Linear scan. */
function hasNestedQuantifier(src: string): boolean {
  const groupHasQuantifier: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      groupHasQuantifier.push(false);
      continue;
    }
    const isQuant = c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(i, i + 24)));
    if (c === ')') {
      const inner = groupHasQuantifier.pop() ?? false;
      const next = src[i + 1];
      const quantified = next === '*' || next === '+' || (next === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(i + 1, i + 25)));
      if (inner && quantified) return true;
      if (inner || quantified) {
        if (groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
      }
      continue;
    }
    if (isQuant && groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
  }
  return false;
}

const HASH_RE = /^(?:sha256:)?([0-9a-fA-F]{64})$/;

/** Where a member is in the file's text (the key path of a problem); none for the settings layer. */
type Locate = (keys: string[]) => ConfigProblem['at'];

function validateLayer(value: unknown, path: string, dir: string, knownRuleIds: Set<string> | undefined, locate: Locate = () => undefined): Layer {
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

/** Parses and validates one config file text. Exported for hosts that validate the file being edited. */
export function parseConfigText(path: string, text: string, knownRuleIds?: Set<string>): { config: ConfigFile; problems: ConfigProblem[] } {
  const layer = parseLayer(path, dirnameOf(path), text, knownRuleIds);
  return { config: layerToConfigFile(layer), problems: layer.problems };
}

function layerToConfigFile(layer: Layer): ConfigFile {
  const config: ConfigFile = {};
  if (layer.root) config.root = true;
  if (layer.rules.length > 0) {
    config.rules = {};
    for (const [id, e] of layer.rules) config.rules[id] = e.options ? [e.severity, e.options] : e.severity;
  }
  if (layer.allowPaths.length + layer.allowValues.length + layer.allowHashes.length > 0) {
    config.allowlist = {};
    if (layer.allowPaths.length) config.allowlist.paths = [...layer.allowPaths];
    if (layer.allowValues.length) config.allowlist.values = layer.allowValues.map((r) => (r.flags.includes('i') ? `(?i)${r.source}` : r.source));
    if (layer.allowHashes.length) config.allowlist.hashes = [...layer.allowHashes];
  }
  if (layer.failLevel) config.failLevel = layer.failLevel;
  return config;
}

function parseLayer(path: string, dir: string, rawText: string, knownRuleIds: Set<string> | undefined): Layer {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const layer: Layer = { path, dir, root: false, rules: [], allowPaths: [], allowValues: [], allowHashes: [], problems: [] };
    const located = text.trim() === '' ? { offset: 0, message: 'the file is empty' } : findJsonError(text);
    if (located) {
      const pos = new LineMap(text).positionAt(located.offset);
      const reason = `invalid JSON: ${located.message}`;
      // Offsets in the text as given (a BOM, cut above, is one character of it).
      const at = Math.min(located.offset + (text === rawText ? 0 : 1), rawText.length);
      layer.problems.push({ path, message: `${path}:${pos.line + 1}:${pos.character + 1}: ${reason}`, reason, at: { start: at, end: Math.min(at + 1, rawText.length) } });
    } else {
      const reason = `invalid JSON: ${e instanceof Error ? e.message : String(e)}`;
      layer.problems.push({ path, message: `${path}: ${reason}`, reason });
    }
    return layer;
  }
  const shift = text === rawText ? 0 : 1;
  const locate: Locate = (keys) => {
    const at = locateJsonKey(text, keys);
    return at && { start: at.start + shift, end: at.end + shift };
  };
  return validateLayer(value, path, dir, knownRuleIds, locate);
}

// ---------------------------------------------------------------------------------------------------------------
// Merge.

function mergeLayers(layers: Layer[], overrides: Layer | undefined): ResolvedConfig {
  const all = overrides ? [...layers, overrides] : layers;
  const rules: ResolvedConfig['rules'] = {};
  // Wildcard key → the merged keys it covers, so a nearer wildcard drops them without scanning every key.
  const covered = new Map<string, Set<string>>();
  const allowPaths: ResolvedConfig['allowPaths'] = [];
  const allowValues: RegExp[] = [];
  const allowHashes = new Set<string>();
  let failLevel: ResolvedConfig['failLevel'] = DEFAULT_FAIL_LEVEL;
  const problems: ConfigProblem[] = [];
  for (const layer of all) {
    // Wildcards first (broadest first), so a layer's own exact entries survive its own wildcards.
    const ordered = [...layer.rules].sort((a, b) => specificity(a[0]) - specificity(b[0]));
    for (const [id, entry] of ordered) {
      if (isWildcard(id)) {
        const keys = covered.get(id);
        if (keys) {
          for (const k of [...keys]) {
            if (k === id) continue;
            delete rules[k];
            for (const a of lookupKeys(k).slice(1)) covered.get(a)?.delete(k);
          }
        }
      }
      const prev = Object.prototype.hasOwnProperty.call(rules, id) ? rules[id] : undefined;
      rules[id] = { severity: entry.severity, options: entry.options ?? prev?.options ?? {} };
      if (!prev) {
        for (const a of lookupKeys(id).slice(1)) {
          let set = covered.get(a);
          if (!set) covered.set(a, (set = new Set()));
          set.add(id);
        }
      }
    }
    if (layer.allowPaths.length > 0) allowPaths.push({ base: layer.dir, globs: [...layer.allowPaths] });
    allowValues.push(...layer.allowValues);
    for (const h of layer.allowHashes) allowHashes.add(h);
    if (layer.failLevel) failLevel = layer.failLevel;
    problems.push(...layer.problems);
  }
  return { sources: layers.map((l) => l.path), rules, allowPaths, allowValues, allowHashes, failLevel, problems };
}

/** `*` = 0, `a/*` = 1, `a/b/*` = 2, exact ids last. */
function specificity(id: string): number {
  if (id === '*') return 0;
  if (id.endsWith('/*')) return id.split('/').length - 1;
  return 1_000_000;
}

// ---------------------------------------------------------------------------------------------------------------
// Lookup with per-directory caching.

/**
 * Resolves configs for many files; each config file is read at most once and each directory merged once, so a
 * 10,000-file run costs one `readFile` per directory level. Results are shared between files of a folder: do not
 * mutate them.
 */
export class ConfigResolver {
  /** Config path → parsed layer, or null when the file does not exist. */
  private readonly layers = new Map<string, Layer | null>();
  /** Directory → config chain (farthest first) that applies to files in it. */
  private readonly chains = new Map<string, Layer[]>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  private overridesLayer: Layer | undefined | null = null;

  constructor(
    private readonly readFile: ReadFileFn,
    private readonly options: ResolveOptions = {},
  ) {}

  resolve(filePath: string): ResolvedConfig {
    const dir = dirnameOf(filePath);
    const hit = this.resolved.get(dir);
    if (hit) return hit;
    const chain = this.options.explicitConfigPath !== undefined ? this.explicitChain(this.options.explicitConfigPath) : this.chainFor(dir);
    const overrides = this.overrides(chain.length > 0 ? chain[0].dir : dir);
    const result = mergeLayers(chain, overrides);
    this.resolved.set(dir, result);
    return result;
  }

  /**
   * Forgets cached config files: everything, or the config at `path`, or every config inside the folder `path`.
   * Call it when a `.jitterbit-guard.json` is created, changed or deleted.
   */
  invalidate(path?: string): void {
    this.resolved.clear();
    this.chains.clear();
    if (path === undefined) {
      this.layers.clear();
      return;
    }
    const trimmed = path.replace(/[\\/]+$/, '');
    for (const key of [...this.layers.keys()]) {
      if (key === path || key === trimmed || key.startsWith(`${trimmed}/`) || key.startsWith(`${trimmed}\\`)) this.layers.delete(key);
    }
  }

  private overrides(defaultBase: string): Layer | undefined {
    const o = this.options.overrides;
    if (o === undefined) return undefined;
    const base = this.options.overridesBase ?? defaultBase;
    // Validation does not depend on the base; only `dir` does.
    if (this.overridesLayer === null) this.overridesLayer = validateLayer(o, OVERRIDES_LABEL, base, this.options.knownRuleIds);
    const layer = this.overridesLayer;
    return layer && layer.dir !== base ? { ...layer, dir: base } : layer;
  }

  private load(configPath: string): Layer | null {
    const cached = this.layers.get(configPath);
    if (cached !== undefined) return cached;
    let text: string | undefined;
    let layer: Layer | null;
    try {
      text = this.readFile(configPath);
      layer = text === undefined ? null : parseLayer(configPath, dirnameOf(configPath), String(text), this.options.knownRuleIds);
    } catch (e) {
      layer = {
        path: configPath,
        dir: dirnameOf(configPath),
        root: false,
        rules: [],
        allowPaths: [],
        allowValues: [],
        allowHashes: [],
        problems: [{ path: configPath, message: `${configPath}: could not read the file: ${e instanceof Error ? e.message : String(e)}` }],
      };
    }
    this.layers.set(configPath, layer);
    return layer;
  }

  private explicitChain(configPath: string): Layer[] {
    const cached = this.chains.get(`\0explicit:${configPath}`);
    if (cached) return cached;
    let layer = this.load(configPath);
    if (!layer) {
      layer = {
        path: configPath,
        dir: dirnameOf(configPath),
        root: true,
        rules: [],
        allowPaths: [],
        allowValues: [],
        allowHashes: [],
        problems: [{ path: configPath, message: `${configPath}: config file not found` }],
      };
    }
    const chain = [layer];
    this.chains.set(`\0explicit:${configPath}`, chain);
    return chain;
  }

  /** Iterative walk up from `dir`, memoising the chain of every directory passed. */
  private chainFor(dir: string): Layer[] {
    const pending: string[] = [];
    let base: Layer[] = [];
    let d = dir;
    while (true) {
      const cached = this.chains.get(d);
      if (cached) {
        base = cached;
        break;
      }
      pending.push(d);
      const layer = this.load(joinLike(d, CONFIG_FILE_NAME));
      if (layer?.root) break;
      const parent = dirnameOf(d);
      if (parent === d || parent === '') break;
      d = parent;
    }
    for (let k = pending.length - 1; k >= 0; k--) {
      const pd = pending[k];
      const layer = this.layers.get(joinLike(pd, CONFIG_FILE_NAME)) ?? null;
      const chain = layer ? (layer.root ? [layer] : [...base, layer]) : base;
      this.chains.set(pd, chain);
      base = chain;
    }
    return base;
  }
}

/** One-shot lookup; prefer a long-lived `ConfigResolver` when resolving many files. */
export function resolveConfig(filePath: string, readFile: ReadFileFn, options?: ResolveOptions): ResolvedConfig {
  return new ConfigResolver(readFile, options).resolve(filePath);
}

// ---------------------------------------------------------------------------------------------------------------
// Queries.

const matcherCache = new WeakMap<object, GlobMatcher>();

/** True when `filePath` matches an `allowlist.paths` glob (relative to the folder of the config that declared it). */
export function isPathAllowed(config: ResolvedConfig, filePath: string): boolean {
  for (const entry of config.allowPaths) {
    let m = matcherCache.get(entry);
    if (!m) {
      m = compileGlobs(entry.base, entry.globs);
      matcherCache.set(entry, m);
    }
    if (m.matches(filePath)) return true;
  }
  return false;
}

/** SHA-256 hex (lower case) of a raw value, as `allowlist.hashes` expects it. */
export function valueHash(rawValue: string): string {
  return createHash('sha256').update(rawValue, 'utf8').digest('hex');
}

/**
 * True when the raw value's SHA-256 is in `allowlist.hashes` or an `allowlist.values` regex finds a match in it
 * (unanchored search: write `^…$` for a whole-value match).
 */
export function isValueAllowed(config: ResolvedConfig, rawValue: string): boolean {
  if (config.allowHashes.size > 0 && config.allowHashes.has(valueHash(rawValue))) return true;
  if (config.allowValues.length === 0 || rawValue.length > MAX_REGEX_INPUT_LENGTH) return false;
  for (const re of config.allowValues) {
    re.lastIndex = 0;
    if (re.test(rawValue)) return true;
  }
  return false;
}

/** Candidate keys for a rule id, most specific first: `a/b/c`, `a/b/*`, `a/*`, `*`. */
/** Per rule id (a handful, asked for every rule of every file): its keys are built once. */
const lookupKeysCache = new Map<string, readonly string[]>();

function lookupKeys(ruleId: string): readonly string[] {
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
/**
 * Locates the first syntax error of a JSON text (RFC 8259), for messages like "line 3, column 7: expected ','".
 * `JSON.parse` in Node 20 often reports no position, so this iterative scanner (explicit stack, linear time, never
 * throws) runs only after `JSON.parse` failed.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function findJsonError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  let i = 0;
  // Stack of containers: '{' or '['. State machine over "what is expected next".
  const stack: string[] = [];
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  let expect = 'value' as Expect;

  const skipWs = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const describe = (at: number): string => {
    if (at >= n) return 'end of file';
    const c = text[at];
    if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return 'a comment (comments are not allowed in JSON)';
    return `'${c}'`;
  };
  const err = (what: string, at = i): JsonSyntaxError => ({ offset: at, message: `expected ${what}, found ${describe(at)}` });

  const afterValue = (): void => {
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
  };

  // Scans a string starting at text[i] === '"'; returns an error or advances i past the closing quote.
  const scanString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) break;
        if ('"\\/bfnrt'.includes(e)) {
          i += 2;
          continue;
        }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'invalid \\u escape in string' };
          i += 6;
          continue;
        }
        return { offset: i, message: `invalid escape '\\${e}' in string` };
      }
      if (c < 0x20) return { offset: i, message: 'control character or line break inside a string (unterminated string?)' };
      i++;
    }
    return { offset: start, message: 'unterminated string' };
  };

  const scanNumber = (): JsonSyntaxError | undefined => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return err('a value');
    i += m[0].length;
    return undefined;
  };

  while (true) {
    skipWs();
    const c = text[i];
    switch (expect) {
      case 'end':
        if (i < n) return { offset: i, message: `unexpected ${describe(i)} after the end of the JSON value` };
        return undefined;
      case 'colon':
        if (c !== ':') return err("':'");
        i++;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
          continue;
        }
        if (c === close) {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        return err(`',' or '${close}'`);
      }
      case 'key':
      case 'key-or-close': {
        if (c === '}' && expect === 'key-or-close') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c !== '"') return err(expect === 'key' ? 'a property name in double quotes (trailing comma?)' : "a property name in double quotes or '}'");
        const e = scanString();
        if (e) return e;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (c === ']' && expect === 'value-or-close') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c === '{') {
          i++;
          stack.push('{');
          expect = 'key-or-close';
          continue;
        }
        if (c === '[') {
          i++;
          stack.push('[');
          expect = 'value-or-close';
          continue;
        }
        if (c === '"') {
          const e = scanString();
          if (e) return e;
          afterValue();
          continue;
        }
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
          const e = scanNumber();
          if (e) return e;
          afterValue();
          continue;
        }
        let matched = false;
        for (const lit of ['true', 'false', 'null']) {
          if (text.startsWith(lit, i)) {
            i += lit.length;
            matched = true;
            break;
          }
        }
        if (matched) {
          afterValue();
          continue;
        }
        if (i >= n) return err('a value');
        return err(expect === 'value' && stack.length > 0 && stack[stack.length - 1] === '[' ? 'a value (trailing comma?)' : 'a value');
      }
    }
  }
}
