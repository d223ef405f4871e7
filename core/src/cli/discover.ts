import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { RunNotification } from '../report/model';
import type { ConfigCache } from './config';
import { errorText } from './read';
import { agentConfByName, hasAgentConfLayout } from '../syntax/embedded/jitterbit-conf';

/** Finding the files to analyse: paths, directories and globs; ignore files; allowlisted paths. */

export const IGNORE_FILE = '.jitterbit-guardignore';
const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface SourceEntry {
  abs: string;
  /** Relative to the scanned root, `/`-separated (may start with `../` for inputs outside the root). */
  rel: string;
  size: number;
  /** Folder the file was found under (the given folder, a glob's base, or the root for a named file). */
  top: string;
  jpk: boolean;
  /** Named on the command line (or by a glob) rather than found by walking a folder. */
  explicit: boolean;
}

export interface Discovery {
  files: SourceEntry[];
  notifications: RunNotification[];
  /** Inputs that matched nothing (a usage error). */
  missing: string[];
}

/**
 * Files the walker picks in folders by name: Jitterbit sources, exports, Design Studio XML, `jitterbit.conf` and its
 * copies and variants (`jitterbit.conf.bak`, `prod-jitterbit.conf`), Jitterpaks. Other `.conf` files: see isAgentConfFile.
 */
export function isSupportedFile(name: string): boolean {
  return agentConfByName(name) === 'name' || /\.(jb|jitterbit|js|json|xml|jpk)$/i.test(name);
}

/** How much of a `.conf` file the walker reads to tell an agent's configuration from another tool's. */
const CONF_SNIFF_BYTES = 64 * 1024;

