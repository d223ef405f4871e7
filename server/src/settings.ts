import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type GuardSettings, type RuleSeveritySetting } from '../../protocol/src/index';
import type { ResolvedConfig } from './analysis';

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Fills defaults and drops malformed values of a `jitterbitGuard` settings object from any client. */
export function normalizeSettings(raw: unknown): GuardSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof GuardSettings, unknown>>;
  const rules: Record<string, RuleSeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as RuleSeveritySetting;
    }
  }
  const envs = Array.isArray(r.environments) ? r.environments.filter((e): e is string => typeof e === 'string' && e.length > 0) : [];
  const trace = (r.trace && typeof r.trace === 'object' ? (r.trace as { server?: unknown }).server : undefined) as GuardSettings['trace']['server'] | undefined;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    run: r.run === 'onSave' || r.run === 'onType' ? r.run : DEFAULT_SETTINGS.run,
    rules,
    environments: envs.length ? envs : [...DEFAULT_SETTINGS.environments],
    projectVariablesFile: typeof r.projectVariablesFile === 'string' && r.projectVariablesFile ? r.projectVariablesFile : DEFAULT_SETTINGS.projectVariablesFile,
    trace: { server: trace === 'messages' || trace === 'verbose' ? trace : 'off' },
  };
}

/** Settings override the `.jitterbit-guard.json` severities rule by rule; options stay those of the file. */
export function mergeSettings(config: ResolvedConfig, settings: GuardSettings): ResolvedConfig {
  const ids = Object.keys(settings.rules);
  if (ids.length === 0) return config;
  const rules = { ...config.rules };
  for (const id of ids) rules[id] = { severity: settings.rules[id], options: rules[id]?.options ?? {} };
  return { ...config, rules };
}

/**
 * Settings per resource, pulled with `workspace/configuration` when the client supports it (cached per URI until
 * the next `didChangeConfiguration`), otherwise the last settings the client pushed.
 */
export class SettingsStore {
  private readonly perUri = new Map<string, Promise<GuardSettings>>();
  private global: GuardSettings = normalizeSettings(undefined);
  /** Bumped on every change, so analysis caches can key on it. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<GuardSettings> {
    if (!this.canPull()) return Promise.resolve(this.global);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'jitterbitGuard' })
        .then(normalizeSettings, () => this.global);
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** `workspace/didChangeConfiguration`: the pushed value (if any) becomes the fallback; pulled ones are refetched. */
  changed(pushed: unknown): void {
    this.perUri.clear();
    const section = pushed && typeof pushed === 'object' ? (pushed as { jitterbitGuard?: unknown }).jitterbitGuard : undefined;
    if (section !== undefined) this.global = normalizeSettings(section);
    this.generation++;
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }
}
