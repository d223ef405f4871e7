import { strict as assert } from 'node:assert';
import {
  DIRECTIVE_RULES,
  REASON_PLACEHOLDER,
  applyDirectives,
  commentsWithLines,
  parseDirectives,
  suppressionComment,
  type Directive,
} from '../../../core/src/engine/directives';
import type { Category, Finding } from '../../../core/src/engine/types';
import { LineMap } from '../../../core/src/syntax/text';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Test-only comment scanner: `//…`, `/*…*\/` and (conf) `#…`; strings are not special in these fixtures. */
function scanComments(src: string, hash = false): { text: string; start: number; end: number }[] {
  const re = hash ? /#[^\r\n]*/g : /\/\/[^\r\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;
  const out: { text: string; start: number; end: number }[] = [];
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const raw = m[0];
    const text = raw.startsWith('#') ? raw.slice(1) : raw.startsWith('//') ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
    out.push({ text, start: m.index, end: m.index + raw.length });
  }
  return out;
}

/** A finding at the first occurrence of `needle` (e.g. `S1`) in `src`. */
function at(src: string, lines: LineMap, needle: string, ruleId: string, category: Category = 'secret'): Finding {
  const start = src.indexOf(needle);
  assert.ok(start >= 0, `needle ${needle} not in source`);
  const end = start + needle.length;
  return { ruleId, category, severity: 'error', message: `m ${needle}`, start, end, range: lines.rangeOf({ start, end }), fingerprint: needle, fixes: [] };
}

interface Case {
  name: string;
  src: string;
  /** needle → rule id (category derived from the prefix). */
  findings: [string, string][];
  suppressed: string[];
  /** Expected problems as `ruleId: message fragment`. */
  problems?: string[];
  conf?: boolean;
  reportUnusedForeign?: boolean;
}

const categoryOf = (id: string): Category =>
  id.startsWith('secrets/') ? 'secret' : id.startsWith('logging/') ? 'sensitive-logging' : id.startsWith('pii/') ? 'pii' : id.startsWith('syntax/') ? 'syntax' : 'hygiene';

function run(c: Case): { kept: string[]; suppressed: string[]; problems: Finding[]; directives: Directive[] } {
  const lines = new LineMap(c.src);
  const directives = parseDirectives(commentsWithLines(scanComments(c.src, c.conf), lines));
  const findings = c.findings.map(([n, id]) => at(c.src, lines, n, id, categoryOf(id)));
  const r = applyDirectives(findings, directives, lines, { reportUnusedForeign: c.reportUnusedForeign });
  assert.equal(r.kept.length + r.suppressed.length, findings.length, 'every finding is kept or suppressed');
  return { kept: r.kept.map((f) => f.fingerprint), suppressed: r.suppressed.map((s) => s.finding.fingerprint), problems: r.problems, directives };
}

