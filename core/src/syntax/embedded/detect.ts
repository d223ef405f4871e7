/**
 * Host-kind detection by extension and by content, plus cheap guards callers use before reading a file.
 */
import type { FileKind } from '../source-file';
import { agentConfByName, hasAgentConfLayout, looksLikeIni } from './jitterbit-conf';
import { firstContent } from './script-text';

/** Files larger than this are skipped by callers with a message (8 MiB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Characters that count as control characters below (NUL included); matching them is the point here. */
// eslint-disable-next-line no-control-regex
const SUSPECT_RE = /[\0-\x08\x0e-\x1a\x1c-\x1f\ufffd]/;

/**
 * True when the text looks like binary content decoded as text: a NUL character, or more than 10% control
 * characters (other than tab, line breaks, form feed, escape) in the first 8,192 characters.
 */
export function isProbablyBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  // One native scan settles ordinary text (no control character at all).
  if (!SUSPECT_RE.test(n < text.length ? text.slice(0, n) : text)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27 && c !== 11) || c === 0xfffd) control++;
  }
  return control * 10 > n;
}

/** What a path/text pair claims to be: the kind to try, and whether the claim came from the extension. */
export interface KindGuess {
  kind: FileKind;
  /** The host format to parse: decides which parser runs. */
  format: 'jitterbit' | 'javascript' | 'json' | 'xml' | 'conf' | 'none';
  /** True when only the content (not the extension) decided. */
  byContent: boolean;
}

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return (cut >= 0 ? path.slice(cut + 1) : path).toLowerCase();
}

function extension(base: string): string {
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

export function guessKind(path: string, text: string): KindGuess {
  const base = baseName(path);
  const ext = extension(base);
  const at = firstContent(text);
  if (text.startsWith('<javascript>', at) && ext !== '.json' && ext !== '.xml') return { kind: 'jitterbit-javascript', format: 'javascript', byContent: ext !== '.js' };
  if (text.startsWith('<trans>', at) && ext !== '.json' && ext !== '.xml') return { kind: 'jitterbit-script', format: 'jitterbit', byContent: ext !== '.jb' && ext !== '.jitterbit' };
  switch (ext) {
    case '.jb':
    case '.jitterbit':
      return { kind: 'jitterbit-script', format: 'jitterbit', byContent: false };
    case '.js':
      return { kind: 'jitterbit-javascript', format: 'javascript', byContent: false };
    case '.json':
      return { kind: 'cloud-studio-export', format: 'json', byContent: false };
    case '.xml':
      return { kind: 'design-studio-xml', format: 'xml', byContent: false };
  }
  // `jitterbit.conf` and its copies and variants by name (`jitterbit.conf.bak`, `prod-jitterbit.conf`); another
  // `.conf` file is an agent's only with jitterbit.conf's own sections (many tools write INI `.conf` files).
  const conf = agentConfByName(base);
  if (conf === 'name') return { kind: 'jitterbit-conf', format: 'conf', byContent: false };
  if (conf === 'content') {
    return hasAgentConfLayout(text) ? { kind: 'jitterbit-conf', format: 'conf', byContent: true } : { kind: 'unsupported', format: 'none', byContent: true };
  }
  // Unknown extension: sniff.
  const c = text.charAt(at);
  if (c === '{') return { kind: 'cloud-studio-export', format: 'json', byContent: true };
  if (c === '<' && (text.startsWith('<?xml', at) || text.startsWith('<Entity', at))) return { kind: 'design-studio-xml', format: 'xml', byContent: true };
  if (looksLikeIni(text)) return { kind: 'jitterbit-conf', format: 'conf', byContent: true };
  return { kind: 'unsupported', format: 'none', byContent: true };
}
