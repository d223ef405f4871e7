import * as core from '../index';
import { isProbablyBinary as coreIsProbablyBinary, MAX_FILE_BYTES, readJitterpak as readJitterpakCore } from '../index';
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

/** Files larger than this are skipped with a message (core's limit). */
export function maxFileBytes(): number {
  return MAX_FILE_BYTES;
}

export function isProbablyBinary(text: string): boolean {
  return coreIsProbablyBinary(text);
}

/** Core's Jitterpak reader (zip-bomb guards included), as members and problems naming the member. */
export function coreReadJitterpak(bytes: Uint8Array): { members: JitterpakMember[]; problems: string[] } {
  const r = readJitterpakCore(bytes, { maxEntryBytes: MAX_FILE_BYTES });
  return { members: r.entries.map((e) => ({ path: e.path, text: e.text })), problems: r.diagnostics };
}
