import { readFileSync, statSync } from 'node:fs';
import { ConfigResolver, CONFIG_FILE_NAME, DEFAULT_CONFIG, type ResolvedConfig } from './analysis';

/**
 * `.jitterbit-guard.json` lookup through the core's ConfigResolver — the same lookup the CLI uses — cached until a
 * watched-file event says a config file changed.
 */
export class ConfigCache {
  private resolver: ConfigResolver;
  generation = 0;

  /** `knownRuleIds`: misspelt rule ids become problems naming the file (and the id meant), as in the CLI. */
  constructor(readonly knownRuleIds: Set<string>) {
    this.resolver = new ConfigResolver(readIfFile, { knownRuleIds });
  }

  /** Config for a file; documents that are not on disk (untitled:) get the defaults. */
  forFile(path: string): ResolvedConfig {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return DEFAULT_CONFIG;
    return this.resolver.resolve(path);
  }

  /** A config file was created, changed or deleted. */
  invalidate(path?: string): void {
    this.resolver.invalidate(path);
    this.generation++;
  }

  static isConfigFile(path: string): boolean {
    return path.endsWith(CONFIG_FILE_NAME);
  }
}

function readIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
