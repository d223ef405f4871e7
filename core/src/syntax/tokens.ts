/**
 * Tokens of Jitterbit Script as the lexer emits them. Comments and whitespace are trivia: comments go to a
 * separate list, whitespace is dropped.
 */
export type TokenKind =
  /** Quoted string; `value` holds the decoded text. */
  | 'String'
  /** `1`, `1.5`, `.5`, `5.`; `text` is the raw spelling. */
  | 'Number'
  /** A digit run glued to letters or dots (`5345bnj435`, `1..2`); already reported by the lexer. */
  | 'InvalidNumber'
  /** `true` / `false` (the only keywords). */
  | 'Boolean'
  /** Local variable or function name. */
  | 'Identifier'
  /** `$name` — `text` is the name without `$`. */
  | 'Global'
  /** Transformation source field path `root$a.b$c$` (`text` is the whole path). */
  | 'SourceRef'
  /** `#1` — `text` is the digits. */
  | 'InstanceIndex'
  /** Operators and punctuation; `text` is the spelling (`+`, `&&`, `(`, `;`, ...). */
  | 'Punct'
  /** `%`, `*=`, `/=`, `^=`: not supported by Jitterbit; already reported by the lexer. */
  | 'Unsupported'
  /** A run of characters that cannot start a token; already reported by the lexer. */
  | 'Unknown'
  /** `</trans>`; the parser stops at it. */
  | 'TransClose'
  /** End of the script text (always the last token). */
  | 'EOF';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** See TokenKind for what it holds; for String it is the decoded value. */
  text: string;
  /** String only. */
  quote?: '"' | "'";
  /** String only: offset of each decoded character when an escape made offsets differ (see ast.ts). */
  charOffsets?: number[];
}

/** Binding power of binary and assignment operators (higher binds tighter), per reference §a.6. */
export const enum Prec {
  None = 0,
  Assign = 1,
  Or = 2,
  And = 3,
  Compare = 4,
  Additive = 5,
  Multiplicative = 6,
  /** `!` sits between `*` and `^` in the documented table. */
  Not = 7,
  Power = 8,
  /** Prefix and postfix `++ -- -` (and unofficial unary `+`). */
  Unary = 9,
}

/** Precedence of a binary (non-assignment) operator spelling, or Prec.None. */
export function binaryPrecedence(op: string): Prec {
  switch (op) {
    case '|':
    case '||':
      return Prec.Or;
    case '&':
    case '&&':
      return Prec.And;
    case '<':
    case '>':
    case '<=':
    case '>=':
    case '==':
    case '!=':
      return Prec.Compare;
    case '+':
    case '-':
      return Prec.Additive;
    case '*':
    case '/':
    case '%':
      return Prec.Multiplicative;
    case '^':
      return Prec.Power;
    default:
      return Prec.None;
  }
}

export function isAssignOp(op: string): boolean {
  return op === '=' || op === '+=' || op === '-=' || op === '*=' || op === '/=' || op === '^=';
}