const cases: Case[] = [
  // --- own directives
  { name: 'disable-next-line with a reason', src: '// jitterbit-guard-disable-next-line secrets/a -- test key\n$k = "S1";\n$j = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'disable-next-line only hides the named rule', src: '// jitterbit-guard-disable-next-line secrets/a -- r\n$k = "S1" + "P1";', findings: [['S1', 'secrets/a'], ['P1', 'pii/email']], suppressed: ['S1'] },
  { name: 'disable-next-line never hides the same line or the line after next', src: '$a = "S0"; // jitterbit-guard-disable-next-line secrets/a -- r\n\n$k = "S1";', findings: [['S0', 'secrets/a'], ['S1', 'secrets/a']], suppressed: [], problems: ['directives/unused: Unused suppression "jitterbit-guard-disable-next-line secrets/a": no finding of secrets/a on the next line.'] },
  { name: 'disable-line covers its own line only', src: '$k = "S1"; // jitterbit-guard-disable-line secrets/a -- r\n$j = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'several ids, commas and spaces', src: '// jitterbit-guard-disable-next-line secrets/a, pii/email logging/x -- r\n$k = "S1" + "P1" + "L1";', findings: [['S1', 'secrets/a'], ['P1', 'pii/email'], ['L1', 'logging/x']], suppressed: ['S1', 'P1', 'L1'] },
  { name: 'no id means all rules', src: '// jitterbit-guard-disable-next-line -- generated file\n$k = "S1" + "P1";', findings: [['S1', 'secrets/a'], ['P1', 'pii/email']], suppressed: ['S1', 'P1'] },
  { name: 'all rules does not hide syntax errors', src: '// jitterbit-guard-disable-next-line -- r\n$k = (X1;', findings: [['X1', 'syntax/error']], suppressed: [], problems: ['directives/unused: no finding of any rule on the next line'] },
  { name: 'syntax errors can be named explicitly', src: '// jitterbit-guard-disable-next-line syntax/error -- r\n$k = (X1;', findings: [['X1', 'syntax/error']], suppressed: ['X1'] },
  { name: 'trailing /* wildcard', src: '// jitterbit-guard-disable-next-line secrets/* -- fixtures\n$k = "S1" + "S2" + "P1";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/b'], ['P1', 'pii/email']], suppressed: ['S1', 'S2'] },
  { name: 'wildcard does not match a longer category name', src: '// jitterbit-guard-disable-next-line secrets/* -- r\n$k = "S1";', findings: [['S1', 'secretsx/a']], suppressed: [], problems: ['directives/unused'] },
  { name: 'range disable … enable', src: '// jitterbit-guard-disable secrets/a -- legacy block\n$a = "S1";\n$b = "S2";\n// jitterbit-guard-enable secrets/a\n$c = "S3";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a'], ['S3', 'secrets/a']], suppressed: ['S1', 'S2'] },
  { name: 'range includes the lines of both comments', src: '$a = "S0"; // jitterbit-guard-disable secrets/a -- r\n$b = "S1"; // jitterbit-guard-enable\n$c = "S2";', findings: [['S0', 'secrets/a'], ['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S0', 'S1'] },
  { name: 'range without enable runs to the end of the file', src: '$z = "S0";\n// jitterbit-guard-disable -- r\n\n\n$a = "S1";', findings: [['S0', 'secrets/a'], ['S1', 'pii/x']], suppressed: ['S1'] },
  { name: 'enable of a wildcard closes the specific ranges it covers', src: '// jitterbit-guard-disable secrets/a -- r\n$a = "S1";\n// jitterbit-guard-enable secrets/*\n$c = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'enable of a specific id does not carve a wildcard range', src: '// jitterbit-guard-disable secrets/* -- r\n$a = "S1";\n// jitterbit-guard-enable secrets/a\n$c = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1', 'S2'], problems: ['directives/unused: "jitterbit-guard-enable secrets/a" re-enables nothing'] },
  { name: 'enable that closes nothing is unused', src: '$c = "S2";\n// jitterbit-guard-enable', findings: [['S2', 'secrets/a']], suppressed: [], problems: ['directives/unused: "jitterbit-guard-enable" re-enables nothing'] },
  { name: 'disable-file', src: '$a = "S1";\n/* jitterbit-guard-disable-file pii/* -- synthetic test data */\n$b = "P1";\n$c = "S2";', findings: [['S1', 'secrets/a'], ['P1', 'pii/email'], ['S2', 'secrets/b']], suppressed: ['P1'] },
  { name: 'multi-line block comment: next line is after its end', src: '/*\n * jitterbit-guard-disable-next-line secrets/a\n * -- vendor sandbox key,\n *    rotated weekly\n */\n$k = "S1";\n$j = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'multi-line block comment: disable-line covers every line it touches', src: '$k = "S1"; /* jitterbit-guard-disable-line secrets/a\n -- r */ $j = "S2";\n$m = "S3";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a'], ['S3', 'secrets/a']], suppressed: ['S1', 'S2'] },
  { name: 'a directive must start the comment', src: '// note: jitterbit-guard-disable-next-line secrets/a -- r\n$k = "S1";', findings: [['S1', 'secrets/a']], suppressed: [] },
  { name: 'keyword prefix is not enough', src: '// jitterbit-guard-disable-next-lines secrets/a -- r\n$k = "S1";', findings: [['S1', 'secrets/a']], suppressed: [] },
  { name: 'CRLF line endings', src: '// jitterbit-guard-disable-next-line secrets/a -- r\r\n$k = "S1";\r\n$j = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'jitterbit.conf # comments', conf: true, src: '[Db]\n# jitterbit-guard-disable-next-line secrets/conf -- local dev only\nPassword=S1\nToken=S2', findings: [['S1', 'secrets/conf'], ['S2', 'secrets/conf']], suppressed: ['S1'] },

  // --- missing reason
  { name: 'missing reason still suppresses and is reported', src: '// jitterbit-guard-disable-next-line secrets/a\n$k = "S1";', findings: [['S1', 'secrets/a']], suppressed: ['S1'], problems: ['directives/missing-reason: Suppression "jitterbit-guard-disable-next-line secrets/a" gives no reason'] },
  { name: 'empty reason after -- is missing', src: '$k = "S1"; // jitterbit-guard-disable-line secrets/a --', findings: [['S1', 'secrets/a']], suppressed: ['S1'], problems: ['directives/missing-reason'] },
  { name: 'placeholder reason is missing', src: `// jitterbit-guard-disable-next-line secrets/a -- ${REASON_PLACEHOLDER}\n$k = "S1";`, findings: [['S1', 'secrets/a']], suppressed: ['S1'], problems: ['directives/missing-reason'] },
  { name: 'reason without -- is read as rule ids (suppresses nothing, never everything)', src: '// jitterbit-guard-disable-next-line because test\n$k = "S1";', findings: [['S1', 'secrets/a']], suppressed: [], problems: ['directives/missing-reason', 'directives/unused: Unused suppression "jitterbit-guard-disable-next-line because, test"'] },
  { name: 'enable needs no reason', src: '// jitterbit-guard-disable secrets/a -- r\n$a = "S1";\n// jitterbit-guard-enable secrets/a', findings: [['S1', 'secrets/a']], suppressed: ['S1'] },

  // --- unused
  { name: 'unused directive', src: '// jitterbit-guard-disable-next-line secrets/a -- r\n$k = "clean";', findings: [], suppressed: [], problems: ['directives/unused: Unused suppression "jitterbit-guard-disable-next-line secrets/a"'] },
  { name: 'one unused id of several is reported by id', src: '// jitterbit-guard-disable-next-line secrets/a, pii/email -- r\n$k = "S1";', findings: [['S1', 'secrets/a']], suppressed: ['S1'], problems: ['directives/unused: Rule id "pii/email" in "jitterbit-guard-disable-next-line secrets/a, pii/email" suppresses nothing on the next line.'] },
  { name: 'unused range', src: '// jitterbit-guard-disable pii/* -- r\n$a = "S1";\n// jitterbit-guard-enable pii/*', findings: [['S1', 'secrets/a']], suppressed: [], problems: ['directives/unused: Unused suppression "jitterbit-guard-disable pii/*": no finding of pii/* in this range.'] },
  { name: 'range used only after a closed sibling is still credited', src: '// jitterbit-guard-disable secrets/a -- r\n// jitterbit-guard-enable secrets/a\n// jitterbit-guard-disable secrets/a -- r2\n$a = "S1";', findings: [['S1', 'secrets/a']], suppressed: ['S1'], problems: ['directives/unused: Unused suppression "jitterbit-guard-disable secrets/a": no finding of secrets/a in this range.'] },
  { name: 'redundant overlapping directives are all credited', src: '// jitterbit-guard-disable-file secrets/* -- r\n// jitterbit-guard-disable-next-line secrets/a -- r\n$a = "S1";', findings: [['S1', 'secrets/a']], suppressed: ['S1'] },
  { name: 'unused file directive', src: '// jitterbit-guard-disable-file -- r\n', findings: [], suppressed: [], problems: ['directives/unused: Unused suppression "jitterbit-guard-disable-file": no finding of any rule in this file.'] },

  // --- foreign directives
  { name: 'gitleaks:allow on the same line', src: '$k = "S1"; // gitleaks:allow\n$j = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'gitleaks:allow only suppresses secrets rules', src: '$k = "S1" + "P1" + "L1"; // gitleaks:allow', findings: [['S1', 'secrets/a'], ['P1', 'pii/email'], ['L1', 'logging/x']], suppressed: ['S1'] },
  { name: 'gitleaks:allow with a reason around it', src: '$k = "S1"; // sandbox key, gitleaks:allow -- rotated', findings: [['S1', 'secrets/a']], suppressed: ['S1'] },
  { name: 'gitleaks:allow never hides the next line', src: '// gitleaks:allow\n$k = "S1";', findings: [['S1', 'secrets/a']], suppressed: [], problems: ['directives/unused: Unused suppression "gitleaks:allow": no finding of secrets/* on this line.'] },
  { name: 'pragma: allowlist secret on the same line', src: '$k = "S1"; // pragma: allowlist secret\n$j = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'pragma: allowlist secret does not cover pii', src: '$k = "P1"; // pragma: allowlist secret', findings: [['P1', 'pii/phone']], suppressed: [], problems: ['directives/unused'] },
  { name: 'pragma: allowlist nextline secret', src: '// pragma: allowlist nextline secret\n$k = "S1";\n$j = "S2";', findings: [['S1', 'secrets/a'], ['S2', 'secrets/a']], suppressed: ['S1'] },
  { name: 'pragma: allowlist nextline secret does not cover its own line', src: '$k = "S1"; // pragma: allowlist nextline secret', findings: [['S1', 'secrets/a']], suppressed: [], problems: ['directives/unused'] },
  { name: 'unused foreign directives can be left alone', src: '$k = "clean"; // gitleaks:allow', findings: [], suppressed: [], problems: [], reportUnusedForeign: false },
  { name: 'foreign directives need no reason', src: '$k = "S1"; /* pragma: allowlist secret */', findings: [['S1', 'secrets/a']], suppressed: ['S1'], problems: [] },
];

describe('directives: table', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c);
      assert.deepEqual(r.suppressed.sort(), [...c.suppressed].sort(), 'suppressed');
      const expectedKept = c.findings.map(([n]) => n).filter((n) => !c.suppressed.includes(n));
      assert.deepEqual(r.kept.sort(), expectedKept.sort(), 'kept');
      const expected = c.problems ?? [];
      assert.equal(r.problems.length, expected.length, r.problems.map((p) => `${p.ruleId}: ${p.message}`).join('\n'));
      for (const e of expected) {
        const [id, fragment] = e.split(/: (.*)/s);
        assert.ok(
          r.problems.some((p) => p.ruleId === id && (fragment === undefined || p.message.includes(fragment))),
          `expected ${e}; got ${r.problems.map((p) => `${p.ruleId}: ${p.message}`).join(' | ')}`,
        );
      }
      for (const p of r.problems) {
        assert.equal(p.category, 'directive');
        assert.equal(p.severity, 'warning');
        assert.match(p.fingerprint, /^[0-9a-f]{32}(:\d+)?$/);
        assert.ok(p.docsUrl?.endsWith(`${p.ruleId}.md`));
      }
    });
  }
});

