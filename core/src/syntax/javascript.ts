/**
 * Jitterbit JavaScript (ECMA-262 5.1) parsing with acorn. A tree is always returned: a syntax error becomes a
 * diagnostic and the text is re-parsed with acorn-loose; if even that fails (e.g. stack exhaustion on
 * pathological nesting) an empty Program is returned with a diagnostic. Offsets are relative to `text`.
 */
import * as acorn from 'acorn';
import * as acornLoose from 'acorn-loose';
import type { SyntaxDiagnostic } from './ast';

export interface JsComment {
  kind: 'LineComment' | 'BlockComment';
  /** Comment text without the `//`, `/*`, `*\/` markers. */
  text: string;
  start: number;
  end: number;
}

export interface JavaScriptParseResult {
  /** ESTree Program (ES5), with `start`/`end` and `range` on every node. */
  program: acorn.Program;
  comments: JsComment[];
  diagnostics: SyntaxDiagnostic[];
  /** True when the tree came from acorn-loose (the strict parse failed). */
  loose: boolean;
}

/** Diagnostic code of a JavaScript syntax error. */
export const JS_SYNTAX_ERROR = 'syntax/javascript-error';
/** Diagnostic code when no parser could produce a tree (the result holds an empty Program). */
export const JS_UNPARSABLE = 'syntax/javascript-unparsable';

function options(comments: JsComment[]): acorn.Options {
  return {
    ecmaVersion: 5,
    sourceType: 'script',
    locations: false,
    ranges: true,
    allowReturnOutsideFunction: true,
    allowReserved: true,
    onComment: (block: boolean, text: string, start: number, end: number) => {
      comments.push({ kind: block ? 'BlockComment' : 'LineComment', text, start, end });
    },
  };
}

function emptyProgram(length: number): acorn.Program {
  return { type: 'Program', body: [], sourceType: 'script', start: 0, end: length, range: [0, length] } as acorn.Program;
}

function errorPosition(e: unknown, length: number): number {
  const pos = (e as { pos?: unknown }).pos;
  return typeof pos === 'number' && pos >= 0 ? Math.min(pos, length) : 0;
}

function errorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  // acorn appends " (line:column)"; positions are reported through the diagnostic range instead.
  return m.replace(/ \(\d+:\d+\)$/, '');
}

export function parseJavaScript(text: string): JavaScriptParseResult {
  const diagnostics: SyntaxDiagnostic[] = [];
  let comments: JsComment[] = [];
  try {
    const program = acorn.parse(text, options(comments));
    return { program, comments, diagnostics, loose: false };
  } catch (e) {
    const pos = errorPosition(e, text.length);
    if (e instanceof SyntaxError) {
      diagnostics.push({
        code: JS_SYNTAX_ERROR,
        message: `JavaScript syntax error: ${errorMessage(e)}`,
        severity: 'error',
        start: pos,
        end: Math.min(pos + 1, text.length),
      });
    } else {
      diagnostics.push({
        code: JS_UNPARSABLE,
        message: `JavaScript could not be parsed (${e instanceof RangeError ? 'nesting too deep' : errorMessage(e)})`,
        severity: 'error',
        start: 0,
        end: 0,
      });
      return { program: emptyProgram(text.length), comments: [], diagnostics, loose: true };
    }
  }
  comments = [];
  try {
    const program = acornLoose.parse(text, options(comments));
    return { program, comments, diagnostics, loose: true };
  } catch (e) {
    diagnostics.push({
      code: JS_UNPARSABLE,
      message: `JavaScript could not be parsed (${e instanceof RangeError ? 'nesting too deep' : errorMessage(e)})`,
      severity: 'error',
      start: 0,
      end: 0,
    });
    return { program: emptyProgram(text.length), comments: [], diagnostics, loose: true };
  }
}
