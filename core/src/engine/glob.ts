import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * Path flavour handling and allowlist glob matching for the config (`allowlist.paths`).
 *
 * Pure: `node:path` is used only for its string functions (never `resolve`, which reads the process cwd).
 * Windows paths (`C:\…`, `C:/…`, `\\server\share\…`, or any path with a backslash and no slash) use `path.win32`
 * and match case-insensitively; everything else uses `path.posix`.
 */

export type PathApi = typeof path.posix;

export function isWindowsPath(p: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(p) || p.startsWith('\\\\') || (p.includes('\\') && !p.includes('/'));
}

export function pathApi(p: string): PathApi {
  return isWindowsPath(p) ? path.win32 : path.posix;
}

/** Joins like `api.join`, but keeps forward slashes when the input used them (`C:/proj` stays `C:/proj/x`). */
export function joinLike(dir: string, name: string): string {
  const api = pathApi(dir);
  const joined = api.join(dir, name);
  if (api === path.win32 && !dir.includes('\\')) return joined.replace(/\\/g, '/');
  return joined;
}

export function dirnameOf(p: string): string {
  const api = pathApi(p);
  const d = api.dirname(p);
  if (api === path.win32 && !p.includes('\\')) return d.replace(/\\/g, '/');
  return d;
}

/** `file` relative to `base` with `/` separators, or undefined when `file` is not inside `base`. */
export function relativeInside(base: string, file: string): string | undefined {
  const win = isWindowsPath(base) || isWindowsPath(file);
  const api = win ? path.win32 : path.posix;
  let rel: string;
  try {
    rel = api.relative(base, file);
  } catch {
    return undefined;
  }
  rel = rel.replace(/\\/g, '/');
  if (rel === '' || rel === '..' || rel.startsWith('../') || api.isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) return undefined;
  return rel;
}

function basenameOf(p: string): string {
  const norm = p.replace(/\\/g, '/').replace(/\/+$/, '');
  const i = norm.lastIndexOf('/');
  return i < 0 ? norm : norm.slice(i + 1);
}

/** A compiled list of allowlist globs for one base folder. */
export interface GlobMatcher {
  /** True when `file` (absolute or relative like the base) is matched. */
  matches(file: string): boolean;
}

const MAX_GLOB_LENGTH = 1000;

/**
 * Checks one glob without compiling it for use; returns an error message or undefined.
 * Used by config validation so a bad glob becomes a problem, not an exception.
 */
export function globError(glob: string): string | undefined {
  if (glob.length === 0) return 'empty glob';
  if (glob.length > MAX_GLOB_LENGTH) return `glob longer than ${MAX_GLOB_LENGTH} characters`;
  // picomatch would read `!x` as "everything but x" and exclude nearly every file; gitignore-style re-inclusion is not supported.
  if (glob.startsWith('!')) return 'negated globs ("!…") are not supported in allowlist.paths';
  try {
    picomatch(normaliseGlob(glob).patterns, { windows: false });
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * gitignore-like normalisation:
 * - a leading `/` or `./` anchors to the base folder (and is removed);
 * - a trailing `/` means "this folder": `dir/` → `dir/**`;
 * - a glob without `/` (like `*.test.jb` or `fixtures`) matches a file or folder name at any depth;
 * - a glob with `/` is relative to the base, and also matches everything below a matched folder.
 */
function normaliseGlob(glob: string): { patterns: string[]; basenameOnly: boolean } {
  let g = glob.replace(/\\/g, '/');
  let anchored = false;
  while (g.startsWith('./')) {
    g = g.slice(2);
    anchored = true;
  }
  if (g.startsWith('/')) {
    g = g.replace(/^\/+/, '');
    anchored = true;
  }
  const dirOnly = g.endsWith('/');
  g = g.replace(/\/+$/, '');
  if (g === '') g = '**';
  if (!anchored && !g.includes('/')) {
    return { patterns: dirOnly ? [`**/${g}/**`] : [`**/${g}`, `**/${g}/**`], basenameOnly: !dirOnly };
  }
  return { patterns: dirOnly ? [`${g}/**`] : [g, `${g}/**`], basenameOnly: false };
}

/** Compiles globs relative to `base`. Invalid globs are skipped (validation reports them). */
export function compileGlobs(base: string, globs: string[]): GlobMatcher {
  const nocase = isWindowsPath(base);
  const relMatchers: ((s: string) => boolean)[] = [];
  const nameMatchers: ((s: string) => boolean)[] = [];
  for (const glob of globs) {
    if (typeof glob !== 'string' || globError(glob) !== undefined) continue;
    const { patterns, basenameOnly } = normaliseGlob(glob);
    try {
      relMatchers.push(picomatch(patterns, { dot: true, nocase, windows: false }));
      if (basenameOnly) nameMatchers.push(picomatch(glob.replace(/^\.\//, ''), { dot: true, nocase, windows: false }));
    } catch {
      // globError already vetted it; a surprise here just means the glob never matches.
    }
  }
  return {
    matches(file: string): boolean {
      const rel = relativeInside(base, file);
      if (rel !== undefined) {
        for (const m of relMatchers) if (m(rel)) return true;
        return false;
      }
      // Outside the base folder (only possible with an explicit --config): name-only globs still apply.
      if (nameMatchers.length === 0) return false;
      const name = basenameOf(file);
      for (const m of nameMatchers) if (m(name)) return true;
      return false;
    },
  };
}
