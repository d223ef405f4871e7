import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The version is injected at bundle time from package.json; tests running from source read the file.
declare const __JG_VERSION__: string | undefined;

function fromPackageJson(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export const VERSION: string = typeof __JG_VERSION__ === 'string' ? __JG_VERSION__ : fromPackageJson();

export const TOOL_NAME = 'jitterbit-guard';
export const INFORMATION_URI = 'https://github.com/jitterbit-guard/jitterbit-guard';