describe('directives: parsing', () => {
  it('parses kind, ids, reason and lines', () => {
    const src = 'x\n/* jitterbit-guard-disable-next-line secrets/a,secrets/a pii/* --  two\n  words */';
    const lines = new LineMap(src);
    const [d] = parseDirectives(commentsWithLines(scanComments(src), lines));
    assert.equal(d.kind, 'disable-next-line');
    assert.deepEqual(d.ruleIds, ['secrets/a', 'pii/*']);
    assert.equal(d.reason, 'two words');
    assert.equal(d.line, 1);
    assert.equal(d.endLine, 2);
    assert.equal(d.label, 'jitterbit-guard-disable-next-line secrets/a, pii/*');
  });
  it('ignores comments without directives and never throws on odd input', () => {
    const weird = [{ text: '', start: 0, end: 0, line: 0, endLine: 0 }, { text: '*/*/*', start: 0, end: 5, line: 0, endLine: 0 }, { text: 'jitterbit-guard-', start: 0, end: 1, line: 0, endLine: 0 }];
    assert.deepEqual(parseDirectives(weird), []);
    const huge = { text: `jitterbit-guard-disable-line ${'a/b, '.repeat(100_000)}`, start: 0, end: 10, line: 0, endLine: 0 };
    const t0 = Date.now();
    parseDirectives([huge]);
    assert.ok(Date.now() - t0 < 5000);
  });
  it('masks ids that are no rule ids in every message (prose without " -- " may hold the suppressed value)', () => {
    // Generated fake token, not a real credential.
    const token = 'sk_live_bafVMapA52WDvAKUa5EnPvY7';
    const src = `// jitterbit-guard-disable-next-line ${token} is a test key\nx = 1;\n$k = "S1"; // jitterbit-guard-disable-line secrets/a ${token} -- r`;
    const lines = new LineMap(src);
    const ds = parseDirectives(commentsWithLines(scanComments(src), lines));
    const r = applyDirectives([at(src, lines, 'S1', 'secrets/a')], ds, lines);
    assert.equal(r.suppressed.length, 1);
    assert.deepEqual(r.problems.map((p) => p.ruleId).sort(), ['directives/missing-reason', 'directives/unused', 'directives/unused']);
    for (const p of r.problems) {
      assert.ok(!p.message.includes(token.slice(4, 20)), p.message);
      for (const f of p.fixes) assert.ok(!f.title.includes(token.slice(4, 20)), f.title);
    }
    assert.ok(r.problems.some((p) => p.message.includes('sk_l…Y7')), 'the masked form names the id');
    assert.ok(r.problems.some((p) => p.message.includes('Rule id "sk_l…Y7" in "jitterbit-guard-disable-line secrets/a, sk_l…Y7"')), 'rule ids stay readable');
    assert.ok(r.problems.some((p) => p.message.includes('is, a, test, key')), 'words of prose stay readable');
    assert.deepEqual(ds[0].ruleIds[0], token, 'matching still uses the id as written');
  });
  it('recognises detect-secrets variants', () => {
    const mk = (text: string): Directive[] => parseDirectives([{ text, start: 0, end: 1, line: 0, endLine: 0 }]);
    assert.equal(mk(' pragma: allowlist secret')[0].kind, 'disable-line');
    assert.equal(mk(' pragma: whitelist secret')[0].kind, 'disable-line');
    assert.equal(mk(' pragma:allowlist-secret')[0].kind, 'disable-line');
    assert.equal(mk(' pragma: allowlist nextline secret')[0].kind, 'disable-next-line');
    assert.equal(mk(' pragma: allowlist nextline secret')[0].origin, 'detect-secrets');
    assert.equal(mk(' pragma: allowlist something').length, 0);
  });
});

