import type { ScriptRegion } from '../syntax/source-file';

/** Re-encodes replacement script text for the host the region is embedded in. */
export function encodeForRegion(text: string, encoding: ScriptRegion['encoding']): string {
  switch (encoding) {
    case 'raw':
      return text;
    case 'json-string':
      return JSON.stringify(text).slice(1, -1);
    case 'xml-text':
      return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
}

/** A Jitterbit Script string literal for `value`, choosing the quote that needs fewer escapes. */
export function scriptString(value: string): string {
  const q = value.includes('"') && !value.includes("'") ? "'" : '"';
  const body = value.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t').split(q).join(`\\${q}`);
  return `${q}${body}${q}`;
}
