import { isAwsSecretKeyShape, scanPemPrivateKeys, scanSecretTokens, type SecretMatch } from '../../detectors';
import { pushChildren, type Ir, type IrComment, type IrLiteral } from '../../semantics/ir';
import type { RegionFacts } from '../../engine/facts';
import { valueCharSpan } from '../shared/locate';
import { lastAtMost } from '../../syntax/text';
import { docsUrl, type Rule } from '../../engine/rule';
import { commentCredentials } from '../shared/commented';
import { MARK_PEM_BEGIN, marksOf } from '../shared/literal-marks';
import { mappingNote, reportLiteral } from '../shared/helpers';

/** Known credential formats and credentials inside structured strings, anywhere: literals and comments. */
export const knownToken: Rule = {
  meta: {
    id: 'secrets/known-token',
    category: 'secret',
    cwe: 798,
    defaultSeverity: 'error',
    docs: {
      description: 'A string or comment holds a credential in a known format (cloud and SaaS keys, JWTs, private keys) or inside a URL, connection string or Authorization header.',
      url: docsUrl('secrets/known-token'),
    },
    shortDescription: 'Known credential format',
    messages: {
      literal: '{description} ({masked}) hard-coded in a string{where}. Move it to a hidden project variable.',
      comment: '{description} ({masked}) in a comment. Remove it and rotate the credential.',
    },
    fixable: true,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      for (const lf of r.flow.literals) {
        // Literals already reported by position or name are not reported twice.
        if (lf.contextSecret) continue;
        for (const m of lf.tokens) {
          reportLiteral(ctx, r, lf, { messageId: 'literal', data: { description: m.description, where: mappingNote(r) } }, {
            from: m.start, to: m.end, extractAs: m.kind.replace(/-/g, '_'), description: m.description,
          });
        }
      }
      // An AWS secret access key in its own literal next to the key id's (`$s3.id = "AKIA…"; $s3.sk = "…";`): the pair
      // is the known format, whatever names hold it. Only regions with a key id literal are looked at.
      for (const lf of awsSecretsBesideKeyIds(r)) {
        reportLiteral(ctx, r, lf, { messageId: 'literal', data: { description: 'AWS secret access key', where: mappingNote(r) } }, {
          extractAs: 'aws_secret_access_key', description: 'AWS secret access key',
        });
      }
      for (const cm of r.ir.comments) {
        // A commented-out `name = value` credential is secrets/credential-name's to report.
        const owned = commentCredentials(cm);
        for (const m of commentTokens(cm)) {
          if (owned.some((c) => c.start < m.end && c.end > m.start)) continue;
          ctx.report({
            messageId: 'comment', data: { description: m.description }, value: cm.text.slice(m.start, m.end), regionId: r.region.id,
            start: ctx.facts.toHost(r.region, cm.start + m.start), end: ctx.facts.toHost(r.region, cm.start + m.end),
          });
        }
      }
      // A private key pasted as a concatenation of line literals (`"-----BEGIN …\n" + "MIIE…\n" + …`).
      for (const run of concatenatedPemRuns(r)) {
        for (const p of scanPemPrivateKeys(run.text)) {
          const at = run.literalAt(p.start);
          const from = p.start - at.offset;
          const span = valueCharSpan(ctx.facts, r, at.lit, from, at.lit.value.length);
          ctx.report({ messageId: 'literal', data: { description: `PEM private key block (${p.label})`, where: mappingNote(r) }, start: span.start, end: span.end, value: run.text.slice(p.start, p.end), regionId: r.region.id });
        }
      }
      // A private key commented out line by line: each line is its own comment, so the block is read across them.
      for (const run of lineCommentRuns(r.ir.comments, r.region.text)) {
        for (const p of scanPemPrivateKeys(run.text)) {
          const start = run.toRegion(p.start);
          ctx.report({
            messageId: 'comment', data: { description: `PEM private key block (${p.label})` }, value: run.text.slice(p.start, p.end), regionId: r.region.id,
            start: ctx.facts.toHost(r.region, start), end: ctx.facts.toHost(r.region, run.toRegion(Math.max(p.start, p.end - 1)) + 1),
          });
        }
      }
    }
    // Comments of the host file (`<!-- … -->` in a Design Studio entity); jitterbit.conf comments are secrets/agent-config's.
    const file = ctx.facts.file;
    if (file.kind !== 'jitterbit-conf') {
      for (const c of file.hostComments) {
        for (const m of scanSecretTokens(c.text, 'comment')) {
          ctx.report({ messageId: 'comment', data: { description: m.description }, value: c.text.slice(m.start, m.end), start: c.start + m.start, end: c.start + m.end });
        }
      }
    }
  },
};

