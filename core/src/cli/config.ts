import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../engine/project-api';
import { errorText } from './read';
import { emptyConfig, resolveConfig } from './engine';

export const CONFIG_NAME = '.jitterbit-guard.json';

/**
 * Config per folder: the core's lookup of `.jitterbit-guard.json` upwards from the file's folder, or one explicit
 * `--config FILE` for every file. Cached per folder (the lookup only depends on the folder). Never throws.
 */
export class ConfigCache {
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly texts = new Map<string, string | undefined>();
  private explicit: ResolvedConfig | undefined;
  private readonly matchers = new Map<string, (rel: string) => boolean>();
  /** Problems of the config files, deduplicated, naming the file. */
  readonly problems = new Map<string, { path: string; message: string }>();

  constructor(private readonly explicitPath?: string) {}

  private readFile = (p: string): string | undefined => {
    if (this.texts.has(p)) return this.texts.get(p);
    let t: string | undefined;
    try {
      t = readFileSync(p, 'utf8');
    } catch {
      t = undefined;
    }
    this.texts.set(p, t);
    return t;
  };

  /** Config of files in folder `dir` (absolute). */
  forDir(dir: string): ResolvedConfig {
    if (this.explicitPath) return this.explicitConfig();
    let c = this.byDir.get(dir);
    if (!c) {
      c = this.safeResolve(path.join(dir, '__jitterbit_guard_probe__.jb'), this.readFile);
      this.byDir.set(dir, c);
    }
    return c;
  }

  private explicitConfig(): ResolvedConfig {
    if (this.explicit) return this.explicit;
    const file = path.resolve(this.explicitPath as string);
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      this.note(file, `${errorText(e).replace('the file', 'the config file')}; using the defaults`);
      this.explicit = emptyConfig();
      return this.explicit;
    }
    // The core looks the config up by folder; serve the explicit file as the only config there is, marked as root.
    const dir = path.dirname(file);
    const standIn = path.join(dir, CONFIG_NAME);
    const read = (p: string): string | undefined => (p === standIn ? text : undefined);
    const c = this.safeResolve(path.join(dir, '__jitterbit_guard_probe__.jb'), read);
    c.sources = c.sources.map((s) => (s === standIn ? file : s));
    for (const p of c.problems) if (p.path === standIn) p.path = file;
    this.explicit = c;
    this.collect(c);
    return c;
  }

  private safeResolve(probe: string, read: (p: string) => string | undefined): ResolvedConfig {
    let c: ResolvedConfig;
    try {
      c = resolveConfig(probe, read);
    } catch (e) {
      c = emptyConfig();
      this.note(path.dirname(probe), `internal error while reading the configuration: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.collect(c);
    return c;
  }

  private collect(c: ResolvedConfig): void {
    for (const p of c.problems ?? []) this.note(p.path, p.message);
  }

  private note(file: string, message: string): void {
    this.problems.set(`${file}\u0000${message}`, { path: file, message });
  }

  /** True when the config's `allowlist.paths` names the file (globs relative to the config file's folder). */
  isAllowlisted(abs: string, config: ResolvedConfig): boolean {
    for (const { base, globs } of config.allowPaths ?? []) {
      if (!globs.length) continue;
      const rel = path.relative(base, abs).split(path.sep).join('/');
      if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) continue;
      const key = `${base}\u0000${globs.join('\u0000')}`;
      let m = this.matchers.get(key);
      if (!m) {
        const pm = picomatch(globs, { dot: true });
        m = (r: string) => pm(r);
        this.matchers.set(key, m);
      }
      if (m(rel)) return true;
    }
    return false;
  }
}
