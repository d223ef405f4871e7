// Custom LSP requests, notifications and settings shared by the client and the server (types only, no logic).
export const LANGUAGE_ID_SCRIPT = 'jitterbit';
export const LANGUAGE_ID_JAVASCRIPT = 'jitterbit-javascript';

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
