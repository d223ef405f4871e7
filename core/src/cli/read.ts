import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { coreReadJitterpak, isProbablyBinary, maxFileBytes, type JitterpakMember } from './engine';

/** Reading host files for analysis. Never throws: every problem becomes a message naming the file. */

export type ReadOutcome = { ok: true; text: string } | { ok: false; problem: string };

export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && err.code === 'EACCES') return 'cannot read the file: permission denied';
  if (err && err.code === 'ENOENT') return 'cannot read the file: it does not exist';
  if (err && err.code === 'EISDIR') return 'cannot read the file: it is a directory';
  return `cannot read the file: ${err && err.message ? err.message : String(e)}`;
}

/** `knownSize`: the size discovery found (spares a second stat per file); the bytes read are checked again. */
export function readBytes(abs: string, limit = maxFileBytes(), knownSize?: number): { ok: true; bytes: Buffer } | { ok: false; problem: string } {
  const tooLarge = (size: number) => ({ ok: false as const, problem: `skipped: the file is too large (${formatBytes(size)}, limit ${formatBytes(limit)})` });
  try {
    const size = knownSize ?? statSync(abs).size;
    if (size > limit) return tooLarge(size);
    const bytes = readFileSync(abs);
    // The file may have grown since it was measured.
    return bytes.length > limit ? tooLarge(bytes.length) : { ok: true, bytes };
  } catch (e) {
    return { ok: false, problem: errorText(e) };
  }
}

export function decodeText(bytes: Uint8Array): ReadOutcome {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, problem: 'skipped: the file is binary' };
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (isProbablyBinary(text)) return { ok: false, problem: 'skipped: the file is binary' };
  return { ok: true, text };
}

export function readText(abs: string): ReadOutcome {
  const r = readBytes(abs);
  return r.ok ? decodeText(r.bytes) : r;
}

/** Members of a Jitterpak (core's reader: zip-bomb guards, supported members only). Problems name the member. */
export function readJitterpak(bytes: Uint8Array): { members: JitterpakMember[]; problems: string[] } {
  try {
    const r = coreReadJitterpak(bytes);
    const members = r.members.filter((m) => !isProbablyBinary(m.text));
    const problems = [...r.problems];
    for (const m of r.members) if (!members.includes(m)) problems.push(`${m.path}: skipped: the member is binary`);
    members.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { members, problems };
  } catch (e) {
    return { members: [], problems: [`not a readable Jitterpak: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/**
 * Creates `dir` and its missing parents one level at a time. (Node's recursive mkdir can spin forever on paths
 * such as /proc/x where mkdir reports ENOENT under an existing parent; this one throws instead.)
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); ) {
    missing.push(d);
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]);
}
