import { parseLayer } from './config-parse';
import { isWildcard, lookupKeys } from './config-rules';
import { validateLayer, type ConfigProblem, type Layer } from './config-schema';
import { dirnameOf, joinLike } from './glob';
import type { ConfigFile, ReadFileFn, ResolvedConfig } from './project-api';

/**
 * Which configs apply to a file (lookup up the folder tree, or `--config`) and their merge into one ResolvedConfig,
 * cached per folder. The rules of lookup and merge are in config.ts.
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

/** Label of the `overrides` layer in problems. */
export const OVERRIDES_LABEL = '<settings>';

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
