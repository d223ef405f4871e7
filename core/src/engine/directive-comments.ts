import type { ScriptRegion } from '../syntax/source-file';
import { applyDirectives, commentsWithLines, parseDirectives, type DirectiveComment } from './directives';
import type { FileFacts } from './facts';
import { ScriptLineSpace } from './script-lines';
import type { Finding } from './types';

const DIRECTIVE_HINT = /jitterbit-guard-|gitleaks:allow|pragma: allowlist/;

interface Candidate {
  text: string;
  /** Host offsets. */
  start: number;
  end: number;
  /** The script the comment is in, with its region offsets (absent for the host's own comments). */
  region?: ScriptRegion;
  regionStart?: number;
  regionEnd?: number;
}

/**
 * Every comment of a file that may hold a directive: script comments of each region and the host's own comments
 * (jitterbit.conf `#` lines), in host offsets. Lines are host lines, or the numbers of `space` when the file holds
 * scripts on fewer lines than they have (see script-lines.ts).
 */
function candidates(facts: FileFacts): Candidate[] {
  const out: Candidate[] = [];
  for (const r of facts.regions) {
    const text = r.region.text;
    for (const c of r.ir.comments) {
      if (!DIRECTIVE_HINT.test(c.text)) continue;
      // Comment offsets start at the text, after `//` or `/*`; the directive spans the opener too, so its range
      // shows the whole comment and the "remove unused directive" fix leaves no bare `//` or `/*` behind.
      const opener = c.start >= 2 && (text.startsWith('//', c.start - 2) || text.startsWith('/*', c.start - 2)) ? c.start - 2 : c.start;
      out.push({ text: c.text, start: facts.toHost(r.region, opener), end: facts.toHost(r.region, c.end), region: r.region, regionStart: c.start, regionEnd: c.end });
    }
  }
  const host = facts.file.text;
  for (const c of facts.file.hostComments) {
    if (!DIRECTIVE_HINT.test(c.text)) continue;
    // Host comments too are known by their text: widen to the `#`/`;` of jitterbit.conf or the `<!--`…`-->` of XML.
    let start = c.start;
    let end = c.start + c.text.length;
    if (host.startsWith('<!--', start - 4)) {
      start -= 4;
      if (host.startsWith('-->', end)) end += 3;
    } else if (start >= 1 && (host[start - 1] === '#' || host[start - 1] === ';')) start--;
    out.push({ text: c.text, start, end });
  }
  return out;
}

function withLines(found: Candidate[], facts: FileFacts, space: ScriptLineSpace | undefined): DirectiveComment[] {
  const out: DirectiveComment[] = space
    ? found.map((c) => {
        const line = c.region ? space.lineOfRegionOffset(c.region, c.regionStart ?? 0) : space.lineOfHost(c.start);
        const last = c.region
          ? space.lineOfRegionOffset(c.region, Math.max(c.regionStart ?? 0, (c.regionEnd ?? 0) - 1))
          : space.lineOfHost(Math.max(c.start, c.end - 1));
        return { text: c.text, start: c.start, end: c.end, line, endLine: Math.max(line, last) };
      })
    : commentsWithLines(found, facts.file.lines);
  // Several scripts in one file (a project export, a Design Studio transformation), each edited on its own: a
  // directive in one of them must not reach the others.
  if (facts.regions.length > 1) {
    const lineOf = (region: ScriptRegion, offset: number): number =>
      space ? space.lineOfRegionOffset(region, offset) : facts.file.lines.positionAt(facts.toHost(region, offset)).line;
    found.forEach((c, i) => {
      if (c.region) out[i].scope = { startLine: lineOf(c.region, 0), endLine: lineOf(c.region, c.region.text.length) };
    });
  }
  return out;
}

/** Applies suppression directives; unused or reason-less directives come back as findings of their own. */
export function applyFileDirectives(findings: Finding[], facts: FileFacts): Finding[] {
  const found = candidates(facts);
  if (found.length === 0) return findings;
  const space = ScriptLineSpace.of(facts.file);
  const directives = parseDirectives(withLines(found, facts, space));
  if (directives.length === 0) return findings;
  const r = applyDirectives(findings, directives, facts.file.lines, space ? { lineOf: (f) => space.lineOfHost(f.start, f.regionId) } : {});
  return [...r.kept, ...r.problems];
}