describe('directives: unused fix', () => {
  const fixOf = (src: string): string | undefined => {
    const lines = new LineMap(src);
    const ds = parseDirectives(commentsWithLines(scanComments(src), lines));
    const [p] = applyDirectives([], ds, lines).problems;
    assert.equal(p.ruleId, 'directives/unused');
    const fix = p.fixes[0];
    if (!fix) return undefined;
    assert.equal(fix.edits.length, 1);
    const e = fix.edits[0];
    return src.slice(0, e.start) + e.newText + src.slice(e.end);
  };
  it('deletes a comment alone on its line, with the line', () => {
    assert.equal(fixOf('$a = 1;\n  // jitterbit-guard-disable-next-line secrets/a -- r\n$b = 2;\n'), '$a = 1;\n$b = 2;\n');
  });
  it('deletes a multi-line block comment and its lines', () => {
    assert.equal(fixOf('$a = 1;\n/* jitterbit-guard-disable-next-line secrets/a\n -- r */\r\n$b = 2;'), '$a = 1;\n$b = 2;');
  });
  it('keeps code that shares the line', () => {
    assert.equal(fixOf('$a = 1;   // jitterbit-guard-disable-line secrets/a -- r\n$b = 2;'), '$a = 1;\n$b = 2;');
    assert.equal(fixOf('/* jitterbit-guard-disable-line secrets/a -- r */  $a = 1;'), '$a = 1;');
  });
  it('offers no removal when the comment holds other text (foreign directive inside prose)', () => {
    assert.equal(fixOf('$a = 1; // test fixture, gitleaks:allow'), undefined);
    assert.equal(fixOf('$a = 1; // gitleaks:allow'), '$a = 1;');
  });
  it('never offers fixes for missing-reason', () => {
    const src = '// jitterbit-guard-disable-next-line secrets/a\n$k = "S1";';
    const lines = new LineMap(src);
    const r = applyDirectives([at(src, lines, 'S1', 'secrets/a')], parseDirectives(commentsWithLines(scanComments(src), lines)), lines);
    assert.equal(r.problems.length, 1);
    assert.deepEqual(r.problems[0].fixes, []);
  });
});

