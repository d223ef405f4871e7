import { promises as fs } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isProbablyBinary, MAX_FILE_BYTES } from './analysis';

/** File kinds the index feeds to the core; the core decides by content what each one really is. */
const EXTENSIONS = new Set(['.jb', '.jitterbit', '.js', '.json', '.xml']);
const FILE_NAMES = new Set(['jitterbit.conf']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e']);

export function isSupportedPath(path: string): boolean {
  return EXTENSIONS.has(extname(path).toLowerCase()) || FILE_NAMES.has(basename(path).toLowerCase());
}

/** Glob patterns for `workspace/didChangeWatchedFiles` (the config file too, so a change refreshes). */
export const WATCH_GLOBS = ['**/*.{jb,jitterbit,js,json,xml}', '**/jitterbit.conf', '**/.jitterbit-guard.json'];

export interface SkippedFile {
  path: string;
  reason: string;
}

/** Yields to the event loop so pending requests run between chunks of indexing work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Every supported file under `root`, depth-first, without following symlinks; yields between directories. */
export async function findSupportedFiles(root: string, isCancelled: () => boolean): Promise<string[]> {
  const out: string[] = [];
  const stack = [root];
  let sinceYield = 0;
  while (stack.length) {
    if (isCancelled()) break;
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(join(dir, e.name));
      } else if (e.isFile() && isSupportedPath(e.name)) {
        out.push(join(dir, e.name));
      }
    }
    if (++sinceYield >= 20) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  }
  return out.sort();
}

/** Reads a file for the index; returns a reason instead of text when it is too large or binary (the CLI's limits). */
export async function readIndexable(path: string): Promise<{ text: string } | { skipped: string } | undefined> {
  let buf: Buffer;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) return undefined;
    if (st.size > MAX_FILE_BYTES) return { skipped: `larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB (${st.size} bytes)` };
    buf = await fs.readFile(path);
  } catch {
    return undefined;
  }
  const text = buf.toString('utf8');
  if (isProbablyBinary(text)) return { skipped: 'binary content' };
  return { text };
}
