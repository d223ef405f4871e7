// Custom LSP requests, notifications and settings shared by the client and the server (types only, no logic).
export const LANGUAGE_ID_SCRIPT = 'jitterbit';
export const LANGUAGE_ID_JAVASCRIPT = 'jitterbit-javascript';

/**
 * Agent configuration files the client syncs and the server watches: jitterbit.conf's copies and variants by name
 * (`jitterbit.conf.bak`, `prod-jitterbit.conf`), any other `.conf` file for its content. Globs are a superset: the
 * server keeps only the files the core's agentConfByName / isAgentConf accept (the CLI's decision).
 */
export const AGENT_CONF_GLOBS: readonly string[] = ['**/*{jitterbit,Jitterbit,JITTERBIT}*{conf,Conf,CONF}*', '**/*.{conf,Conf,CONF}'];

/** `Diagnostic.source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'jitterbit-guard';

/** The code action kind that applies every safe fix of a file. */
export const FIX_ALL_KIND = 'source.fixAll.jitterbitGuard';

/** Command ids (contributed by the client; some are also attached to code actions by the server). */
export const Commands = {
  restartServer: 'jitterbitGuard.restartServer',
  showOutput: 'jitterbitGuard.showOutput',
  openRuleDocs: 'jitterbitGuard.openRuleDocs',
  extractToProjectVariable: 'jitterbitGuard.extractToProjectVariable',
} as const;

/** `jitterbitGuard.run`: when files are analysed. */
export type RunMode = 'onType' | 'onSave';

