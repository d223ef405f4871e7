import {
  createProject as coreCreateProject,
  isProbablyBinary as coreIsProbablyBinary,
  MAX_FILE_BYTES,
  readJitterpak as readJitterpakCore,
} from '../index';
import type { ResolvedConfig } from '../engine/project-api';

/** The core functions the CLI uses, in one place (the CLI reads files; the core never does). */

export interface JitterpakMember {
  path: string;
  text: string;
}

/**
 * Batch runs keep no parse trees between files (memory stays at one tree plus compact summaries) and build no fixes
 * (reports carry none).
 */
export function createProject(): ReturnType<typeof coreCreateProject> {
  return coreCreateProject({ retainTrees: false, fixes: false });
}

/** The config used when resolving one failed unexpectedly (the failure itself is reported). */
export function emptyConfig(): ResolvedConfig {
  return { sources: [], rules: {}, allowPaths: [], allowValues: [], allowHashes: new Set(), failLevel: 'warning', problems: [] };
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
