import * as core from '../index';
import type { ProjectApi, ReadFileFn, ResolvedConfig } from '../engine/project-api';

/**
 * The core functions the CLI needs, looked up on the public index. Other engineers land them in parallel; until
 * they exist the CLI reports "engine not available" (exit 2) instead of failing to build.
 */
export interface JitterpakMember {
  path: string;
  text: string;
}

interface CoreExtras {
  createProject?: () => ProjectApi;
  resolveConfig?: (filePath: string, readFile: ReadFileFn) => ResolvedConfig;
  readJitterpak?: (bytes: Uint8Array) => unknown;
  isProbablyBinary?: (text: string) => boolean;
  MAX_FILE_BYTES?: number;
}

const extras = core as unknown as CoreExtras;

export function engineAvailable(): boolean {
  return typeof extras.createProject === 'function';
}

export function createProject(): ProjectApi {
  if (typeof extras.createProject !== 'function') throw new Error('the analysis engine is not available in this build');
  return extras.createProject();
}

/** Default config when the core has no resolver (only while it is being written). */
export function emptyConfig(): ResolvedConfig {
  return { sources: [], rules: {}, allowPaths: [], allowValues: [], allowHashes: new Set(), failLevel: 'error', problems: [] };
}

export function resolveConfig(filePath: string, readFile: ReadFileFn): ResolvedConfig {
  return typeof extras.resolveConfig === 'function' ? extras.resolveConfig(filePath, readFile) : emptyConfig();
}

/** Files larger than this are skipped with a message (core's limit when it exports one). */
export function maxFileBytes(): number {
  return typeof extras.MAX_FILE_BYTES === 'number' && extras.MAX_FILE_BYTES > 0 ? extras.MAX_FILE_BYTES : 10 * 1024 * 1024;
}

export function isProbablyBinary(text: string): boolean {
  if (typeof extras.isProbablyBinary === 'function') return extras.isProbablyBinary(text);
  return text.slice(0, 8192).includes('\u0000');
}

/** Core's Jitterpak reader, normalised to members; undefined when core has none (the CLI then uses its own). */
export function coreReadJitterpak(bytes: Uint8Array): { members: JitterpakMember[]; problems: string[] } | undefined {
  if (typeof extras.readJitterpak !== 'function') return undefined;
  return normaliseJitterpak(extras.readJitterpak(bytes));
}

/** Accepts the shapes a Jitterpak reader may return: an array of members or `{ files|members|entries, problems|errors }`. */
export function normaliseJitterpak(raw: unknown): { members: JitterpakMember[]; problems: string[] } {
  const members: JitterpakMember[] = [];
  const problems: string[] = [];
  const list = Array.isArray(raw) ? raw : pickArray(raw, ['files', 'members', 'entries']);
  for (const m of list) {
    if (!m || typeof m !== 'object') continue;
    const r = m as Record<string, unknown>;
    const p = typeof r.path === 'string' ? r.path : typeof r.name === 'string' ? r.name : undefined;
    const t = typeof r.text === 'string' ? r.text : typeof r.content === 'string' ? r.content : undefined;
    if (p !== undefined && t !== undefined) members.push({ path: p, text: t });
    else if (p !== undefined && typeof r.skippedReason === 'string') problems.push(`${p}: ${r.skippedReason}`);
  }
  for (const p of pickArray(raw, ['problems', 'errors', 'skipped'])) {
    if (typeof p === 'string') problems.push(p);
    else if (p && typeof p === 'object') {
      const r = p as Record<string, unknown>;
      const where = typeof r.path === 'string' ? `${r.path}: ` : '';
      const what = typeof r.message === 'string' ? r.message : typeof r.reason === 'string' ? r.reason : 'unreadable';
      problems.push(where + what);
    }
  }
  return { members, problems };
}

function pickArray(raw: unknown, keys: string[]): unknown[] {
  if (!raw || typeof raw !== 'object') return [];
  for (const k of keys) {
    const v = (raw as Record<string, unknown>)[k];
    if (Array.isArray(v)) return v;
  }
  return [];
}