describe('directives: fingerprints and scale', () => {
  it('fingerprints survive moving the directive to another line, and differ for duplicates', () => {
    const fp = (src: string): string[] => {
      const lines = new LineMap(src);
      return applyDirectives([], parseDirectives(commentsWithLines(scanComments(src), lines)), lines).problems.map((p) => p.fingerprint);
    };
    const d = '// jitterbit-guard-disable-next-line secrets/a -- r';
    assert.deepEqual(fp(`${d}\n`), fp(`\n\n\n${d}\n`));
    const two = fp(`${d}\n${d}\n`);
    assert.equal(two.length, 2);
    assert.notEqual(two[0], two[1]);
  });
  it('handles thousands of directives and findings in near-linear time', function () {
    this.timeout(20_000);
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) parts.push(`// jitterbit-guard-disable secrets/r${i % 50} -- r`, `$v = "S${i}"; // gitleaks:allow`);
    const src = parts.join('\n');
    const lines = new LineMap(src);
    const findings: Finding[] = [];
    for (let l = 1; l < 10_000; l += 2) {
      const start = lines.offsetAt({ line: l, character: 6 });
      for (let k = 0; k < 3; k++) findings.push({ ruleId: `secrets/r${k}`, category: 'secret', severity: 'error', message: '', start, end: start + 1, range: lines.rangeOf({ start, end: start + 1 }), fingerprint: `${l}:${k}`, fixes: [] });
    }
    const t0 = Date.now();
    const r = applyDirectives(findings, parseDirectives(commentsWithLines(scanComments(src), lines)), lines);
    assert.equal(r.kept.length, 0);
    assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
  });
});