/** Per-rule customization from settings: a severity override or `off`. */
export type RuleSeveritySetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** The `jitterbitGuard` settings section, per resource. Missing values take the defaults below. */
export interface GuardSettings {
  enable: boolean;
  run: RunMode;
  /** Rule id → severity override; merged over `.jitterbit-guard.json` (settings win). */
  rules: Record<string, RuleSeveritySetting>;
  /** Environment names (e.g. dev, test, prod); the first is the active one. */
  environments: string[];
  /** Workspace-relative path of the project-variables manifest. */
  projectVariablesFile: string;
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: GuardSettings = {
  enable: true,
  run: 'onType',
  rules: {},
  environments: ['default'],
  projectVariablesFile: '.jitterbit/project-variables.json',
  trace: { server: 'off' },
};

/** Arguments of the `jitterbitGuard.extractToProjectVariable` command attached to an extract code action. */
export interface ExtractCommandArgs {
  uri: string;
  /** The key the finding was recorded under at diagnosis (Diagnostic.data.key). */
  key: string;
  /** Index of the fix within the finding's fixes. */
  fixIndex: number;
}

/**
 * Request from the client: resolve an extract fix recorded at diagnosis into the project variable to create and
 * the edit to apply once the value is stored. The response holds `secretValue`; the client's trace channel
 * redacts that field (see client/src/redact.ts) and nothing logs it.
 */
export const ResolveExtractRequest = 'jitterbitGuard/resolveExtract';
export type ResolveExtractParams = ExtractCommandArgs;
export interface ResolveExtractResult {
  /** False when the finding is no longer recorded (the document changed since diagnosis). */
  found: boolean;
  name?: string;
  hidden?: boolean;
  description?: string;
  secretValue?: string;
  /** LSP WorkspaceEdit (kept structural here so protocol needs no LSP dependency). */
  edit?: { changes?: Record<string, { range: LspRange; newText: string }[]> };
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Notification from the server: analysis state for the status bar. */
export const StatusNotification = 'jitterbitGuard/status';
export interface StatusParams {
  state: 'indexing' | 'analyzing' | 'idle' | 'disabled';
  /** Files indexed so far / total (while indexing). */
  indexed?: number;
  total?: number;
  /** Findings across every analysed file, by severity. */
  errors: number;
  warnings: number;
  infos: number;
}

// ---- Secrets Vault (client/src/vault, server/src/features/vault.ts) ---------------------------------------------
// None of these messages carries a secret value: values stay in the client's vault provider.

/** Notification from the server: the workspace index changed (files, manifest, findings); the vault view refreshes. */
export const VaultChangedNotification = 'jitterbitGuard/vault/changed';

/** Where a project variable is declared. Design Studio entities are read-only. */
export interface VaultVariableSource {
  kind: 'manifest' | 'cloud-export' | 'design-studio';
  uri: string;
  readOnly: boolean;
}

export interface VaultUsage {
  uri: string;
  range: LspRange;
  access: 'read' | 'write' | 'declaration';
  form: 'dollar' | 'string-name' | 'string-dollar-name' | 'data';
}

/** A current secret finding (category `secret`) somewhere in the workspace. */
export interface VaultFinding {
  uri: string;
  range: LspRange;
  ruleId: string;
  /** The finding's message (masked by the core; never the value). */
  message: string;
  /** Record key for the extract command (`ExtractCommandArgs.key`). */
  key: string;
  /** Index of the extract-to-project-variable fix, when the finding has one ("Move to vault"). */
  extractFixIndex?: number;
  /** The project variable the hard-coded value belongs to (an export value, an assignment), if any. */
  variable?: string;
}

export interface VaultVariable {
  name: string;
  hidden: boolean;
  description?: string;
  /** Non-secret values per environment (manifest). */
  values: Record<string, string>;
  sources: VaultVariableSource[];
  inManifest: boolean;
  readOnly: boolean;
  usages: VaultUsage[];
  /** Number of current secret findings holding this variable's value in a workspace file. */
  hardcoded: number;
}

/** Request from the client: the project variables of the workspace folder `folderUri` and the secret findings. */
export const VaultListRequest = 'jitterbitGuard/vault/list';
export interface VaultListParams {
  folderUri: string;
  /** Workspace-relative manifest path (setting `jitterbitGuard.projectVariablesFile`). */
  manifestPath: string;
  /** Fallback environments (setting `jitterbitGuard.environments`) when the manifest lists none. */
  environments: string[];
}
export interface VaultListResult {
  manifestUri: string;
  manifestExists: boolean;
  environments: string[];
  variables: VaultVariable[];
  findings: VaultFinding[];
  problems: { uri: string; message: string }[];
}

/** One manifest operation; the server applies it to `text` with the core and returns the new text. */
export type VaultManifestOp =
  | { kind: 'add'; variable: { name: string; hidden: boolean; description?: string; values?: Record<string, string> } }
  | { kind: 'remove'; name: string }
  | { kind: 'setHidden'; name: string; hidden: boolean }
  | { kind: 'setDescription'; name: string; description: string }
  | { kind: 'setValue'; name: string; environment: string; value: string | undefined }
  | { kind: 'addEnvironment'; name: string }
  /**
   * Merge the variables of a file (variable list, manifest, Cloud Studio export, Design Studio entity). The server
   * reads the file itself: an export may hold secrets, and request parameters show up in the LSP trace.
   */
  | { kind: 'import'; uri: string };

export const VaultManifestRequest = 'jitterbitGuard/vault/manifest';
export interface VaultManifestParams {
  /** Current manifest text, or null when the file does not exist. */
  text: string | null;
  op: VaultManifestOp;
}
export interface VaultManifestResult {
  text?: string;
  error?: string;
  /** For `import`: what changed. */
  added?: string[];
  updated?: string[];
  skipped?: { name: string; reason: string }[];
}

/** Checks a new project-variable name against Jitterbit's rules and the workspace's global namespace. */
export const VaultCheckNameRequest = 'jitterbitGuard/vault/checkName';
export interface VaultCheckNameParams {
  name: string;
  /** The variable's current name when renaming. */
  except?: string;
}
export interface VaultCheckNameResult {
  ok: boolean;
  problem?: string;
  warning?: string;
}

/** The workspace edit renaming a project variable in every file, form and export (and the manifest). */
export const VaultRenameRequest = 'jitterbitGuard/vault/rename';
export interface VaultRenameParams {
  oldName: string;
  newName: string;
  manifestUri: string;
  /** The manifest text as the editor has it (may be unsaved), or null. */
  manifestText: string | null;
}
export interface VaultRenameResult {
  edit?: { changes?: Record<string, { range: LspRange; newText: string }[]> };
  error?: string;
}

/** The variable list for Harmony (names, descriptions, hidden flags, non-secret values; never secret values). */
export const VaultExportRequest = 'jitterbitGuard/vault/export';
export interface VaultExportParams {
  manifestText: string | null;
  manifestPath: string;
  environments: string[];
}
export interface VaultExportResult {
  text: string;
}

/**
 * The current record of a secret finding by location (record keys change whenever a file is analysed again), so
 * "Move to vault" acts on what the file holds now.
 */
export const VaultLocateFindingRequest = 'jitterbitGuard/vault/locateFinding';
export interface VaultLocateFindingParams {
  uri: string;
  /** Zero-based line of the finding's start. */
  line: number;
  ruleId?: string;
}
export interface VaultLocateFindingResult {
  /** Absent when no extractable secret finding is there any more. */
  args?: ExtractCommandArgs;
}
