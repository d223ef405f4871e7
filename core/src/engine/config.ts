/**
 * `.jitterbit-guard.json`: lookup, validation, merge and allowlist queries. Shared by the CLI and the server.
 *
 * Lookup: from the analysed file's folder upwards to the filesystem root, stopping after a config with
 * `"root": true`. Merge: farther configs first, nearer ones on top, then `overrides` (editor settings):
 * - `rules`: per key, the nearer setting wins. A bare severity keeps inherited options; `[severity, options]`
 *   replaces them. A wildcard key (`secrets/*`, `*`) in a nearer config replaces every farther entry it covers.
 *   Lookup is most specific first: exact id, then the longest `prefix/*`, then `*`.
 * - `allowlist.paths` / `values` / `hashes`: concatenated (paths stay relative to their own config's folder).
 * - `failLevel`: the nearest config that sets it wins; the default is `'warning'`, so by default the CLI exits 1 on
 *   any warning or error (exit 0 means "no finding at or above the fail level").
 *
 * Never throws: invalid JSON, unknown keys, wrong types, unknown rule ids, bad severities, bad globs and bad regexes
 * become `problems` (each naming the file); the valid parts of the file still apply.
 */

// The parts, each in its own module: config-parse (text and positions), config-schema (validation), config-resolve
// (lookup and merge), config-rules (rule-id lookup), config-allowlist (allowlist queries), json-error.
export { CONFIG_FILE_NAME, DEFAULT_CONFIG, DEFAULT_FAIL_LEVEL, OVERRIDES_LABEL, ConfigResolver, resolveConfig, type ResolveOptions } from './config-resolve';
export { FAIL_LEVELS, RULE_SETTINGS, type ConfigProblem } from './config-schema';
export { parseConfigText } from './config-parse';
export { ruleIdMatches, ruleOptions, ruleSeverity } from './config-rules';
export { MAX_REGEX_INPUT_LENGTH, MAX_VALUE_PATTERN_LENGTH, compileValuePattern, isPathAllowed, isValueAllowed, valueHash } from './config-allowlist';
export { findJsonError, type JsonSyntaxError } from './json-error';
