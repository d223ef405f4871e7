import { readFileSync, statSync } from 'node:fs';
import { resolveConfig, DEFAULT_CONFIG, type ResolvedConfig } from './analysis';

export const CONFIG_FILE_NAME = '.jitterbit-guard.json';

/**
 * `.jitterbit-guard.json` lookup through the core's `resolveConfig` (the same lookup the CLI uses), with the
 * config files' texts cached until a watched-file event says one changed.
 */
export class ConfigCache {
  private readonly texts = new Map<string, string | undefined>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  generation = 0;

  private readonly readFile = (path: string): string | undefined => {
    if (this.texts.has(path)) return this.texts.get(path);
    let text: string | undefined;
    try {
      text = statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    this.texts.set(path, text);
    return text;
  };

  /** Config for a file; documents that are not on disk (untitled:) get the defaults. */
  forFile(path: string): ResolvedConfig {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return DEFAULT_CONFIG;
    let c = this.resolved.get(path);
    if (!c) {
      c = resolveConfig(path, this.readFile);
      this.resolved.set(path, c);
    }
    return c;
  }

  /** A config file was created, changed or deleted: forget everything (lookups are cheap). */
  invalidate(): void {
    this.texts.clear();
    this.resolved.clear();
    this.generation++;
  }

  static isConfigFile(path: string): boolean {
    return path.endsWith(CONFIG_FILE_NAME);
  }
}
