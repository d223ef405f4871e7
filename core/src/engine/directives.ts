import { createHash } from 'node:crypto';
import { mask } from '../detectors/mask';
import type { LineMap } from '../syntax/text';
import type { Finding, RuleMeta, TextEdit } from './types';

/**
 * Suppression directives in comments.
 *
 * Jitterbit Guard's own (rule ids separated by commas or spaces; `prefix/*` and `*` wildcards; no id = all rules):
 * - `jitterbit-guard-disable-next-line <ids> -- <reason>`: the first line after the comment's last line;
 * - `jitterbit-guard-disable-line <ids> -- <reason>`: every line the comment touches;
 * - `jitterbit-guard-disable <ids> -- <reason>` … `jitterbit-guard-enable [<ids>]`: from the disable comment's first
 *   line through the enable comment's last line (inclusive; to the end of the file when never enabled). An enable
 *   without ids closes every open range; `enable secrets/*` closes `secrets/*` and `secrets/x` ranges, but
 *   `enable secrets/x` does not carve a hole into an open `secrets/*` range;
 * - `jitterbit-guard-disable-file <ids> -- <reason>`: the whole file.
 * In a file holding several scripts edited one by one (a project export), a directive in a script stays in it:
 * `disable-file` means that script, and a `disable` never enabled ends with it (see DirectiveComment.scope).
 * The directive must start the comment (after whitespace and the `*` of JSDoc-style block lines); in a multi-line
 * block comment the ids and the reason may continue on the following lines.
 *
 * Directives of other scanners, honoured for the secret rules only (ids starting with `secrets/`), anywhere in a
 * comment, no reason needed (their syntax has none; a reason after them is fine):
 * - `gitleaks:allow` and detect-secrets' `pragma: allowlist secret`: every line the comment touches;
 * - `pragma: allowlist nextline secret`: the first line after the comment.
 *
 * Matching is by the line of a finding's start. A suppression never hides a finding on another line (except ranges
 * and file-wide ones, by definition). A directive with an id list of `*` or no ids does not hide `syntax`,
 * `internal` or `directive` findings; name them explicitly to do so.
 *
 * Problems (findings of category `directive`, severity `warning`; hosts may remap it with the config):
 * - `directives/missing-reason`: a jitterbit-guard disable directive without ` -- <reason>` (or with the
 *   `<reason>` placeholder). It still suppresses: the finding is hidden, the missing reason is what gets reported.
 * - `directives/unused`: a directive (or one of its rule ids) that suppressed nothing, and an enable that closed
 *   nothing. Foreign directives are reported too (the same terms), unless `reportUnusedForeign: false` — for teams
 *   that also run gitleaks or detect-secrets, whose `allow` comments may be needed by those tools.
 * Pass `applyDirectives` the findings after config filtering (rules turned off make their directives unused, as in
 * ESLint). Linear in comments + findings (plus a sort of the findings).
 */

/** A comment of the file: text without `//`, `#`, `/*`, `*\/`; host offsets of the whole comment; 0-based lines. */
export interface DirectiveComment {
  text: string;
  start: number;
  end: number;
  /** 0-based line of the comment start. */
  line: number;
  /** 0-based line of the comment end. */
  endLine: number;
  /**
   * Lines of the script holding the comment, when the file holds several scripts edited one by one (a project
   * export): there `disable-file` means that script, and a `disable` never enabled ends with it.
   */
  scope?: { startLine: number; endLine: number };
}

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Whose syntax: ours, or a foreign scanner's honoured directive. */
  origin: 'jitterbit-guard' | 'gitleaks' | 'detect-secrets';
  /** The directive as written without its reason, for messages: `jitterbit-guard-disable-line secrets/a`, `gitleaks:allow`. */
  label: string;
  /** Rule ids or `prefix/*` / `*` wildcards; empty = all rules. Foreign directives: `['secrets/*']`. */
  ruleIds: string[];
  /** Text after ` -- `, whitespace-collapsed; undefined when absent. */
  reason?: string;
  /** True for jitterbit-guard disable kinds: a missing reason is reported. */
  requiresReason: boolean;
  /** The comment holding the directive (host offsets, 0-based lines). */
  start: number;
  end: number;
  line: number;
  endLine: number;
  /** True when the comment holds nothing but this directive (so removing the comment loses nothing else). */
  wholeComment: boolean;
  /** See DirectiveComment.scope. */
  scope?: { startLine: number; endLine: number };
}

