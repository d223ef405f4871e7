/**
 * The ONE module of the server that talks to the analysis core. Everything else in server/src uses the
 * names exported here, so wiring a new core API is a one-file change.
 *
 * While parts of the core's public index are still being written, the missing pieces are looked up at run
 * time and replaced by inert stand-ins (a project that stores texts and reports nothing, the default
 * config, empty catalogues), so the server starts and serves every request either way.
 */
import * as core from '../../core/src/index';
import type { Finding, Fix, RuleMeta, Severity, SourceFile } from '../../core/src/index';
import { LineMap } from '../../core/src/index';

export type { Finding, Fix, RuleMeta, Severity, SourceFile };
export { LineMap };

export type ReadFileFn = (path: string) => string | undefined;
export type RuleSetting = Severity | 'off';

/** Mirrors core/src/engine/project-api.ts (ResolvedConfig). */
export interface ResolvedConfig {
  sources: string[];
  rules: Record<string, { severity: RuleSetting; options: Record<string, unknown> }>;
  allowPaths: { base: string; globs: string[] }[];
  allowValues: RegExp[];
  allowHashes: Set<string>;
  failLevel: 'error' | 'warning' | 'note';
  problems: { path: string; message: string }[];
}

export interface FileAnalysis {
  path: string;
  kind: string;
  source: SourceFile;
  findings: Finding[];
  skipped: boolean;
  skippedReason?: string;
}

export interface VariableOccurrence {
  name: string;
  path: string;
  start: number;
  end: number;
  access: 'read' | 'write' | 'declaration';
  form: 'dollar' | 'string-name' | 'string-dollar-name' | 'data';
}

export interface VariableInfo {
  name: string;
  kind: 'global' | 'project-variable' | 'system';
  hidden?: boolean;
}

/** Mirrors core/src/engine/project-api.ts (ProjectApi). */
export interface ProjectApi {
  setFile(path: string, text: string, version?: number): void;
  removeFile(path: string): void;
  hasFile(path: string): boolean;
  files(): string[];
  analyzeFile(path: string, config: ResolvedConfig): FileAnalysis;
  dependentsOf(path: string): string[];
  rules(): RuleMeta[];
  variableOccurrences(name?: string): VariableOccurrence[];
  variableNames(): VariableInfo[];
}

export interface CatalogueParam {
  name: string;
  optional: boolean;
  secret?: boolean;
}

export interface CatalogueFunction {
  name: string;
  params: CatalogueParam[];
  minArgs: number;
  maxArgs: number;
  description?: string;
  returns: string;
}

interface CoreExports {
  createProject: () => ProjectApi;
  resolveConfig: (filePath: string, readFile: ReadFileFn) => ResolvedConfig;
  DEFAULT_CONFIG: ResolvedConfig;
  FUNCTION_CATALOGUE: readonly CatalogueFunction[];
  SYSTEM_VARIABLES: readonly (string | { name: string })[];
}

const exported = core as unknown as Partial<CoreExports>;

/** True once the core exports its project facade (tests use it to tell stand-in from engine). */
export const CORE_READY = typeof exported.createProject === 'function';

export const DEFAULT_CONFIG: ResolvedConfig = exported.DEFAULT_CONFIG ?? {
  sources: [],
  rules: {},
  allowPaths: [],
  allowValues: [],
  allowHashes: new Set(),
  failLevel: 'warning',
  problems: [],
};

export function createProject(): ProjectApi {
  return exported.createProject ? exported.createProject() : new InertProject();
}

export function resolveConfig(filePath: string, readFile: ReadFileFn): ResolvedConfig {
  return exported.resolveConfig ? exported.resolveConfig(filePath, readFile) : DEFAULT_CONFIG;
}

export const FUNCTION_CATALOGUE: readonly CatalogueFunction[] = exported.FUNCTION_CATALOGUE ?? [];

export const SYSTEM_VARIABLES: readonly string[] = (exported.SYSTEM_VARIABLES ?? []).map((v) =>
  (typeof v === 'string' ? v : v.name).replace(/^\$/, ''),
);

/** Stand-in used only until the core exports createProject: stores texts, reports no finding. */
class InertProject implements ProjectApi {
  private readonly texts = new Map<string, string>();
  setFile(path: string, text: string): void {
    this.texts.set(path, text);
  }
  removeFile(path: string): void {
    this.texts.delete(path);
  }
  hasFile(path: string): boolean {
    return this.texts.has(path);
  }
  files(): string[] {
    return [...this.texts.keys()];
  }
  analyzeFile(path: string): FileAnalysis {
    const text = this.texts.get(path) ?? '';
    const source: SourceFile = { path, kind: 'unsupported', text, lines: new LineMap(text), regions: [], data: [], hostComments: [], diagnostics: [] };
    return { path, kind: 'unsupported', source, findings: [], skipped: false };
  }
  dependentsOf(): string[] {
    return [];
  }
  rules(): RuleMeta[] {
    return [];
  }
  variableOccurrences(): VariableOccurrence[] {
    return [];
  }
  variableNames(): VariableInfo[] {
    return [];
  }
}
