/**
 * Locates the first syntax error of a JSON text (RFC 8259), for messages like "line 3, column 7: expected ','".
 * `JSON.parse` in Node 20 often reports no position, so this iterative scanner (explicit stack, linear time, never
 * throws) runs only after `JSON.parse` failed.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function findJsonError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  let i = 0;
  // Stack of containers: '{' or '['. State machine over "what is expected next".
  const stack: string[] = [];
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  let expect = 'value' as Expect;

  const skipWs = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const describe = (at: number): string => {
    if (at >= n) return 'end of file';
    const c = text[at];
    if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return 'a comment (comments are not allowed in JSON)';
    return `'${c}'`;
  };
  const err = (what: string, at = i): JsonSyntaxError => ({ offset: at, message: `expected ${what}, found ${describe(at)}` });

  const afterValue = (): void => {
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
  };

  // Scans a string starting at text[i] === '"'; returns an error or advances i past the closing quote.
  const scanString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) break;
        if ('"\\/bfnrt'.includes(e)) {
          i += 2;
          continue;
        }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'invalid \\u escape in string' };
          i += 6;
          continue;
        }
        return { offset: i, message: `invalid escape '\\${e}' in string` };
      }
      if (c < 0x20) return { offset: i, message: 'control character or line break inside a string (unterminated string?)' };
      i++;
    }
    return { offset: start, message: 'unterminated string' };
  };

  const scanNumber = (): JsonSyntaxError | undefined => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return err('a value');
    i += m[0].length;
    return undefined;
  };

  while (true) {
    skipWs();
    const c = text[i];
    switch (expect) {
      case 'end':
        if (i < n) return { offset: i, message: `unexpected ${describe(i)} after the end of the JSON value` };
        return undefined;
      case 'colon':
        if (c !== ':') return err("':'");
        i++;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        const close = top === '{' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
          continue;
        }
        if (c === close) {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        return err(`',' or '${close}'`);
      }
      case 'key':
      case 'key-or-close': {
        if (c === '}' && expect === 'key-or-close') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c !== '"') return err(expect === 'key' ? 'a property name in double quotes (trailing comma?)' : "a property name in double quotes or '}'");
        const e = scanString();
        if (e) return e;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (c === ']' && expect === 'value-or-close') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c === '{') {
          i++;
          stack.push('{');
          expect = 'key-or-close';
          continue;
        }
        if (c === '[') {
          i++;
          stack.push('[');
          expect = 'value-or-close';
          continue;
        }
        if (c === '"') {
          const e = scanString();
          if (e) return e;
          afterValue();
          continue;
        }
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
          const e = scanNumber();
          if (e) return e;
          afterValue();
          continue;
        }
        let matched = false;
        for (const lit of ['true', 'false', 'null']) {
          if (text.startsWith(lit, i)) {
            i += lit.length;
            matched = true;
            break;
          }
        }
        if (matched) {
          afterValue();
          continue;
        }
        if (i >= n) return err('a value');
        return err(expect === 'value' && stack.length > 0 && stack[stack.length - 1] === '[' ? 'a value (trailing comma?)' : 'a value');
      }
    }
  }
}