/** A script comment's known-format matches, cached on its IR node (see IrComment). */
function commentTokens(cm: IrComment): SecretMatch[] {
  return (cm.tokens ??= scanSecretTokens(cm.text, 'comment')) as SecretMatch[];
}

/** Literals holding just an AWS secret access key, within 400 characters of a literal with an AWS key id. */
function awsSecretsBesideKeyIds(r: RegionFacts): RegionFacts['flow']['literals'] {
  let ids: number[] | undefined;
  for (const lf of r.flow.literals) {
    if (lf.tokens.some((m) => m.kind === 'aws-access-key-id')) (ids ??= []).push(lf.lit.start);
  }
  if (!ids) return [];
  const near = ids;
  return r.flow.literals.filter((lf) => !lf.contextSecret && lf.tokens.length === 0 && lf.lit.value.length >= 40 && lf.lit.value.length <= 48
    && near.some((s) => Math.abs(s - lf.lit.start) <= 400) && isAwsSecretKeyShape(lf.lit.value));
}

/**
 * Runs of string literals joined by `+`, or listed as the lines of an array (`["-----BEGIN …", "b3Bl…", …].join("\n")`),
 * that hold a `-----BEGIN` no single literal completes, as one text, with the literal each offset of it comes from.
 * Only regions with such a literal are walked.
 */
function concatenatedPemRuns(r: RegionFacts): { text: string; literalAt(offset: number): { lit: IrLiteral & { value: string }; offset: number } }[] {
  const partial = r.flow.literals.some((lf) => (marksOf(lf.lit) & MARK_PEM_BEGIN) !== 0 && !lf.tokens.some((m) => m.kind === 'private-key'));
  if (!partial) return [];
  const out: ReturnType<typeof concatenatedPemRuns> = [];
  const stack: Ir[] = [...r.ir.body];
  while (stack.length > 0) {
    const e = stack.pop() as Ir;
    pushChildren(e, stack);
    if (e.k !== 'cat' && e.k !== 'arr') continue;
    // Array elements are lines of the block: they are read with a line feed between them.
    const sep = e.k === 'arr' ? '\n' : '';
    let run: (IrLiteral & { value: string })[] = [];
    const flush = (): void => {
      if (run.length > 1 && run.some((l) => l.value.includes('-----BEGIN'))) {
        const lits = run;
        const offsets: number[] = [];
        let text = '';
        for (const l of lits) {
          if (text) text += sep;
          offsets.push(text.length);
          text += l.value;
        }
        out.push({ text, literalAt: (o) => { const k = lastAtMost(offsets, o); return { lit: lits[k], offset: offsets[k] }; } });
      }
      run = [];
    };
    for (const x of e.items) {
      if (x.k === 'lit' && typeof x.value === 'string') run.push(x as IrLiteral & { value: string });
      else flush();
    }
    flush();
  }
  return out;
}

/**
 * Runs of `//` comments on consecutive lines that hold a `-----BEGIN` no single comment completes, joined by line
 * feeds, with a map from the joined text back to region offsets.
 */
function lineCommentRuns(comments: readonly IrComment[], regionText: string): { text: string; toRegion(offset: number): number }[] {
  const out: { text: string; toRegion(offset: number): number }[] = [];
  // Most scripts have no key block in their comments: one test per comment, not a text slice per pair of them.
  if (!comments.some((c) => c.text.includes('-----BEGIN'))) return out;
  let i = 0;
  while (i < comments.length) {
    let j = i;
    while (j + 1 < comments.length && /^\r?\n[ \t]*\/\/$/.test(regionText.slice(comments[j].end, comments[j + 1].start))) j++;
    const run = comments.slice(i, j + 1);
    i = j + 1;
    if (run.length < 2 || !run.some((c) => c.text.includes('-----BEGIN')) || run.some((c) => c.text.includes('-----BEGIN') && c.text.includes('-----END'))) continue;
    const offsets: number[] = [];
    let text = '';
    for (const c of run) {
      offsets.push(text.length);
      text += (text ? '\n' : '') + c.text;
      if (offsets.length > 1) offsets[offsets.length - 1] += 1;
    }
    out.push({
      text,
      toRegion: (offset) => {
        // The last part starting at or before `offset` (binary search: runs can be long).
        const k = lastAtMost(offsets, offset);
        return run[k].start + Math.min(offset - offsets[k], run[k].text.length);
      },
    });
  }
  return out;
}
