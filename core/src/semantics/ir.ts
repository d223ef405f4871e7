import type { FunctionInfo } from './catalogue';

/**
 * A small expression IR that both Jitterbit Script and Jitterbit JavaScript are lowered into, so the data-flow
 * pass and the rules see the same variables, calls and sinks in both languages. Offsets are region offsets.
 */
export interface IrBase {
  start: number;
  end: number;
}

export interface IrLiteral extends IrBase {
  k: 'lit';
  value: string | number | boolean;
  /** Offset of value character i is `valueStart + i` unless `charOffsets` says otherwise. */
  valueStart: number;
  charOffsets?: number[];
  /** A text part of a JavaScript template with expressions: its source sits between backquotes, not quotes. */
  templatePart?: true;
  /**
   * Scans of a string value (known token formats, PII), cached by the analysis on first use: they depend on the
   * value alone, so they stay valid when an incremental re-parse keeps the node (editors re-analyse on each key).
   */
  tokens?: ValueMatch[];
  pii?: unknown[];
  /** Cheap tests of the value several rules make on every literal (rules/shared/literal-marks.ts), cached likewise. */
  marks?: number;
}

/** A match inside a literal value (offsets within the value). */
export interface ValueMatch {
  kind: string;
  description: string;
  start: number;
  end: number;
}

/**
 * How a variable name is written, so renames can re-encode it. `computed`: a global the flow pass named from constant
 * text that is not one literal (`k = "sf.password"; Get(k)`, `Set("api" + "_key", v)`); no rename can re-encode it.
 */
export type VarForm = 'dollar' | 'bare' | 'string-name' | 'string-dollar-name' | 'computed';

export interface IrVar extends IrBase {
  k: 'var';
  scope: 'local' | 'global';
  name: string;
  nameStart: number;
  nameEnd: number;
  form: VarForm;
}

export interface IrCall extends IrBase {
  k: 'call';
  name: string;
  nameStart: number;
  nameEnd: number;
  fn?: FunctionInfo;
  args: Ir[];
  /** JS method call on a receiver (`s.substring(1)`): receiver is args[0]. */
  method?: boolean;
}

export interface IrBinary extends IrBase { k: 'bin'; op: string; l: Ir; r: Ir }
/** A flattened `a + b + c …` chain (kept flat so long concatenations never deepen the stack). */
export interface IrConcat extends IrBase { k: 'cat'; items: Ir[] }
export interface IrArray extends IrBase { k: 'arr'; items: Ir[] }
export interface IrObject extends IrBase { k: 'obj'; props: { key: string; keyStart: number; keyEnd: number; value: Ir }[] }
/** Index or property access; `prop` is the key when it is a literal name. */
export interface IrMember extends IrBase { k: 'member'; obj: Ir; prop?: string; index?: Ir }
export interface IrAssign extends IrBase { k: 'assign'; op: string; target: Ir; value: Ir }
export interface IrSeq extends IrBase { k: 'seq'; items: Ir[] }
/** Anything else: children are evaluated, the value is not derived from them (e.g. `!x`, `-x`). */
export interface IrOther extends IrBase { k: 'other'; items: Ir[]; derived: boolean }
/** A transformation source reference (`root$a$SSN$`). */
export interface IrSourceRef extends IrBase { k: 'src'; path: string }
/** A JS function declaration or expression; its body is analysed where it is declared. */
export interface IrFunction extends IrBase { k: 'fn'; name?: string; params: string[]; body: Ir[] }
export interface IrReturn extends IrBase { k: 'ret'; value?: Ir }

export type Ir =
  | IrLiteral | IrVar | IrCall | IrBinary | IrConcat | IrArray | IrObject | IrMember | IrAssign | IrSeq | IrOther | IrSourceRef
  | IrFunction | IrReturn;

/** Pushes the direct children of `e` onto `stack` (for iterative walks: IR trees can be deep). */
export function pushChildren(e: Ir, stack: Ir[]): void {
  switch (e.k) {
    case 'call': for (const a of e.args) stack.push(a); break;
    case 'bin': stack.push(e.l, e.r); break;
    case 'member': stack.push(e.obj); if (e.index) stack.push(e.index); break;
    case 'assign': stack.push(e.target, e.value); break;
    case 'cat': case 'arr': case 'seq': case 'other': for (const x of e.items) stack.push(x); break;
    case 'obj': for (const p of e.props) stack.push(p.value); break;
    case 'fn': for (const x of e.body) stack.push(x); break;
    case 'ret': if (e.value) stack.push(e.value); break;
    case 'lit': case 'var': case 'src': break;
  }
}

/** Nesting beyond this is summarised as an opaque node, so analysis never exhausts the stack. */
export const MAX_IR_DEPTH = 400;

export interface IrComment {
  text: string;
  /** Region offset of the first character of `text`. */
  start: number;
  end: number;
  /**
   * Scans of the text (known token formats, commented-out credentials), cached by the rules on first use: they depend
   * on the text alone, so they stay valid when an incremental re-parse moves the comment (editors re-lint on each key).
   */
  tokens?: unknown[];
  credentials?: unknown[];
}

export interface IrScript {
  language: 'jitterbit' | 'javascript';
  body: Ir[];
  comments: IrComment[];
}