describe('directives: custom line space (lineOf)', () => {
  it('matches script-relative lines of a script embedded on one host line', () => {
    // A JSON export: the whole script is one host line; the host passes decoded-script lines instead.
    const src = '{"script": "// jitterbit-guard-disable-next-line secrets/a -- r\\n$k = \\"S1\\"; $j = \\"S2\\";"}';
    const lines = new LineMap(src);
    const cStart = src.indexOf('//');
    const cEnd = src.indexOf('\\n');
    const directives = parseDirectives([{ text: src.slice(cStart + 2, cEnd), start: cStart, end: cEnd, line: 100, endLine: 100 }]);
    const s1 = at(src, lines, 'S1', 'secrets/a');
    const s2 = at(src, lines, 'S2', 'secrets/a');
    const scriptLine = new Map([[s1, 101], [s2, 101]]);
    const r = applyDirectives([s1, s2], directives, lines, { lineOf: (f) => scriptLine.get(f) ?? -1 });
    assert.equal(r.suppressed.length, 2);
    const hostOnly = applyDirectives([s1, s2], parseDirectives([{ text: src.slice(cStart + 2, cEnd), start: cStart, end: cEnd, line: 0, endLine: 0 }]), lines);
    assert.equal(hostOnly.suppressed.length, 0, 'host lines: the next host line does not exist');
  });
  it('copes with sparse and non-finite line numbers', () => {
    const src = 'x';
    const lines = new LineMap(src);
    const f = at(src, lines, 'x', 'secrets/a');
    const ds = parseDirectives([{ text: ' gitleaks:allow', start: 0, end: 1, line: 1e12, endLine: 1e12 }]);
    assert.equal(applyDirectives([f], ds, lines, { lineOf: () => 1e12 }).suppressed.length, 1);
    assert.equal(applyDirectives([f], ds, lines, { lineOf: () => Number.NaN }).suppressed.length, 0);
  });
});

