/**
 * References to other project components written inside string literals (reference §a.10):
 * Cloud Studio `<TAG>script:Name</TAG>` (also operation, email, plugin, endpoint, activity), Design Studio
 * folder paths `<TAG>Scripts/…</TAG>`, the untagged `activity:…` form used from JavaScript, and the on-disk
 * Design Studio keys `sc.<uuid>` / `op.<uuid>`.
 */

export type ComponentRefKind =
  | 'script'
  | 'operation'
  | 'email'
  | 'plugin'
  | 'endpoint'
  | 'activity'
  | 'design-studio'
  | 'script-uuid'
  | 'operation-uuid';

export interface ComponentRef {
  kind: ComponentRefKind;
  /** For tagged Cloud Studio forms: the text after `kind:` (e.g. `database/My Database` for an endpoint);
   *  for Design Studio: the folder path; for `sc.`/`op.` keys: the uuid. */
  name: string;
  /** Offsets within the string value of the whole reference (including `<TAG>` … `</TAG>` when present). */
  start: number;
  end: number;
}

const OPEN = '<TAG>';
const CLOSE = '</TAG>';
const PREFIXED = /^(script|operation|email|plugin|endpoint|activity):/i;
// Fixed-length pieces only: no backtracking blow-up.
const UUID_KEY = /(?<![0-9A-Za-z_.])(sc|op)\.([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9A-Za-z_-])/g;

export function extractComponentRefs(value: string): ComponentRef[] {
  const refs: ComponentRef[] = [];
  let from = 0;
  let tagged = false;
  while (true) {
    const open = value.indexOf(OPEN, from);
    if (open < 0) break;
    const close = value.indexOf(CLOSE, open + OPEN.length);
    if (close < 0) break;
    tagged = true;
    const inner = value.slice(open + OPEN.length, close).trim();
    const end = close + CLOSE.length;
    const m = PREFIXED.exec(inner);
    if (m) {
      const name = inner.slice(m[0].length).trim();
      if (name) refs.push({ kind: m[1].toLowerCase() as ComponentRefKind, name, start: open, end });
    } else if (inner) {
      const key = /^(sc|op)\.([0-9a-fA-F-]{36})$/.exec(inner);
      if (key) refs.push({ kind: key[1] === 'sc' ? 'script-uuid' : 'operation-uuid', name: key[2], start: open, end });
      else refs.push({ kind: 'design-studio', name: inner, start: open, end });
    }
    from = end;
  }
  if (!tagged) {
    // Untagged `kind:name` only when it is the whole value (lower-case prefix, one line), as the docs show it.
    let s = 0;
    let e = value.length;
    while (s < e && value.charCodeAt(s) <= 32) s++;
    while (e > s && value.charCodeAt(e - 1) <= 32) e--;
    const whole = value.slice(s, e);
    const m = /^(script|operation|email|plugin|endpoint|activity):/.exec(whole);
    if (m && !/[\r\n]/.test(whole)) {
      const kind = m[1] as ComponentRefKind;
      const name = whole.slice(m[0].length).trim();
      const needsSlash = kind === 'endpoint' || kind === 'activity';
      if (name && (!needsSlash || name.includes('/')) && !(kind === 'email' && name.includes('@'))) {
        refs.push({ kind, name, start: s, end: e });
      }
    }
  }
  // Tag refs are in order and disjoint, matches come in order: one forward pointer skips keys inside tags.
  const tags = refs.slice();
  let k = 0;
  UUID_KEY.lastIndex = 0;
  for (let m = UUID_KEY.exec(value); m; m = UUID_KEY.exec(value)) {
    const start = m.index;
    const end = start + m[0].length;
    while (k < tags.length && tags[k].end <= start) k++;
    if (k < tags.length && tags[k].start <= start) continue;
    refs.push({ kind: m[1] === 'sc' ? 'script-uuid' : 'operation-uuid', name: m[2], start, end });
  }
  refs.sort((a, b) => a.start - b.start);
  return refs;
}
