/** Where a member of a JSON text is: for problems of a config file shown at their key in an editor. */

/**
 * Offsets of the key (quotes included) of the member at `keys` (object keys from the top, e.g. `['rules', 'pii/x']`),
 * or undefined when the text has no such member (or the path goes through an array). The first of duplicates wins.
 * Tolerant: it scans strings and brackets only, so it also runs on text JSON.parse accepted with a BOM.
 */
export function locateJsonKey(text: string, keys: readonly string[]): { start: number; end: number } | undefined {
  if (keys.length === 0) return undefined;
  // Per open container: whether it is an object, and the key being read in it.
  const stack: { object: boolean; key?: string }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack[stack.length - 1];
      if (!top?.object || !expectKey) continue;
      expectKey = false;
      top.key = keyText(text.slice(start, i + 1));
      if (stack.length === keys.length && stack.every((s, d) => s.key === keys[d])) return { start, end: i + 1 };
    } else if (c === '{' || c === '[') {
      stack.push({ object: c === '{' });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack[stack.length - 1]?.object === true;
    }
  }
  return undefined;
}

function keyText(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
