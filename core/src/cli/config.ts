import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver, isPathAllowed } from '../engine/config';
import type { ResolvedConfig } from '../engine/project-api';
import { emptyConfig } from './engine';

/**
 * Config per folder through the core's resolver: `.jitterbit-guard.json` looked up from the file's folder upwards,
 * or one explicit `--config FILE` for every file. Never throws; problems of the config files (invalid JSON,
 * unknown rule ids, bad globs) are collected once each, naming the file.
 */
export class ConfigCache {
  private readonly resolver: ConfigResolver;
  readonly problems = new Map<string, { path: string; message: string }>();

  constructor(explicitPath?: string, knownRuleIds?: Set<string>) {
    const readFile = (p: string): string | undefined => {
      try {
        return readFileSync(p, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw e; // the resolver turns it into a problem naming the file
      }
    };
    this.resolver = new ConfigResolver(readFile, { explicitConfigPath: explicitPath, knownRuleIds });
  }

  /** Per folder: discovery asks for every file, and a folder's config does not change during a run. */
  private readonly byDir = new Map<string, ResolvedConfig>();

  /** Config of files in folder `dir` (absolute). */
  forDir(dir: string): ResolvedConfig {
    let c = this.byDir.get(dir);
    if (c) return c;
    c = this.resolve(dir);
    this.byDir.set(dir, c);
    return c;
  }

  private resolve(dir: string): ResolvedConfig {
    let c: ResolvedConfig;
    try {
      c = this.resolver.resolve(path.join(dir, '__file__'));
    } catch (e) {
      c = emptyConfig();
      this.note(dir, `${dir}: internal error while reading the configuration: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const p of c.problems ?? []) this.note(p.path, p.message);
    return c;
  }

  private note(file: string, message: string): void {
    this.problems.set(`${file}\u0000${message}`, { path: file, message });
  }

  /** True when the config's `allowlist.paths` names the file (globs relative to the config file's folder). */
  isAllowlisted(abs: string, config: ResolvedConfig): boolean {
    return isPathAllowed(config, abs);
  }
}
