import { LineMap } from '../syntax/text';
import { validateLayer, type ConfigProblem, type Layer, type Locate } from './config-schema';
import { dirnameOf } from './glob';
import { findJsonError } from './json-error';
import { locateJsonKey } from './json-locate';
import type { ConfigFile } from './project-api';

/**
 * A config file's text to a Layer: JSON parsing with positions (a syntax error at its line and column, a problem at
 * its member's key) for messages and an editor's diagnostics.
 */

/** Parses and validates one config file text. Exported for hosts that validate the file being edited. */
export function parseConfigText(path: string, text: string, knownRuleIds?: Set<string>): { config: ConfigFile; problems: ConfigProblem[] } {
  const layer = parseLayer(path, dirnameOf(path), text, knownRuleIds);
  return { config: layerToConfigFile(layer), problems: layer.problems };
}

function layerToConfigFile(layer: Layer): ConfigFile {
  const config: ConfigFile = {};
  if (layer.root) config.root = true;
  if (layer.rules.length > 0) {
    config.rules = {};
    for (const [id, e] of layer.rules) config.rules[id] = e.options ? [e.severity, e.options] : e.severity;
  }
  if (layer.allowPaths.length + layer.allowValues.length + layer.allowHashes.length > 0) {
    config.allowlist = {};
    if (layer.allowPaths.length) config.allowlist.paths = [...layer.allowPaths];
    if (layer.allowValues.length) config.allowlist.values = layer.allowValues.map((r) => (r.flags.includes('i') ? `(?i)${r.source}` : r.source));
    if (layer.allowHashes.length) config.allowlist.hashes = [...layer.allowHashes];
  }
  if (layer.failLevel) config.failLevel = layer.failLevel;
  return config;
}

export function parseLayer(path: string, dir: string, rawText: string, knownRuleIds: Set<string> | undefined): Layer {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const layer: Layer = { path, dir, root: false, rules: [], allowPaths: [], allowValues: [], allowHashes: [], problems: [] };
    const located = text.trim() === '' ? { offset: 0, message: 'the file is empty' } : findJsonError(text);
    if (located) {
      const pos = new LineMap(text).positionAt(located.offset);
      const reason = `invalid JSON: ${located.message}`;
      // Offsets in the text as given (a BOM, cut above, is one character of it).
      const at = Math.min(located.offset + (text === rawText ? 0 : 1), rawText.length);
      layer.problems.push({ path, message: `${path}:${pos.line + 1}:${pos.character + 1}: ${reason}`, reason, at: { start: at, end: Math.min(at + 1, rawText.length) } });
    } else {
      const reason = `invalid JSON: ${e instanceof Error ? e.message : String(e)}`;
      layer.problems.push({ path, message: `${path}: ${reason}`, reason });
    }
    return layer;
  }
  const shift = text === rawText ? 0 : 1;
  const locate: Locate = (keys) => {
    const at = locateJsonKey(text, keys);
    return at && { start: at.start + shift, end: at.end + shift };
  };
  return validateLayer(value, path, dir, knownRuleIds, locate);
}
