import { loadSourceFile } from '../syntax/load-source-file';
import type { SourceFile } from '../syntax/source-file';
import { isPathAllowed } from './config-allowlist';
import { CONFIG_FILE_NAME } from './config-resolve';
import { INTERNAL_RULE } from './linter';
import { MANIFEST_PATH_SUFFIX } from './manifest';
import type { FileAnalysis, ResolvedConfig } from './project-api';

/** The analyses of files that are not linted: skipped, unreadable, or failed inside the analyser. */

/**
 * Why a file is not analysed, if it is not: allowlisted, Jitterbit Guard's own files (config, manifest), or content
 * that is simply not Jitterbit (a `package.json`, any other JSON or XML). A file that claims a Jitterbit format but is
 * broken is analysed, so its problem is reported.
 */
export function skipReason(path: string, source: SourceFile, config: ResolvedConfig): string | undefined {
  if (isPathAllowed(config, path)) return 'excluded by allowlist.paths in the configuration';
  const base = baseName(path);
  if (base === CONFIG_FILE_NAME) return 'the Jitterbit Guard configuration file';
  if (path.replace(/\\/g, '/').endsWith(MANIFEST_PATH_SUFFIX)) return 'the project-variable manifest';
  if (source.kind === 'unsupported' && source.diagnostics.every((d) => d.severity === 'info' || d.severity === 'hint')) {
    return source.diagnostics[0]?.message ?? 'not a supported Jitterbit file';
  }
  return undefined;
}

/** A stored file the loader could not read: skipped, with the loader's message (which names the file). */
export function unreadable(path: string, err: unknown): FileAnalysis {
  const source = loadSourceFile(path, '');
  const why = err instanceof Error ? err.message : `${path} could not be read`;
  return { path, kind: source.kind, source, findings: [], skipped: true, skippedReason: why };
}

/** The analyser failed on this file (a bug): one internal-error finding instead of an exception. */
export function internalFailure(path: string, source: SourceFile, err: unknown): FileAnalysis {
  // Only the error class: an exception message could quote the input.
  const what = err instanceof Error ? err.name : 'unknown error';
  return {
    path, kind: source.kind, source, skipped: false,
    findings: [{
      ruleId: INTERNAL_RULE.id, category: 'internal', severity: 'error', start: 0, end: 0,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `The analyser failed on this file (${what}); no findings could be computed. Please report it.`,
      fingerprint: `internal:${path}`, fixes: [], docsUrl: INTERNAL_RULE.docs.url,
    }],
  };
}

export function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}