export const MISSING_REASON_RULE_ID = 'directives/missing-reason';
export const UNUSED_RULE_ID = 'directives/unused';
/** A suppression comment generated without a reason carries this placeholder; it does not count as a reason. */
export const REASON_PLACEHOLDER = '<reason>';

const DOCS_BASE = 'https://github.com/jitterbit-guard/jitterbit-guard/blob/main/core/docs/rules/';

/**
 * Metadata of the two directive problems. `cwe` is 0: they are hygiene of the suppression mechanism, not a weakness
 * (reporters must not emit a CWE tag for 0).
 */
export const DIRECTIVE_RULES: RuleMeta[] = [
  {
    id: MISSING_REASON_RULE_ID,
    category: 'directive',
    cwe: 0,
    defaultSeverity: 'warning',
    docs: {
      description: 'A jitterbit-guard suppression directive must say why the suppressed finding is safe, after " -- ".',
      url: `${DOCS_BASE}${MISSING_REASON_RULE_ID}.md`,
    },
    messages: {
      missingReason: 'Suppression "{directive}" gives no reason: add " -- <why this is safe>" after the rule ids.',
    },
    fixable: false,
    hasSuggestions: false,
    shortDescription: 'Suppression without a reason',
  },
  {
    id: UNUSED_RULE_ID,
    category: 'directive',
    cwe: 0,
    defaultSeverity: 'warning',
    docs: {
      description: 'A suppression directive (or one of its rule ids) that suppresses no finding hides future ones; remove it.',
      url: `${DOCS_BASE}${UNUSED_RULE_ID}.md`,
    },
    messages: {
      unused: 'Unused suppression "{directive}": no finding of {rules} {where}.',
      unusedRule: 'Rule id "{ruleId}" in "{directive}" suppresses nothing {where}.',
      unusedEnable: '"{directive}" re-enables nothing: no matching jitterbit-guard-disable is open.',
    },
    fixable: true,
    hasSuggestions: false,
    shortDescription: 'Unused suppression',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Parsing.

const OWN_RE = /^jitterbit-guard-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)/;
const SEPARATOR_RE = /(?:^|\s)--+(?:\s|$)/;
const GITLEAKS_RE = /gitleaks:allow/;
const PRAGMA_NEXTLINE_RE = /pragma:\s?(?:allowlist|whitelist)[ -]nextline[ -]secret/i;
const PRAGMA_RE = /pragma:\s?(?:allowlist|whitelist)[ -]secret/i;
const MAX_COMMENT_SCAN = 10_000;

/** Whitespace-collapsed comment text without leading `*` decorations of block-comment lines. */
function normaliseComment(head: string): string {
  return head
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^\s*\*+(?!\/)/, '').trim())
    .filter((l) => l !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(s: string, max = 64): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** A rule id or wildcard as written (`secrets/known-token`, `secrets/*`, `*`), or a word of prose (`because`). */
const SHOWN_ID_SHAPE = /^(?:\*|[a-z][a-z0-9-]*(?:\/(?:[a-z0-9][a-z0-9-]*|\*))+|[A-Za-z][a-z]{0,19}[.,:;!?]?)$/;

/**
 * An id of a directive as messages show it. Words after the directive without ` -- ` are read as ids, and people
 * paste the very value they suppress there (`disable-next-line sk_live_… is a test key`): what looks neither like a
 * rule id nor like a word is masked, so no report echoes it.
 */
function shownId(id: string): string {
  return SHOWN_ID_SHAPE.test(id) ? id : mask(id);
}

/** Parses the directives of a file's comments (at most one jitterbit-guard directive per comment). Never throws. */
export function parseDirectives(comments: readonly DirectiveComment[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    if (typeof c.text !== 'string') continue;
    // Fast path: most comments hold no directive at all.
    const head = c.text.length > MAX_COMMENT_SCAN ? c.text.slice(0, MAX_COMMENT_SCAN) : c.text;
    if (!head.includes('jitterbit-guard-') && !head.includes('gitleaks:allow') && !/pragma:/i.test(head)) continue;
    const where = { start: c.start, end: c.end, line: c.line, endLine: Math.max(c.line, c.endLine), ...(c.scope ? { scope: c.scope } : {}) };
    const text = normaliseComment(head);
    const own = OWN_RE.exec(text);
    if (own) {
      const kind = own[1] as DirectiveKind;
      const rest = text.slice(own[0].length);
      const sep = SEPARATOR_RE.exec(rest);
      const idsPart = sep ? rest.slice(0, sep.index) : rest;
      const reasonText = sep ? rest.slice(sep.index + sep[0].length).trim() : undefined;
      const ids = [...new Set(idsPart.split(/[\s,]+/).filter((t) => t !== '').map((t) => shorten(t)))];
      const keyword = `jitterbit-guard-${kind}`;
      out.push({
        kind,
        origin: 'jitterbit-guard',
        label: shorten(ids.length > 0 ? `${keyword} ${ids.map(shownId).join(', ')}` : keyword, 200),
        ruleIds: ids,
        reason: reasonText === undefined ? undefined : reasonText,
        requiresReason: kind !== 'enable',
        ...where,
        wholeComment: true,
      });
      continue;
    }
    if (GITLEAKS_RE.test(text)) {
      out.push({
        kind: 'disable-line', origin: 'gitleaks', label: 'gitleaks:allow', ruleIds: ['secrets/*'], requiresReason: false, ...where,
        wholeComment: /^gitleaks:allow$/.test(text),
      });
    }
    const next = PRAGMA_NEXTLINE_RE.exec(text);
    if (next) {
      out.push({
        kind: 'disable-next-line', origin: 'detect-secrets', label: 'pragma: allowlist nextline secret', ruleIds: ['secrets/*'],
        requiresReason: false, ...where, wholeComment: text === next[0],
      });
    } else {
      const same = PRAGMA_RE.exec(text);
      if (same) {
        out.push({
          kind: 'disable-line', origin: 'detect-secrets', label: 'pragma: allowlist secret', ruleIds: ['secrets/*'],
          requiresReason: false, ...where, wholeComment: text === same[0],
        });
      }
    }
  }
  return out;
}

/** Adds 0-based `line`/`endLine` to comments known by host offsets only. */
export function commentsWithLines(comments: readonly { text: string; start: number; end: number }[], lines: LineMap): DirectiveComment[] {
  return comments.map((c) => ({
    text: c.text,
    start: c.start,
    end: c.end,
    line: lines.positionAt(c.start).line,
    endLine: lines.positionAt(Math.max(c.start, c.end - 1)).line,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Application.

/** `a/b/c` → `['a/b/*', 'a/*', '*']`; `a/*` → `['*']`; `*` → `[]`. */
function wildcardAncestors(pattern: string): string[] {
  if (pattern === '*') return [];
  const base = pattern.endsWith('/*') ? pattern.slice(0, -2) : pattern;
  const out: string[] = [];
  let i = base.lastIndexOf('/');
  while (i > 0) {
    out.push(`${base.slice(0, i)}/*`);
    i = base.lastIndexOf('/', i - 1);
  }
  out.push('*');
  return out;
}

/**
 * Stable counting sort by a line number: linear. Keys outside [0, maxLine) (Infinity, negative, beyond the text) go
 * to the nearest end.
 */
function bucketSort<T>(items: readonly T[], key: (t: T) => number, maxLine: number): T[] {
  if (maxLine > 8 * items.length + 4096) {
    // Sparse custom line numbers (see ApplyOptions.lineOf): a comparison sort costs less memory than buckets.
    return items.map((t, i) => ({ t, i, k: key(t) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.t);
  }
  const n = Math.max(1, maxLine) + 1;
  const counts = new Array<number>(n + 1).fill(0);
  const slot = (t: T): number => {
    const k = key(t);
    if (!(k >= 0)) return 0;
    return k >= n - 1 ? n - 1 : Math.floor(k);
  };
  for (const t of items) counts[slot(t) + 1]++;
  for (let b = 1; b <= n; b++) counts[b] += counts[b - 1];
  const out = new Array<T>(items.length);
  for (const t of items) out[counts[slot(t)]++] = t;
  return out;
}

/** Categories that an all-rules (`*`) suppression does not hide. */
const PROTECTED_CATEGORIES = new Set(['syntax', 'internal', 'directive']);

interface Slot {
  directive: Directive;
  pattern: string;
  used: boolean;
}

/** A list of slots with a cursor: slots before `credited` are known to be used, so marking is amortised O(1). */
class SlotList {
  readonly slots: Slot[] = [];
  private credited = 0;
  creditAll(): void {
    for (; this.credited < this.slots.length; this.credited++) this.slots[this.credited].used = true;
  }
}

interface Interval {
  slot: Slot;
  startLine: number;
  endLine: number;
  state: 'pending' | 'active' | 'done';
}

export interface ApplyOptions {
  /**
   * The line a finding is matched on. Default `finding.range.start.line` (host lines, as the directive comments'
   * `line`/`endLine`). A host that embeds scripts in single host lines (JSON exports) may pass script-relative line
   * numbers here and in the comments instead (any non-negative integers in one shared space, e.g. region base +
   * line in the decoded script), so `disable-next-line` means the next line of the script.
   */
  lineOf?: (finding: Finding) => number;
  /** Report foreign directives (`gitleaks:allow`, `pragma: allowlist …`) that suppress nothing. Default true. */
  reportUnusedForeign?: boolean;
}

export interface DirectiveResult {
  kept: Finding[];
  suppressed: { finding: Finding; directive: Directive }[];
  problems: Finding[];
}

export function applyDirectives(findings: Finding[], directives: Directive[], lines: LineMap, options: ApplyOptions = {}): DirectiveResult {
  const reportUnusedForeign = options.reportUnusedForeign ?? true;
  const slotsOf = new Map<Directive, Slot[]>();
  const pointIndex = new Map<number, Map<string, SlotList>>();
  const fileIndex = new Map<string, SlotList>();
  const intervals: Interval[] = [];
  const enableUsed = new Map<Directive, boolean>();

  const addPoint = (line: number, slot: Slot): void => {
    let byPattern = pointIndex.get(line);
    if (!byPattern) pointIndex.set(line, (byPattern = new Map()));
    let list = byPattern.get(slot.pattern);
    if (!list) byPattern.set(slot.pattern, (list = new SlotList()));
    list.slots.push(slot);
  };

  // Open ranges, indexed by every key that can close them (the pattern itself and its wildcard ancestors).
  const openByCloser = new Map<string, Set<Interval>>();
  const closersOf = (p: string): string[] => [p, ...wildcardAncestors(p)];

  const ordered = [...directives].sort((a, b) => a.start - b.start);
  for (const d of ordered) {
    if (d.kind === 'enable') {
      const keys = d.ruleIds.length === 0 ? ['*'] : d.ruleIds;
      let closed = 0;
      for (const key of keys) {
        const open = openByCloser.get(key);
        if (!open) continue;
        for (const iv of [...open]) {
          for (const k of closersOf(iv.slot.pattern)) openByCloser.get(k)?.delete(iv);
          // A range that ended with its script is not open any more: the enable closes nothing there.
          if (iv.endLine < d.line) continue;
          iv.endLine = d.endLine;
          closed++;
        }
      }
      enableUsed.set(d, closed > 0);
      continue;
    }
    const patterns = d.ruleIds.length === 0 ? ['*'] : d.ruleIds;
    const slots = patterns.map((pattern) => ({ directive: d, pattern, used: false }));
    slotsOf.set(d, slots);
    for (const slot of slots) {
      switch (d.kind) {
        case 'disable-line':
          for (let l = d.line; l <= d.endLine; l++) addPoint(l, slot);
          break;
        case 'disable-next-line':
          addPoint(d.endLine + 1, slot);
          break;
        case 'disable-file': {
          if (d.scope) {
            // Its script only; no enable closes it.
            intervals.push({ slot, startLine: d.scope.startLine, endLine: d.scope.endLine, state: 'pending' });
            break;
          }
          let list = fileIndex.get(slot.pattern);
          if (!list) fileIndex.set(slot.pattern, (list = new SlotList()));
          list.slots.push(slot);
          break;
        }
        case 'disable': {
          const iv: Interval = { slot, startLine: d.line, endLine: d.scope?.endLine ?? Number.POSITIVE_INFINITY, state: 'pending' };
          intervals.push(iv);
          for (const k of closersOf(slot.pattern)) {
            let set = openByCloser.get(k);
            if (!set) openByCloser.set(k, (set = new Set()));
            set.add(iv);
          }
          break;
        }
      }
    }
  }

  // Sweep over findings by line for ranges: the active intervals per pattern, and those not yet credited.
  const lineOf = options.lineOf ?? ((f: Finding): number => f.range.start.line);
  const findingLines = findings.map((f) => {
    const l = lineOf(f);
    return Number.isFinite(l) ? l : -1;
  });
  let maxLine = lines.lineCount;
  for (const l of findingLines) if (l + 1 > maxLine) maxLine = l + 1;
  for (const d of directives) if (d.endLine + 2 > maxLine) maxLine = d.endLine + 2;
  const starts = bucketSort(intervals, (iv) => iv.startLine, maxLine);
  const ends = bucketSort(intervals, (iv) => iv.endLine, maxLine);
  const active = new Map<string, Set<Interval>>();
  const uncredited = new Map<string, Set<Slot>>();
  let si = 0;
  let ei = 0;

  const order = bucketSort(
    findings.map((f, i) => ({ f, i, line: findingLines[i] })),
    (x) => x.line,
    maxLine,
  );
  const coveredBy: (Directive | undefined)[] = new Array(findings.length);
  const keyCache = new Map<string, string[]>();

  for (const { f, i, line } of order) {
    for (; si < starts.length && starts[si].startLine <= line; si++) {
      const iv = starts[si];
      if (iv.state !== 'pending') continue;
      if (iv.endLine < line) {
        iv.state = 'done';
        continue;
      }
      iv.state = 'active';
      const p = iv.slot.pattern;
      let set = active.get(p);
      if (!set) active.set(p, (set = new Set()));
      set.add(iv);
      let un = uncredited.get(p);
      if (!un) uncredited.set(p, (un = new Set()));
      un.add(iv.slot);
    }
    for (; ei < ends.length && ends[ei].endLine < line; ei++) {
      const iv = ends[ei];
      if (iv.state === 'active') {
        active.get(iv.slot.pattern)?.delete(iv);
        uncredited.get(iv.slot.pattern)?.delete(iv.slot);
      }
      iv.state = 'done';
    }

    const cacheKey = `${f.category}\u0000${f.ruleId}`;
    let keys = keyCache.get(cacheKey);
    if (!keys) {
      keys = [f.ruleId, ...wildcardAncestors(f.ruleId)].filter((k) => k !== '*' || !PROTECTED_CATEGORIES.has(f.category));
      keyCache.set(cacheKey, keys);
    }
    let first: Directive | undefined;
    const points = pointIndex.get(line);
    if (points) {
      for (const key of keys) {
        const list = points.get(key);
        if (!list) continue;
        first ??= list.slots[0].directive;
        list.creditAll();
      }
    }
    for (const key of keys) {
      const set = active.get(key);
      if (!set || set.size === 0) continue;
      if (!first) for (const iv of set) { first = iv.slot.directive; break; }
      const un = uncredited.get(key);
      if (un && un.size > 0) {
        for (const s of un) s.used = true;
        un.clear();
      }
    }
    for (const key of keys) {
      const list = fileIndex.get(key);
      if (!list) continue;
      first ??= list.slots[0].directive;
      list.creditAll();
    }
    coveredBy[i] = first;
  }

  const kept: Finding[] = [];
  const suppressed: DirectiveResult['suppressed'] = [];
  findings.forEach((f, i) => {
    const d = coveredBy[i];
    if (d) suppressed.push({ finding: f, directive: d });
    else kept.push(f);
  });

  const problems = directiveProblems(ordered, slotsOf, enableUsed, lines, reportUnusedForeign);
  return { kept, suppressed, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Problems.

function fill(template: string, data: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? data[k] : m));
}

const WHERE: Record<DirectiveKind, string> = {
  'disable-line': 'on this line',
  'disable-next-line': 'on the next line',
  disable: 'in this range',
  enable: '',
  'disable-file': 'in this file',
};

const whereOf = (d: Directive): string => (d.kind === 'disable-file' && d.scope ? 'in this script' : WHERE[d.kind]);

/** Deletes the comment: its whole line(s) when nothing else is on them, else the comment and the blank before it. */
export function removeCommentEdit(d: Pick<Directive, 'start' | 'end'>, lines: LineMap): TextEdit {
  const text = lines.text;
  // Host lines of the offsets: a directive's `line`/`endLine` may be script lines (see ApplyOptions.lineOf).
  const lineStart = lines.offsetAt({ line: lines.positionAt(d.start).line, character: 0 });
  // offsetAt clamps to the start of the next line, so this includes the end line's terminator.
  const endLineEnd = lines.offsetAt({ line: lines.positionAt(Math.max(d.start, d.end - 1)).line, character: Number.MAX_SAFE_INTEGER });
  const before = text.slice(lineStart, Math.max(lineStart, d.start));
  const after = text.slice(d.end, Math.max(d.end, endLineEnd)).replace(/\r?\n$|\r$/, '');
  if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after)) return { start: lineStart, end: Math.max(d.end, endLineEnd), newText: '' };
  if (/^[ \t]*$/.test(before)) {
    const trailing = /^[ \t]*/.exec(text.slice(d.end, d.end + 1000))?.[0].length ?? 0;
    return { start: d.start, end: d.end + trailing, newText: '' };
  }
  let from = d.start;
  while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return { start: from, end: d.end, newText: '' };
}

function fingerprint(ruleId: string, basis: string, seen: Map<string, number>): string {
  const base = createHash('sha256').update(`${ruleId}\u0000${basis}`).digest('hex').slice(0, 32);
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}:${n}`;
}

function directiveProblems(
  directives: Directive[],
  slotsOf: Map<Directive, Slot[]>,
  enableUsed: Map<Directive, boolean>,
  lines: LineMap,
  reportUnusedForeign: boolean,
): Finding[] {
  const [missingMeta, unusedMeta] = DIRECTIVE_RULES;
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  const problem = (meta: RuleMeta, d: Directive, messageId: string, data: Record<string, string>, fixes: Finding['fixes']): void => {
    out.push({
      ruleId: meta.id,
      category: 'directive',
      severity: 'warning',
      message: fill(meta.messages[messageId], data),
      start: d.start,
      end: d.end,
      range: lines.rangeOf({ start: d.start, end: d.end }),
      fingerprint: fingerprint(meta.id, `${messageId}\u0000${d.label}\u0000${data.ruleId ?? ''}`, seen),
      fixes,
      docsUrl: meta.docs.url,
    });
  };
  const removeFix = (d: Directive): Finding['fixes'] =>
    d.wholeComment ? [{ title: `Remove unused directive "${d.label}"`, kind: 'quickfix', edits: [removeCommentEdit(d, lines)], safe: true, isPreferred: true }] : [];

  for (const d of directives) {
    if (d.requiresReason && (d.reason === undefined || d.reason === '' || d.reason === REASON_PLACEHOLDER)) {
      problem(missingMeta, d, 'missingReason', { directive: d.label }, []);
    }
    if (d.origin !== 'jitterbit-guard' && !reportUnusedForeign) continue;
    if (d.kind === 'enable') {
      if (!enableUsed.get(d)) problem(unusedMeta, d, 'unusedEnable', { directive: d.label }, removeFix(d));
      continue;
    }
    const slots = slotsOf.get(d) ?? [];
    const unused = slots.filter((s) => !s.used);
    if (unused.length === 0) continue;
    if (unused.length === slots.length) {
      const rules = d.ruleIds.length === 0 || (d.ruleIds.length === 1 && d.ruleIds[0] === '*') ? 'any rule' : d.ruleIds.map(shownId).join(', ');
      problem(unusedMeta, d, 'unused', { directive: d.label, rules, where: whereOf(d) }, removeFix(d));
    } else {
      for (const s of unused) problem(unusedMeta, d, 'unusedRule', { directive: d.label, ruleId: shownId(s.pattern), where: whereOf(d) }, []);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Generating suppressions.

/**
 * The text of a suppress-with-reason comment for the line above a finding (no line break, no indentation):
 * `// jitterbit-guard-disable-next-line <id> -- <reason>` in scripts, `# …` in jitterbit.conf. Without a reason the
 * `<reason>` placeholder is written, which counts as a missing reason until someone replaces it.
 */
export function suppressionComment(ruleId: string, language: 'jitterbit' | 'javascript' | 'conf', reason?: string): string {
  const r = (reason ?? '').replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const marker = language === 'conf' ? '#' : '//';
  return `${marker} jitterbit-guard-disable-next-line ${ruleId} -- ${r === '' ? REASON_PLACEHOLDER : r}`;
}
