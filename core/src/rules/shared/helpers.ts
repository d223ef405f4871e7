import type { RegionFacts } from '../../engine/facts';
import type { RuleContext, RuleReport } from '../../engine/rule';
import type { LiteralFact } from '../../semantics/flow';
import { useProjectVariableFix } from '../../fixes/use-project-variable';
import { valueCharSpan } from './locate';

/** Reports (part of) a literal, with the extract-to-project-variable fix for secrets. */
export function reportLiteral(
  ctx: RuleContext,
  r: RegionFacts,
  lf: LiteralFact,
  report: Omit<RuleReport, 'start' | 'end' | 'value'>,
  opts: { from?: number; to?: number; extractAs?: string; description?: string } = {},
): void {
  const from = opts.from ?? 0;
  const to = opts.to ?? lf.lit.value.length;
  // The finding sits on the value itself: a multi-line string that opens with a line break is reported on the line of
  // its first visible character (detection-policy "Which line"), and the masked form holds no white space.
  const text = lf.lit.value.slice(from, to);
  const lead = text.length - text.trimStart().length;
  const trail = text.trim() === '' ? 0 : text.length - text.trimEnd().length;
  const shown = { from: from + (lead < text.length ? lead : 0), to: to - trail };
  const span = valueCharSpan(ctx.facts, r, lf.lit, shown.from, shown.to);
  const fixes = [...(report.fixes ?? [])];
  if (opts.extractAs && ctx.facts.fixes) {
    // Extracting one part would leave (and copy into the fix's edit) other secrets of the same literal: take it whole.
    const partial = from !== 0 || to !== lf.lit.value.length;
    const whole = !partial || lf.tokens.some((m) => m.end <= from || m.start >= to);
    fixes.unshift(useProjectVariableFix(ctx.facts, r, lf.lit, whole ? undefined : { from, to }, opts.extractAs, opts.description ?? 'Moved out of a script by Jitterbit Guard'));
  }
  ctx.report({
    ...report,
    start: span.start,
    end: span.end,
    value: lf.lit.value.slice(shown.from, shown.to),
    regionId: r.region.id,
    mappingTarget: r.region.mappingTarget,
    fixes,
  });
}

/** Host offset of the first character of a comment's text. */
export function commentHostOffset(ctx: RuleContext, r: RegionFacts, regionOffset: number): number {
  return ctx.facts.toHost(r.region, regionOffset);
}

export function mappingNote(r: RegionFacts): string {
  return r.region.mappingTarget ? ` in the mapping of \`${r.region.mappingTarget}\`` : '';
}
