import type { FileKind, SourceFile } from '../syntax/source-file';
import type { Finding, RuleMeta, Severity } from './types';

/**
 * The facade the server and the CLI share (implemented in engine/project.ts). One engine, one config lookup:
 * both hosts feed file texts in and read findings out; only they touch the file system.
 */

/** Reads a file for config lookup; returns undefined when it does not exist. Injected so core stays pure. */
export type ReadFileFn = (path: string) => string | undefined;

/**
 * Reads a stored file's current text (see `ProjectApi.setStoredFile`); injected, so core stays pure. `stamp` names
 * the version read (the host's choice, e.g. size and modification time): a stamp other than the one the file was
 * registered with means the file changed, and what the project derived from it is computed again. Throws an
 * Error whose message names the file when it cannot be read.
 */
export type TextLoader = (path: string) => { text: string; stamp: string };

export type RuleSetting = Severity | 'off';

/** `.jitterbit-guard.json`, as written by users (see core/schema/jitterbit-guard.schema.json). */
export interface ConfigFile {
  /** Folders up from here are not searched when true. */
  root?: boolean;
  rules?: Record<string, RuleSetting | [RuleSetting, Record<string, unknown>]>;
  allowlist?: {
    /** Path globs (relative to the config file's folder) that are not analysed. */
    paths?: string[];
    /** Regexes; a finding whose raw value matches one is dropped. */
    values?: string[];
    /** SHA-256 hex of values to allow (so the allowlist itself holds no secret). */
    hashes?: string[];
  };
  /** Minimum severity that makes the CLI exit 1. */
  failLevel?: 'error' | 'warning' | 'note';
}

/** A config after lookup and merge, for one file. */
export interface ResolvedConfig {
  /** Config files that contributed, nearest last. */
  sources: string[];
  rules: Record<string, { severity: RuleSetting; options: Record<string, unknown> }>;
  allowPaths: { base: string; globs: string[] }[];
  allowValues: RegExp[];
  allowHashes: Set<string>;
  failLevel: 'error' | 'warning' | 'note';
  /** Problems with the config files themselves (invalid JSON, unknown rule id), naming the file. */
  problems: { path: string; message: string }[];
}

export interface FileAnalysis {
  path: string;
  kind: FileKind;
  source: SourceFile;
  /** Syntax diagnostics, directive problems and security findings, sorted by position. */
  findings: Finding[];
  /** True when the file was skipped (allowlisted path, unsupported, binary, too large); see `skippedReason`. */
  skipped: boolean;
  skippedReason?: string;
}

export interface ProjectApi {
  /** Adds or replaces a file (parsed lazily). `version` lets hosts skip re-parsing an unchanged text. */
  setFile(path: string, text: string, version?: number): void;
  /**
   * Optional (projects created with a `TextLoader`): adds or replaces a file whose text stays with the host (an
   * editor's files that are not open). The project keeps only what other files need of it (summary, declared
   * project variables) and reads the text through the loader whenever it needs it. `stamp` as the loader's; the
   * same stamp again leaves the file as it is. `text`, if the host has just read it, is used for the declarations
   * now (no read just for them later) and not kept.
   */
  setStoredFile?(path: string, stamp: string, version?: number, text?: string): void;
  removeFile(path: string): void;
  hasFile(path: string): boolean;
  files(): string[];
  /** Analyse one file with cross-file knowledge of every other file in the project. */
  analyzeFile(path: string, config: ResolvedConfig): FileAnalysis;
  /**
   * Analyse every file in one batch (CLI): cheaper than `analyzeFile` per file, same findings. Results are in
   * sorted path order.
   */
  analyzeAll(configFor: (path: string) => ResolvedConfig, onProgress?: (path: string) => void): FileAnalysis[];
  /** Files whose findings may change when `path` changes (cross-script flows through globals). */
  dependentsOf(path: string): string[];
  rules(): RuleMeta[];
  /**
   * Every `$name` / `Get("name")` / `Jitterbit.GetVar("$name")` occurrence of a global or project variable;
   * `inPath` (optional) limits it to one file without a pass over the project.
   */
  variableOccurrences(name?: string, inPath?: string): VariableOccurrence[];
  /**
   * Optional: computes one file's cross-file summary now if it is not cached (hosts call it in small chunks after
   * loading many files, so no single request has to summarise the whole project).
   */
  prepare?(path: string): void;
  /** Names of globals and project variables known in the project (without `$`). */
  variableNames(): { name: string; kind: 'global' | 'project-variable' | 'system'; hidden?: boolean }[];
}

export interface VariableOccurrence {
  name: string;
  path: string;
  /** Host offsets of the name itself (without `$` or quotes), so a rename edit replaces exactly these. */
  start: number;
  end: number;
  access: 'read' | 'write' | 'declaration';
  /** How the name is written, so a rename can re-encode it: `$name`, `Get("name")`, JS `GetVar("$name")`, export data. */
  form: 'dollar' | 'string-name' | 'string-dollar-name' | 'data';
}
