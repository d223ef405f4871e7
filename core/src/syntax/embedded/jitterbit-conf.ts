/**
 * Private agent `jitterbit.conf` (INI): `[Section]` headers, `key=value` lines, `#`/`;` comments. Every key
 * becomes a `conf-entry` with the exact host range of its value; `#key=value` lines (a key commented out) become
 * entries with `commented: true`. All comment lines are also host comments.
 */
import type { DataEntry, HostComment } from '../source-file';

export interface ConfParseResult {
  data: DataEntry[];
  hostComments: HostComment[];
  /** Lines that are none of: blank, comment, section header, key=value. */
  strayLines: number;
  sections: number;
}

/** A key as written in jitterbit.conf (`JavaScriptMaxIterations`, `verbose.logging.enable`, `wms_api_token`). */
const STRICT_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

interface Line {
  start: number;
  end: number;
}

function* lines(text: string): Generator<Line> {
  const n = text.length;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      yield { start, end: i };
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
    i++;
  }
  if (start < n) yield { start, end: n };
}

interface KeyValue {
  key: string;
  valueStart: number;
  valueEnd: number;
}

/** Split host[start, end) at its first `=` into a trimmed key and the trimmed value range. */
function keyValue(text: string, start: number, end: number): KeyValue | undefined {
  let eq = start;
  while (eq < end && text.charCodeAt(eq) !== 61 /* = */) eq++;
  if (eq >= end) return undefined;
  const key = text.slice(start, eq).trim();
  if (key === '') return undefined;
  let vs = eq + 1;
  while (vs < end && isBlank(text.charCodeAt(vs))) vs++;
  let ve = end;
  while (ve > vs && isBlank(text.charCodeAt(ve - 1))) ve--;
  return { key, valueStart: vs, valueEnd: ve };
}

export function parseJitterbitConf(text: string): ConfParseResult {
  const data: DataEntry[] = [];
  const hostComments: HostComment[] = [];
  let section: string | undefined;
  let strayLines = 0;
  let sections = 0;
  for (const { start, end } of lines(text)) {
    let p = start;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    if (p >= end) continue;
    const c = text.charCodeAt(p);
    if (c === 35 /* # */ || c === 59 /* ; */) {
      hostComments.push({ text: text.slice(p + 1, end), start: p + 1 });
      if (c === 35) {
        let q = p;
        while (q < end && (text.charCodeAt(q) === 35 || isBlank(text.charCodeAt(q)))) q++;
        const kv = keyValue(text, q, end);
        if (kv && STRICT_KEY.test(kv.key)) data.push(confEntry(text, kv, section, true));
      }
      continue;
    }
    if (c === 91 /* [ */) {
      let q = end;
      while (q > p && isBlank(text.charCodeAt(q - 1))) q--;
      if (text.charCodeAt(q - 1) === 93 /* ] */) {
        section = text.slice(p + 1, q - 1).trim();
        sections++;
        continue;
      }
    }
    const kv = keyValue(text, p, end);
    if (!kv) {
      strayLines++;
      continue;
    }
    data.push(confEntry(text, kv, section, false));
  }
  return { data, hostComments, strayLines, sections };
}

/** Content sniffing: INI text with at least one `[Section]` and one `key=value`, and (almost) nothing else. */
export function looksLikeIni(text: string): boolean {
  return iniShape(text).ini;
}

/**
 * A file name that says it is an agent's jitterbit.conf: `jitterbit` and a `conf` word in it (`jitterbit.conf.bak`,
 * `prod-jitterbit.conf`, `jitterbit_agent.conf`), not `config` (`jitterbit-agent-config.properties` is Tomcat's).
 */
export function isAgentConfName(base: string): boolean {
  const n = base.toLowerCase();
  return n.includes('jitterbit') && /(?:^|[._-])conf(?:$|[._-])/.test(n);
}

/**
 * What a file's name says about it being an agent configuration: `'name'` (jitterbit.conf, its copies and variants),
 * `'content'` (another `.conf` file: one only with jitterbit.conf's own sections, see hasAgentConfLayout), or
 * undefined (not one). The one decision behind detection, the CLI's walker and the editor's index and watchers.
 */
export function agentConfByName(base: string): 'name' | 'content' | undefined {
  if (isAgentConfName(base)) return 'name';
  return /\.conf$/i.test(base) ? 'content' : undefined;
}

/** An agent configuration by its name, or by its text for another `.conf` file (see agentConfByName). */
export function isAgentConf(base: string, text: string): boolean {
  const by = agentConfByName(base);
  return by === 'name' || (by === 'content' && hasAgentConfLayout(text));
}

/**
 * Sections and keys only jitterbit.conf has (detection by content of a `.conf` file: other tools' `.conf` files share
 * the INI layout, `[Settings]` or `[SMTP]`, but not these).
 */
const AGENT_SECTIONS = new Set(['predefinedglobalvariables', 'verboselogging', 'apioperation', 'operationengine', 'agentcapability']);
const AGENT_KEYS = new Set(['javascriptmaxiterations', 'timingon', 'verbose.logging.enable', 'alwaysrunsuccessoperation']);

/** An INI text with jitterbit.conf's own sections or keys (see AGENT_SECTIONS). */
export function hasAgentConfLayout(text: string): boolean {
  const shape = iniShape(text);
  return shape.ini && shape.agent;
}

function iniShape(text: string): { ini: boolean; agent: boolean } {
  let agent = false;
  let sections = 0;
  let pairs = 0;
  let stray = 0;
  let seen = 0;
  for (const { start, end } of lines(text)) {
    let p = start;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
    if (p >= end) continue;
    if (++seen > 400) break;
    const c = text.charCodeAt(p);
    if (c === 35 || c === 59) continue;
    let q = end;
    while (q > p && isBlank(text.charCodeAt(q - 1))) q--;
    if (c === 91 && text.charCodeAt(q - 1) === 93 && q - p > 2) {
      sections++;
      if (!agent && AGENT_SECTIONS.has(text.slice(p + 1, q - 1).trim().toLowerCase())) agent = true;
      continue;
    }
    const kv = keyValue(text, p, end);
    if (kv && STRICT_KEY.test(kv.key)) {
      pairs++;
      if (!agent && AGENT_KEYS.has(kv.key.toLowerCase())) agent = true;
    } else stray++;
  }
  return { ini: sections > 0 && pairs > 0 && stray * 20 <= pairs + sections, agent };
}

/** A `key=value` line (or a commented-out one) as a data entry with the exact range of its value. */
function confEntry(text: string, kv: { key: string; valueStart: number; valueEnd: number }, section: string | undefined, commented: boolean): DataEntry {
  const e: DataEntry = {
    kind: 'conf-entry',
    name: kv.key,
    value: text.slice(kv.valueStart, kv.valueEnd),
    hidden: false,
    valueStart: kv.valueStart,
    valueEnd: kv.valueEnd,
  };
  if (commented) e.commented = true;
  if (section !== undefined) e.section = section;
  return e;
}
