import type { Severity } from '../syntax/ast';
import type { Range } from '../syntax/text';

export type { Severity };

/** The three policy categories (detection-policy.md) plus non-scored hygiene rules. */
export type Category = 'secret' | 'sensitive-logging' | 'pii' | 'hygiene' | 'syntax' | 'directive' | 'internal';

/** A text replacement in host-file offsets. Edits of one fix never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A project variable that a fix introduces; its value goes to the vault, never into a workspace file. */
export interface ProjectVariableRequest {
  name: string;
  hidden: boolean;
  description: string;
  /** Raw value to store in the vault. Only on fixes, never serialised into reports. */
  secretValue: string;
}

export interface Fix {
  title: string;
  /** quickfix = safe and preferred; suggestion = needs a human look. */
  kind: 'quickfix' | 'suggestion' | 'suppress';
  edits: TextEdit[];
  /** Safe to apply unattended (source.fixAll). */
  safe: boolean;
  isPreferred?: boolean;
  /** Set when the fix extracts a literal into a project variable. */
  projectVariable?: ProjectVariableRequest;
}

/** One finding of a rule, already located in the host file and masked. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Message with placeholders filled; never contains the raw value. */
  message: string;
  /** Host-file offsets. */
  start: number;
  end: number;
  range: Range;
  /** Masked form of the matched value (first and last characters only), if any. */
  masked?: string;
  /** Stable across line moves: rule + file + hash of the value (or of the normalised snippet). */
  fingerprint: string;
  /** Region the finding sits in (`ScriptRegion.id`), when inside a script. */
  regionId?: string;
  /** e.g. the mapping target field, for messages like "in the mapping of Contact$Email$". */
  mappingTarget?: string;
  fixes: Fix[];
  /** Other locations that explain a data flow (where a tainted global was written). */
  related?: { path: string; range: Range; message: string }[];
  docsUrl?: string;
}

export interface RuleDocs {
  description: string;
  url: string;
}

export interface RuleMeta {
  /** `secrets/…`, `logging/…`, `pii/…`, `hygiene/…`: the diagnostic code, SARIF ruleId and suppression id. */
  id: string;
  category: Category;
  /** e.g. 798 */
  cwe: number;
  defaultSeverity: Severity;
  docs: RuleDocs;
  /** Message templates by id; `{placeholder}` filled from report data. */
  messages: Record<string, string>;
  fixable: boolean;
  hasSuggestions: boolean;
  /** Short name for SARIF `shortDescription`. */
  shortDescription: string;
}
