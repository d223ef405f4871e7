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
  /** True when the strict ES5 parse failed (the tree is a later edition's parse or acorn-loose's recovery). */
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

/** Deepest bracket nesting handed to acorn; deeper text is refused (acorn recurses per level). */
export const MAX_JS_NESTING = 200;

/**
 * Maximum nesting of `(`, `[`, `{` outside string literals and comments. Linear; regular-expression literals
 * are not recognised (a bracket inside one can only over-count, which errs on the safe side).
 */
export function maxBracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === 34 || c === 39) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === c || d === 10 || d === 13) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    i++;
  }
  return max;
}

let warmedUp = false;

/**
 * V8 compiles a regular expression on first use; if that first use happens with the stack nearly exhausted
 * (acorn's stack-overflow handler tests the error message with a regex deep inside the recursion), the process
 * dies with a fatal "RegExpCompiler allocation failed". Parsing a representative snippet and running the
 * handler once, with plenty of stack, compiles those expressions ahead of time.
 */
function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  const snippet =
    'var a = [1, {b: "x", c: 0x1f}, /re[a-z]+/g, .5e3]; function f(x) { return x ? a : (a, x); }\n// c\n/* d */' +
    "if (a) { a += 1 } else if (!a) {} for (var i in a) {} for (;;) { break } try {} catch (e) {} finally {}" +
    "switch (a) { case 1: break; default: } while (0) {} do {} while (0); a = 'e\\u00e9\\n' + typeof a;";
  for (const text of [snippet, snippet + ' // \u263a']) {
    for (let k = 0; k < 3; k++) {
      try {
        acorn.parse(text, { ecmaVersion: 5 });
        acornLoose.parse(text + ' var = ;', { ecmaVersion: 5 });
      } catch {
        // warm-up only
      }
    }
  }
  const proto = acorn.Parser.prototype as unknown as { catchStackOverflow?: (this: unknown, f: () => unknown) => unknown };
  if (typeof proto.catchStackOverflow === 'function') {
    const fake = { start: 0, raise: (): never => { throw new SyntaxError('warm-up'); } };
    for (let k = 0; k < 3; k++) {
      try {
        proto.catchStackOverflow.call(fake, () => {
          throw new RangeError('Maximum call stack size exceeded');
        });
      } catch {
        // expected
      }
    }
  }
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
  warmUp();
  const depth = maxBracketDepth(text);
  if (depth > MAX_JS_NESTING) {
    diagnostics.push({
      code: JS_UNPARSABLE,
      message: `JavaScript not parsed: brackets nest ${depth} levels deep (limit ${MAX_JS_NESTING}).`,
      severity: 'error',
      start: 0,
      end: 0,
    });
    return { program: emptyProgram(text.length), comments: [], diagnostics, loose: true };
  }
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
      return unparsable(e, text, diagnostics);
    }
  }
  // Not Jitterbit JavaScript (ES5.1) but often written (arrow functions, `const`, template and computed keys): a later
  // edition's exact tree serves the analysis better than acorn-loose's recovery. The ES5 error stays reported.
  comments = [];
  try {
    const program = acorn.parse(text, { ...options(comments), ecmaVersion: 2020 });
    return { program, comments, diagnostics, loose: true };
  } catch {
    // not that either: acorn-loose recovers what it can
  }
  comments = [];
  try {
    const program = acornLoose.parse(text, options(comments));
    return { program, comments, diagnostics, loose: true };
  } catch (e) {
    return unparsable(e, text, diagnostics);
  }
}

/** Neither parser could build a tree: an empty program and one diagnostic saying why. */
function unparsable(e: unknown, text: string, diagnostics: SyntaxDiagnostic[]): JavaScriptParseResult {
  diagnostics.push({
    code: JS_UNPARSABLE,
    message: `JavaScript could not be parsed (${e instanceof RangeError ? 'nesting too deep' : errorMessage(e)})`,
    severity: 'error',
    start: 0,
    end: 0,
  });
  return { program: emptyProgram(text.length), comments: [], diagnostics, loose: true };
}
