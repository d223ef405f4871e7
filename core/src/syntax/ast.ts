/**
 * Jitterbit Script syntax tree. Offsets (`start`, `end`) are relative to the script text handed to the
 * parser (a region of a host file; see source-file.ts for the map back to the host).
 * The parser always returns a tree: missing pieces are `Missing` nodes, unparsable runs are `ErrorNode`s.
 */
export interface NodeBase {
  start: number;
  end: number;
}

export interface StringLiteral extends NodeBase {
  kind: 'String';
  /** Decoded value (escapes applied). */
  value: string;
  quote: '"' | "'";
  /**
   * Offset in the script text of each decoded character's first source character, when any escape made
   * them differ; absent when value[i] sits at start + 1 + i.
   */
  charOffsets?: number[];
}
export interface NumberLiteral extends NodeBase { kind: 'Number'; value: number; raw: string }
export interface BooleanLiteral extends NodeBase { kind: 'Boolean'; value: boolean }
/** A local variable (bare name). */
export interface Identifier extends NodeBase { kind: 'Identifier'; name: string }
/** `$name` — a global, project or Jitterbit variable (name without `$`, dots kept). */
export interface GlobalVariable extends NodeBase { kind: 'Global'; name: string }
/** A transformation source reference: `root$a$b$` (field path) or `[root$a$b$]` (node path). */
export interface SourceReference extends NodeBase { kind: 'SourceRef'; path: string; node: boolean }
/** `#1` instance index inside a mapping. */
export interface InstanceIndex extends NodeBase { kind: 'InstanceIndex'; value: number }
export interface ArrayLiteral extends NodeBase { kind: 'Array'; elements: Expr[] }
export interface Call extends NodeBase {
  kind: 'Call';
  /** Name as written; function names are case-insensitive. */
  name: string;
  nameStart: number;
  nameEnd: number;
  args: Expr[];
}
export interface IndexExpr extends NodeBase { kind: 'Index'; object: Expr; index: Expr }
export interface Unary extends NodeBase { kind: 'Unary'; op: '-' | '!' | '+'; operand: Expr }
export interface Update extends NodeBase { kind: 'Update'; op: '++' | '--'; prefix: boolean; operand: Expr }
export type BinaryOp = '^' | '*' | '/' | '+' | '-' | '<' | '>' | '<=' | '>=' | '==' | '!=' | '&' | '&&' | '|' | '||';
export interface Binary extends NodeBase { kind: 'Binary'; op: BinaryOp; left: Expr; right: Expr }
export interface Assign extends NodeBase { kind: 'Assign'; op: '=' | '+=' | '-='; target: Expr; value: Expr }
/** `a; b; c` inside a call argument or parentheses — value is the last expression. */
export interface Sequence extends NodeBase { kind: 'Sequence'; exprs: Expr[] }
export interface Paren extends NodeBase { kind: 'Paren'; expr: Expr }
/** An expected expression that is absent (zero-width at the point it was expected). */
export interface Missing extends NodeBase { kind: 'Missing' }
/** Tokens the parser skipped while recovering. */
export interface ErrorNode extends NodeBase { kind: 'Error'; children: Expr[] }

export type Expr =
  | StringLiteral | NumberLiteral | BooleanLiteral | Identifier | GlobalVariable | SourceReference | InstanceIndex
  | ArrayLiteral | Call | IndexExpr | Unary | Update | Binary | Assign | Sequence | Paren | Missing | ErrorNode;

export interface Comment extends NodeBase {
  kind: 'LineComment' | 'BlockComment';
  /** Comment text without the `//`, `/*`, `*\/` markers. */
  text: string;
}

export interface Program extends NodeBase {
  kind: 'Program';
  /** Top-level statements, in order; the last one's value is the script result. */
  body: Expr[];
  comments: Comment[];
  /** Offsets of the `<trans>` content (body range); absent when the text has no `<trans>` tag. */
  transOpen?: NodeBase;
  transClose?: NodeBase;
  /** True when there is no `<trans>` tag and the whole text is a string result. */
  plainText: boolean;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface SyntaxDiagnostic {
  /** Stable code, e.g. `syntax/unexpected-token`. */
  code: string;
  message: string;
  severity: Severity;
  start: number;
  end: number;
}

export interface ParseResult {
  program: Program;
  diagnostics: SyntaxDiagnostic[];
}
