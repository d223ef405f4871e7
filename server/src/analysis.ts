/**
 * The ONE module of the server that talks to the analysis core (its public index). Everything else in
 * server/src uses the names exported here, so a change of the core API is a one-file change.
 */
import {
  agentConfByName,
  ConfigResolver,
  CONFIG_FILE_NAME,
  createProject as coreCreateProject,
  DEFAULT_CONFIG,
  embeddedSuppressionFix,
  FUNCTION_CATALOGUE as CORE_FUNCTIONS,
  isAgentConf,
  isProbablyBinary,
  LineMap,
  loadSourceFile,
  MAX_FILE_BYTES,
  parseConfigText,
  SYSTEM_VARIABLES as CORE_SYSTEM_VARIABLES,
  suppressionComment,
  type FileAnalysis,
  type Finding,
  type Fix,
  type FunctionInfo,
  type ProjectApi,
  type ReadFileFn,
  type ResolvedConfig,
  type RuleMeta,
  type Severity,
  type SourceFile,
  type TextLoader,
  type VariableOccurrence,
} from '../../core/src/index';

export type { FileAnalysis, Finding, Fix, ProjectApi, ReadFileFn, ResolvedConfig, RuleMeta, Severity, SourceFile, TextLoader, VariableOccurrence };
export { agentConfByName, ConfigResolver, CONFIG_FILE_NAME, DEFAULT_CONFIG, embeddedSuppressionFix, isAgentConf, isProbablyBinary, LineMap, loadSourceFile, MAX_FILE_BYTES, parseConfigText, suppressionComment };

export type VariableInfo = ReturnType<ProjectApi['variableNames']>[number];
export type CatalogueFunction = FunctionInfo;

/**
 * The server's project. Parse trees are not retained: the index holds every file of the workspace, and a tree per
 * file costs several times the memory of the compact summaries; an open document is re-parsed when it is analysed.
 * Files that are not open keep no text either (`setStoredFile`): `loadText` reads them again when needed.
 * Variable occurrences are kept (references, rename, completion).
 */
export function createProject(loadText: TextLoader): StoredProject {
  // Open documents keep their parse so that typing re-parses only around the edit.
  return coreCreateProject({ retainTrees: false, keepOccurrences: true, reparseEdits: true, loadText });
}

/** The project as the server uses it: files that are not open are stored (their texts stay on disk). */
export type StoredProject = ProjectApi & Required<Pick<ProjectApi, 'setStoredFile' | 'prepare'>>;

/** Functions callable from Jitterbit Script (the catalogue also lists JavaScript-only ones). */
export const FUNCTION_CATALOGUE: readonly CatalogueFunction[] = CORE_FUNCTIONS.filter((f) => f.language === 'jitterbit');

/** Names of `$jitterbit.*` variables without `$` (families such as `…headers.<name>` are left out). */
export const SYSTEM_VARIABLES: readonly string[] = CORE_SYSTEM_VARIABLES.filter((v) => !v.prefix).map((v) => v.name.replace(/^\$/, ''));

// The project-variable model (Secrets Vault requests, server/src/features/vault.ts).
export {
  checkVariableName,
  editManifest,
  fileDeclarations,
  harmonyExportText,
  importIntoManifest,
  mergeProjectVariables,
  renameVariableEdits,
  type ManifestOp,
  type VariableOccurrence as Occurrence,
} from '../../core/src/index';
