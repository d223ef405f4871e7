import { createHash } from 'node:crypto';
import { compileGlobs, type GlobMatcher } from './glob';
import type { ResolvedConfig } from './project-api';

/**
 * The allowlist: compiling `allowlist.values` patterns safely, and the path and value queries the linter asks for
 * each file and finding. Apart from validation because the queries run per finding.
 */

/** Longest accepted `allowlist.values` pattern. */
export const MAX_VALUE_PATTERN_LENGTH = 1000;
/** Raw values longer than this are only checked against hashes, never run through allowlist regexes. */
export const MAX_REGEX_INPUT_LENGTH = 16384;

/**
 * Compiles an `allowlist.values` pattern with guards: at most 1,000 characters, no nested quantifier like `(a+)+`
 * (exponential backtracking), a leading `(?i)` means case-insensitive. Returns the regex or an error message.
 */
export function compileValuePattern(pattern: string): RegExp | string {
  if (pattern.length === 0) return 'empty pattern';
  if (pattern.length > MAX_VALUE_PATTERN_LENGTH) return `pattern longer than ${MAX_VALUE_PATTERN_LENGTH} characters`;
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  if (hasNestedQuantifier(source)) return 'nested quantifier (like "(a+)+") can take exponential time; rewrite the pattern';
  try {
    return new RegExp(source, flags);
  } catch (e) {
    // V8 quotes the whole pattern (`Invalid regular expression: /…/i: Unterminated group`), and an allowlist pattern
    // may spell the very value it allows: keep only the reason.
    const message = e instanceof Error ? e.message : String(e);
    const quoted = `Invalid regular expression: /${source}/${flags}: `;
    return message.startsWith(quoted) ? message.slice(quoted.length) : 'not a valid regular expression';
  }
}

/** A quantified group that itself contains a quantifier: the classic catastrophic-backtracking shape. Linear scan. */
function hasNestedQuantifier(src: string): boolean {
  const groupHasQuantifier: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      groupHasQuantifier.push(false);
      continue;
    }
    const isQuant = c === '*' || c === '+' || (c === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(i, i + 24)));
    if (c === ')') {
      const inner = groupHasQuantifier.pop() ?? false;
      const next = src[i + 1];
      const quantified = next === '*' || next === '+' || (next === '{' && /^\{\d+(,\d*)?\}/.test(src.slice(i + 1, i + 25)));
      if (inner && quantified) return true;
      if (inner || quantified) {
        if (groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
      }
      continue;
    }
    if (isQuant && groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
  }
  return false;
}

const matcherCache = new WeakMap<object, GlobMatcher>();

/** True when `filePath` matches an `allowlist.paths` glob (relative to the folder of the config that declared it). */
export function isPathAllowed(config: ResolvedConfig, filePath: string): boolean {
  for (const entry of config.allowPaths) {
    let m = matcherCache.get(entry);
    if (!m) {
      m = compileGlobs(entry.base, entry.globs);
      matcherCache.set(entry, m);
    }
    if (m.matches(filePath)) return true;
  }
  return false;
}

/** SHA-256 hex (lower case) of a raw value, as `allowlist.hashes` expects it. */
export function valueHash(rawValue: string): string {
  return createHash('sha256').update(rawValue, 'utf8').digest('hex');
}

/**
 * True when the raw value's SHA-256 is in `allowlist.hashes` or an `allowlist.values` regex finds a match in it
 * (unanchored search: write `^…$` for a whole-value match).
 */
export function isValueAllowed(config: ResolvedConfig, rawValue: string): boolean {
  if (config.allowHashes.size > 0 && config.allowHashes.has(valueHash(rawValue))) return true;
  if (config.allowValues.length === 0 || rawValue.length > MAX_REGEX_INPUT_LENGTH) return false;
  for (const re of config.allowValues) {
    re.lastIndex = 0;
    if (re.test(rawValue)) return true;
  }
  return false;
}
