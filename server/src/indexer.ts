import { closeSync, fstatSync, openSync, promises as fs, readFileSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AGENT_CONF_GLOBS } from '../../protocol/src/index';
import { agentConfByName, isAgentConf, isProbablyBinary, MAX_FILE_BYTES } from './analysis';

/** File kinds the index feeds to the core; the core decides by content what each one really is. */
const EXTENSIONS = new Set(['.jb', '.jitterbit', '.js', '.json', '.xml']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test', '.e2e']);

/**
 * A path the index reads: a Jitterbit extension, or an agent configuration by name or (another `.conf` file) by
 * content, which readIndexable then checks (the CLI's walker decides the same way, through the same core function).
 */
export function isSupportedPath(path: string): boolean {
  return EXTENSIONS.has(extname(path).toLowerCase()) || agentConfByName(basename(path)) !== undefined;
}

/**
 * A `.conf` file of another tool: the client syncs every `.conf` document (only content tells an agent's apart), so
 * the server offers no language features in these (the core already skips them: no diagnostics).
 */
export function isOtherToolsConf(path: string, text: string): boolean {
  const name = basename(path);
  return agentConfByName(name) === 'content' && !isAgentConf(name, text);
}

/** Glob patterns for `workspace/didChangeWatchedFiles` (the config file too, so a change refreshes). */
export const WATCH_GLOBS = ['**/*.{jb,jitterbit,js,json,xml}', ...AGENT_CONF_GLOBS, '**/.jitterbit-guard.json'];

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

/** What identifies the version of a file on disk: a changed size or modification time means a changed file. */
export function stampOf(st: Stats): string {
  return `${st.size}:${st.mtimeMs}`;
}

/**
 * Reads a file for the index, with its stamp (from the same open file); returns a reason instead of text when it is
 * too large or binary (the CLI's limits), undefined when it is gone, not a file, or another tool's `.conf` file.
 */
export async function readIndexable(path: string): Promise<{ text: string; stamp: string } | { skipped: string } | undefined> {
  let handle: fs.FileHandle | undefined;
  let buf: Buffer;
  let stamp: string;
  try {
    handle = await fs.open(path, 'r');
    const st = await handle.stat();
    if (!st.isFile()) return undefined;
    if (st.size > MAX_FILE_BYTES) {
      // Another tool's large `.conf` file is none of ours, not one to report as skipped (the CLI sniffs its start too).
      if (isOtherToolsConf(path, await headOf(handle))) return undefined;
      return { skipped: tooLarge(st.size) };
    }
    stamp = stampOf(st);
    buf = await handle.readFile();
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => undefined);
  }
  const text = buf.toString('utf8');
  // Before the binary check: another tool's binary `.conf` file is left out without a message.
  if (isOtherToolsConf(path, text)) return undefined;
  if (isProbablyBinary(text)) return { skipped: 'binary content' };
  return { text, stamp };
}

/** How much of a large `.conf` file tells an agent's configuration from another tool's (as the CLI's walker reads). */
const CONF_SNIFF_BYTES = 64 * 1024;

async function headOf(handle: fs.FileHandle): Promise<string> {
  const buf = Buffer.alloc(CONF_SNIFF_BYTES);
  const { bytesRead } = await handle.read(buf, 0, CONF_SNIFF_BYTES, 0);
  return buf.toString('utf8', 0, bytesRead);
}

/**
 * The project's loader for files that are not open (it keeps no text of them): synchronous, because the core
 * analyses synchronously. Throws an Error naming the file when it cannot be read or is no longer indexable.
 */
export function loadStoredText(path: string): { text: string; stamp: string } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (st.size > MAX_FILE_BYTES) throw new Error(`${path} is ${tooLarge(st.size)}`);
    const text = readFileSync(fd, 'utf8');
    if (isProbablyBinary(text)) throw new Error(`${path} has binary content`);
    return { text, stamp: stampOf(st) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code ? new Error(`${path} could not be read (${code})`) : e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(size: number): string {
  return `larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB (${size} bytes)`;
}
