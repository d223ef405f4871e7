import { strict as assert } from 'node:assert';
import { createProject, type Finding } from '../../core/src/index';
import { formatJson } from '../../core/src/report/json';
import { formatJunit } from '../../core/src/report/junit';
import { toReportFinding, type RunReport } from '../../core/src/report/model';
import { formatSarif } from '../../core/src/report/sarif';
import { formatText } from '../../core/src/report/text';
import { analyseFixture, leakFixture } from './leak-fixture';

// detection-policy "Severity and suppression": no message, log line, hover, SARIF result or telemetry ever contains
// the full secret value. Checked on everything a finding carries out of the core: message, masked form, related
// messages, fix titles and the finding's JSON serialisation (minus the raw value a fix hands to the vault).

/** The finding as JSON, without `fixes[].projectVariable.secretValue` (the vault input, by design raw). */
function serialise(f: Finding): string {
  return JSON.stringify(f, (key, value: unknown) => (key === 'secretValue' ? undefined : value));
}

/** Whether `text` shows `value`, or more than 4 of its leading characters (a 5-character prefix). */
function leaks(text: string, value: string): string | undefined {
  if (text.includes(value)) return 'the whole value';
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value && text.includes(json)) return 'the whole value (JSON-escaped)';
  if (value.length >= 8 && text.includes(value.slice(0, 5))) return `its first 5 characters (${value.slice(0, 5)}…)`;
  return undefined;
}

describe('no finding leaks a raw secret or personal value', () => {
  const fixture = leakFixture();
  const findings = analyseFixture(fixture);

  it('the fixture project exercises every kind of finding', () => {
    const rules = new Set(findings.map((f) => f.ruleId));
    for (const prefix of ['secrets/', 'logging/', 'pii/', 'hygiene/', 'script/', 'directives/']) {
      assert.ok([...rules].some((r) => r.startsWith(prefix)), `no ${prefix} finding`);
    }
    assert.ok(findings.length > 60, `only ${findings.length} findings`);
    assert.ok(fixture.raw.length > 50);
  });

  it('every secret/PII finding carries a masked form no longer than 4 + 2 characters around the ellipsis', () => {
    for (const f of findings.filter((x) => ['secret', 'pii'].includes(x.category))) {
      assert.ok(f.masked, `${f.ruleId} at ${f.range.start.line + 1} has no masked form`);
      assert.match(f.masked, /^(\*\*\*|[^…]{1,4}…[^…]{0,2})$/u, f.masked);
    }
  });

  const surfaces: [string, (f: Finding) => string[]][] = [
    ['message', (f) => [f.message]],
    ['masked form', (f) => (f.masked ? [f.masked] : [])],
    ['related messages', (f) => (f.related ?? []).map((r) => r.message)],
    ['fix titles', (f) => f.fixes.map((x) => x.title)],
    ['JSON serialisation (without the vault value)', (f) => [serialise(f)]],
  ];
  for (const [name, get] of surfaces) {
    it(`${name}: no raw value, no more than 4 leading characters of one`, () => {
      const problems: string[] = [];
      for (const f of findings) {
        for (const text of get(f)) {
          for (const v of fixture.raw) {
            const how = leaks(text, v);
            if (how) problems.push(`${f.ruleId} line ${f.range.start.line + 1}: ${name} shows ${how}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it('the CLI output formats (text, JSON, SARIF, JUnit) hold no raw value, no more than 4 leading characters of one', () => {
    const byPath = new Map<string, Finding[]>();
    for (const f of findings as (Finding & { path: string })[]) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
    const report: RunReport = {
      tool: { name: 'jitterbit-guard', version: '0.0.0-test', informationUri: 'https://github.com/jitterbit-guard/jitterbit-guard' },
      root: '/work/project',
      files: [...byPath].sort(([a], [b]) => a.localeCompare(b)).map(([path, fs]) => ({ path, findings: fs.map(toReportFinding) })),
      rules: createProject().rules(),
      notifications: [],
      executionSuccessful: true,
      baselined: 0,
    };
    const problems: string[] = [];
    for (const [name, out] of [['text', formatText(report)], ['json', formatJson(report)], ['sarif', formatSarif(report)], ['junit', formatJunit(report)]] as const) {
      assert.ok(out.length > 1000, `${name} output is suspiciously short`);
      for (const v of fixture.raw) {
        const how = leaks(out, v);
        if (how) problems.push(`${name} shows ${how}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('a fix that extracts a value hands the raw value to the vault only', () => {
    const extracting = findings.flatMap((f) => f.fixes).filter((x) => x.projectVariable);
    assert.ok(extracting.length > 10);
    for (const x of extracting) {
      assert.ok(x.projectVariable?.secretValue, 'no vault value');
      assert.ok(x.projectVariable?.hidden, 'the project variable is not hidden');
      for (const e of x.edits) assert.ok(!e.newText.includes(x.projectVariable?.secretValue ?? '\u0000'), 'the edit writes the value back');
    }
  });
});