describe('directives: suppressionComment', () => {
  const cases: [string, 'jitterbit' | 'javascript' | 'conf', string | undefined, string][] = [
    ['secrets/a', 'jitterbit', 'test fixture', '// jitterbit-guard-disable-next-line secrets/a -- test fixture'],
    ['secrets/a', 'javascript', 'multi\nline  reason', '// jitterbit-guard-disable-next-line secrets/a -- multi line reason'],
    ['secrets/conf', 'conf', 'local only', '# jitterbit-guard-disable-next-line secrets/conf -- local only'],
    ['pii/email', 'jitterbit', undefined, `// jitterbit-guard-disable-next-line pii/email -- ${REASON_PLACEHOLDER}`],
  ];
  for (const [id, lang, reason, expected] of cases) {
    it(`${lang}: ${expected}`, () => assert.equal(suppressionComment(id, lang, reason), expected));
  }
  it('round-trips: the generated comment suppresses the finding on the next line', () => {
    const src = `${suppressionComment('secrets/a', 'jitterbit', 'ok')}\n$k = "S1";`;
    const lines = new LineMap(src);
    const r = applyDirectives([at(src, lines, 'S1', 'secrets/a')], parseDirectives(commentsWithLines(scanComments(src), lines)), lines);
    assert.equal(r.suppressed.length, 1);
    assert.equal(r.problems.length, 0);
  });
});

describe('directives: rule metadata and docs', () => {
  it('declares both problem rules with docs pages', () => {
    assert.deepEqual(DIRECTIVE_RULES.map((r) => r.id), ['directives/missing-reason', 'directives/unused']);
    for (const r of DIRECTIVE_RULES) {
      assert.equal(r.category, 'directive');
      assert.equal(r.defaultSeverity, 'warning');
      assert.equal(r.docs.url, `https://github.com/jitterbit-guard/jitterbit-guard/blob/main/core/docs/rules/${r.id}.md`);
      assert.ok(existsSync(join(__dirname, '../../../core/docs/rules', `${r.id}.md`)), `doc page for ${r.id}`);
      assert.ok(r.shortDescription.length > 0);
    }
    assert.equal(DIRECTIVE_RULES[1].fixable, true);
    assert.equal(DIRECTIVE_RULES[0].fixable, false);
  });
});