/** A `.conf` file of another name that has jitterbit.conf's sections (read only for such names). */
export function isAgentConfFile(abs: string, name: string): boolean {
  if (agentConfByName(name) !== 'content') return false;
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(CONF_SNIFF_BYTES);
    const n = readSync(fd, buf, 0, CONF_SNIFF_BYTES, 0);
    return hasAgentConfLayout(buf.toString('utf8', 0, n));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

export function relPath(root: string, abs: string): string {
  return relativePosix(root, abs) || path.basename(abs);
}

const SEP = path.sep === '/' ? '/' : '\\\\';
const NEEDS_NORMALISING = new RegExp(`${SEP}(?:\\.\\.?)?(?:${SEP}|$)`);

/** `path.relative`, `/`-separated; a path below `dir` (nearly every one a walk finds) is simply its tail. */
function relativePosix(dir: string, abs: string): string {
  const base = dir.endsWith(path.sep) ? dir : dir + path.sep;
  // path.relative also normalises: `.`/`..` segments, doubled separators (and on Windows `/` and letter case) take
  // the long way.
  if (abs.startsWith(base) && abs.length > base.length && !NEEDS_NORMALISING.test(abs) && (path.sep === '/' || !abs.includes('/'))) {
    return toPosix(abs.slice(base.length));
  }
  return toPosix(path.relative(dir, abs));
}

/** The scanned root: the working folder when every input is inside it, else the deepest common folder. */
export function scanRoot(cwd: string, inputs: string[]): string {
  const abs = inputs.map((i) => path.resolve(cwd, globBase(i)));
  if (abs.every((a) => isInside(cwd, a))) return cwd;
  const dirs = abs.map((a) => (safeIsDir(a) ? a : path.dirname(a)));
  let common = dirs[0];
  for (const d of dirs.slice(1)) while (!isInside(common, d)) common = path.dirname(common);
  return common;
}

export function isInside(dir: string, p: string): boolean {
  const r = path.relative(dir, p);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

function globBase(input: string): string {
  if (existsSync(input)) return input;
  const s = picomatch.scan(input);
  return s.isGlob ? s.base || '.' : input;
}

function existsAsLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `.jitterbit-guardignore` files (gitignore syntax) of every folder from the boundary down to the file. */
class IgnoreRules {
  private readonly cache = new Map<string, Ignore | null>();
  constructor(private readonly notes: RunNotification[], private readonly root: string) {}

  private rulesOf(dir: string): Ignore | null {
    let r = this.cache.get(dir);
    if (r !== undefined) return r;
    r = null;
    const file = path.join(dir, IGNORE_FILE);
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'ENOTDIR') {
        this.notes.push({ level: 'warning', path: relPath(this.root, file), message: `${relPath(this.root, file)}: ${errorText(e)}; its patterns are not applied` });
      }
    }
    if (text !== undefined) r = ignore({ allowRelativePaths: true }).add(text);
    this.cache.set(dir, r);
    return r;
  }

  /** Per folder and boundary: the folders from there up to the boundary that have an ignore file. */
  private readonly chains = new Map<string, { dir: string; rules: Ignore }[]>();

  private chainOf(dir: string, boundary: string): { dir: string; rules: Ignore }[] {
    const key = `${dir}\u0000${boundary}`;
    let chain = this.chains.get(key);
    if (chain) return chain;
    chain = [];
    for (let d = dir; ; d = path.dirname(d)) {
      const rules = this.rulesOf(d);
      if (rules) chain.push({ dir: d, rules });
      if (d === boundary || !isInside(boundary, d) || path.dirname(d) === d) break;
    }
    this.chains.set(key, chain);
    return chain;
  }

  /** True when an ignore file between `boundary` (inclusive) and the path's folder ignores the path. */
  ignored(abs: string, isDir: boolean, boundary: string): boolean {
    for (const { dir: d, rules } of this.chainOf(path.dirname(abs), boundary)) {
      const rel = relativePosix(d, abs);
      if (!rel || rel.startsWith('..')) continue;
      if (rules.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  }
}

/** `onFound(files, bytes)` follows the running totals (the CLI starts worker threads once they are worth it). */
export function discover(inputs: string[], cwd: string, root: string, configs: ConfigCache, onFound?: (files: number, bytes: number) => void): Discovery {
  const notifications: RunNotification[] = [];
  let foundBytes = 0;
  const missing: string[] = [];
  const rules = new IgnoreRules(notifications, root);
  const seen = new Map<string, SourceEntry>();
  const brokenLinks = new Set<string>();
  const boundaryOf = (p: string, top: string): string => (isInside(root, p) ? root : top);

  const addFile = (abs: string, size: number, top: string, explicit: boolean): void => {
    if (seen.has(abs)) return;
    const base = path.basename(abs);
    const byName = explicit || isSupportedFile(base);
    if (!byName && agentConfByName(base) !== 'content') return;
    if (rules.ignored(abs, false, boundaryOf(abs, top))) return;
    if (configs.isAllowlisted(abs, configs.forDir(path.dirname(abs)))) return;
    // Another `.conf` file is read (its start) only once nothing else leaves it out.
    if (!byName && !isAgentConfFile(abs, base)) return;
    seen.set(abs, { abs, rel: relPath(root, abs), size, top, jpk: /\.jpk$/i.test(abs), explicit });
    foundBytes += size;
    onFound?.(seen.size, foundBytes);
  };

  const walk = (start: string, top: string, match?: (rel: string) => boolean, onDir?: (abs: string) => boolean): void => {
    const stack = [start];
    while (stack.length) {
      const dir = stack.pop() as string;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        notifications.push({ level: 'warning', path: relPath(root, dir), message: `${relPath(root, dir)}: cannot read the folder: ${errorText(e).replace(/^cannot read the file: /, '')}` });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      // An entry's name has no separator: joining needs no normalising.
      const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
      for (const ent of entries) {
        const abs = prefix + ent.name;
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        let size = 0;
        if (ent.isSymbolicLink()) {
          // Follow links to files; never links to folders (no cycles).
          try {
            const st = statSync(abs);
            isFile = st.isFile();
            isDir = false;
            size = st.size;
          } catch (e) {
            // A dangling or looping link with a name we would analyse: say so, it may hide a script (when a glob
            // walks the folder, only if the glob names it).
            if (isSupportedFile(ent.name) && (!match || match(toPosix(path.relative(start, abs)))) && !rules.ignored(abs, false, boundaryOf(abs, top))) {
              // Overlapping inputs (`a a/sub`) walk a folder twice: one message per link.
              if (brokenLinks.has(abs)) continue;
              brokenLinks.add(abs);
              const rel = relPath(root, abs);
              notifications.push({ level: 'warning', path: rel, message: `${rel}: ${errorText(e)} (broken link)` });
            }
            continue;
          }
        }
        if (isDir) {
          if (SKIP_DIRS.has(ent.name)) continue;
          if (rules.ignored(abs, true, boundaryOf(abs, top))) continue;
          if (onDir && onDir(abs)) continue;
          subdirs.push(abs);
        } else if (isFile) {
          if (match && !match(toPosix(path.relative(start, abs)))) continue;
          if (!size) {
            try {
              size = statSync(abs).size;
            } catch {
              size = 0;
            }
          }
          addFile(abs, size, top, false);
        }
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      walk(abs, abs);
    } else if (st || existsAsLink(abs)) {
      // A named file that cannot be stat'ed (a broken link) is still listed: reading it reports the problem.
      addFile(abs, st?.size ?? 0, isInside(root, abs) ? root : path.dirname(abs), true);
    } else {
      const scan = picomatch.scan(input);
      if (!scan.isGlob) {
        missing.push(input);
        continue;
      }
      const base = path.resolve(cwd, scan.base || '.');
      const isMatch = picomatch(scan.glob, { dot: false });
      const before = seen.size;
      let dirsMatched = 0;
      // `projects/*` names folders: each becomes a top folder. A globstar matches every folder, so there the glob
      // only filters files and the glob's base is the top folder.
      const foldersAsTops = !scan.glob.includes('**');
      if (safeIsDir(base)) {
        walk(base, base, isMatch, !foldersAsTops ? undefined : (dir) => {
          // A glob that names folders (`projects/*`) makes each of them a folder to walk, i.e. its own top folder.
          if (!isMatch(toPosix(path.relative(base, dir)))) return false;
          dirsMatched++;
          walk(dir, dir);
          return true;
        });
      }
      if (seen.size === before && !dirsMatched) missing.push(input);
    }
  }
  const files = [...seen.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, notifications, missing };
}
