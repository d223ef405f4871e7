import type { FunctionInfo } from './catalogue';
import type { FlowMemo } from './flow-memo';
import type { Ir, IrArray, IrCall, IrLiteral, IrVar, ValueMatch } from './ir';
import type { Taint } from './taint';

/** The flow pass's contract: what it records of a script (its facts), what it is told (options), what it asks (host). */

/** Where a literal sits; decides whether a credential-looking value is a hard-coded secret. */
export type LiteralContext =
  | { kind: 'credential-arg'; fn: string; param: string; index: number; secretKind: string }
  | { kind: 'identifier-arg'; fn: string; param: string; index: number }
  | { kind: 'arg'; fn: string; index: number }
  /** `of`: the dictionary or object variable whose field a plain `=` (or `AddToDict`) writes (person records read it). */
  | { kind: 'named'; name: string; via: 'variable' | 'key' | 'property'; part?: boolean; of?: IrVar }
  | { kind: 'compared'; name: string }
  | { kind: 'none' };

/** A known-format credential found inside a value (offsets within the value). */
export type TokenMatch = ValueMatch;

export interface LiteralFact {
  lit: IrLiteral & { value: string };
  ctx: LiteralContext;
  /** Set by the classifier: the literal is a hard-coded secret (by context or by a known token format). */
  secret: boolean;
  /** Known-format credentials in the value, scanned once here and reused by the rules. */
  tokens: TokenMatch[];
  /** The literal is a secret because of where it sits (credential position, name, comparison). */
  contextSecret: boolean;
  /**
   * The PII rules' matches for this literal in its context, cached by them (an editor's incremental pass keeps the facts
   * of unchanged statements, so they are not worked out again on each key).
   */
  piiInContext?: unknown[];
}

export interface SinkFact {
  call: IrCall;
  fn: FunctionInfo;
  argIndex: number;
  taint: Taint;
  /** The logged argument's top-level pieces (concatenation items) with their own taint, for the mask fix. */
  parts: { ir: Ir; taint: Taint | undefined }[];
}

/** A read or write of a global (locals are not recorded: nothing outside the flow pass needs them). */
export interface VarFact {
  /** The variable; or a `RunScript` call, which writes its arguments for the called script (key `run:…`). */
  v: IrVar | IrCall;
  access: 'read' | 'write';
  /** The lower-case name (the key of the flow's maps and name sets). */
  key: string;
}

export interface ScriptFacts {
  literals: LiteralFact[];
  sinks: SinkFact[];
  calls: IrCall[];
  vars: VarFact[];
  arrays: IrArray[];
  /** Taint of globals at the end of the script (names lower-cased), for cross-script flows. */
  globalWrites: Map<string, Taint>;
  /** Lower-cased names of globals read / written anywhere in the script. */
  globalReads: Set<string>;
  globalsWritten: Set<string>;
  /** For the next pass over an edited version of the region (when asked for, see FlowOptions). */
  memo?: FlowMemo<ScriptFacts>;
}

export interface FlowOptions {
  /**
   * Record what the next pass over an edited version of this region can reuse, under this key for the host's
   * inputs (Jitterbit Script regions only; JavaScript helper functions make statements interdependent).
   */
  memoKey?: string;
  /** The previous pass's memo: its statements kept by an incremental re-parse are not evaluated again. */
  prior?: FlowMemo<ScriptFacts>;
  /** Length of the region text (locates the shift of the statements kept after an edit). */
  textLength?: number;
  /** The script's own name, as `RunScript` calls it (its arguments arrive as `_1`, `_2`, …). */
  scriptName?: string;
  /** Other names `RunScript` may call it by (a Design Studio script's `sc.<uuid>` key: its file's name). */
  scriptAliases?: readonly string[];
  /**
   * Record each read of a global in `vars` (default true: editors list reads as occurrences). Writes are always
   * recorded, and every name read goes to `globalReads` either way.
   */
  readFacts?: boolean;
}

/** What the flow pass needs from the outside: value classification and project knowledge. */
export interface FlowHost {
  /** Known token formats in a literal value (secrets by their own format). */
  scanTokens(value: string): TokenMatch[];
  /** Is the literal a hard-coded secret because of where it sits (credential position, name, comparison)? */
  isContextSecret(value: string, ctx: LiteralContext): boolean;
  isCredentialName(name: string): boolean;
  isSensitiveDataName(name: string): boolean;
  /** False when the name can be neither a credential name nor a sensitive-data name (a cheap prefilter). */
  nameHint?(name: string): boolean;
  /** Taint a global carries in from other scripts of the project. */
  incomingGlobal(name: string): Taint | undefined;
  isHiddenProjectVariable(name: string): boolean;
  /** A visible project variable whose value is a hard-coded secret. */
  isSecretProjectVariable?(name: string): boolean;
}
