import { applyDirectives, commentsWithLines, parseDirectives, type DirectiveComment } from './directives';
import type { FileFacts } from './facts';
import type { Finding } from './types';

/**
 * Every comment of a file in host offsets: script comments of each region and the host's own comments
 * (jitterbit.conf `#` lines). Lines are host lines, so in a JSON export (one script per physical line) a
 * directive applies to the whole line it sits on.
 */
export function collectDirectiveComments(facts: FileFacts): DirectiveComment[] {
  const raw: { text: string; start: number; end: number }[] = [];
  for (const r of facts.regions) {
    for (const c of r.ir.comments) {
      if (!/jitterbit-guard-|gitleaks:allow|pragma: allowlist/.test(c.text)) continue;
      raw.push({ text: c.text, start: facts.toHost(r.region, c.start), end: facts.toHost(r.region, c.end) });
    }
  }
  for (const c of facts.file.hostComments) {
    if (!/jitterbit-guard-|gitleaks:allow|pragma: allowlist/.test(c.text)) continue;
    raw.push({ text: c.text, start: c.start, end: c.start + c.text.length });
  }
  return commentsWithLines(raw, facts.file.lines);
}

/** Applies suppression directives; unused or reason-less directives come back as findings of their own. */
export function applyFileDirectives(findings: Finding[], comments: DirectiveComment[], facts: FileFacts): Finding[] {
  if (comments.length === 0) return findings;
  const directives = parseDirectives(comments);
  if (directives.length === 0) return findings;
  const r = applyDirectives(findings, directives, facts.file.lines);
  return [...r.kept, ...r.problems];
}
