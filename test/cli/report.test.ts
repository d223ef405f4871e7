/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF documents are walked as untyped JSON in assertions */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatJson } from '../../core/src/report/json';
import { formatJunit } from '../../core/src/report/junit';
import { toReportFinding, type RunReport } from '../../core/src/report/model';
import { buildSarif, FINGERPRINT_KEY, formatSarif, rootUri, ruleName, toUri } from '../../core/src/report/sarif';
import { formatText, TEXT_PROBLEM_PATTERN } from '../../core/src/report/text';
import { finding, rule, tmpDir, validateSarif } from './helpers';

const RULES = [rule('secrets/hardcoded-credential', 'secret', 798), rule('logging/sensitive-data', 'sensitive-logging', 532, 'warning'), rule('pii/email', 'pii', 359, 'warning')];

function sampleReport(): RunReport {
  const secretFix = { title: 'Use a project variable', kind: 'quickfix' as const, edits: [], safe: true, projectVariable: { name: 'pv', hidden: true, description: '', secretValue: 'RAW-SECRET-VALUE-123' } };
  return {
    tool: { name: 'jitterbit-guard', version: '9.8.7', informationUri: 'https://example.invalid/jg' },
    root: '/work/some root',
    files: [
      {
        path: 'dir a/one.jb',
        findings: [
          toReportFinding(finding('secrets/hardcoded-credential', 2, 4, { fixes: [secretFix], masked: 'Pw…3', fingerprint: 'abc' })),
          toReportFinding(finding('secrets/hardcoded-credential', 9, 4, { masked: 'Pw…3', fingerprint: 'abc' })),
          toReportFinding(finding('logging/sensitive-data', 5, 0, { category: 'sensitive-logging', severity: 'warning', message: 'Password\nreaches  WriteToOperationLog', related: [{ path: 'dir a/zero.jb', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, message: 'global written here' }] })),
        ],
      },
      { path: 'pak.jpk!/Data/Script/x.xml', findings: [toReportFinding(finding('syntax/unexpected-token', 0, 0, { category: 'syntax', severity: 'info', message: 'Unexpected <token> & "quote"' }))] },
      { path: 'z-clean.jb', findings: [] },
    ],
    rules: RULES,
    notifications: [{ level: 'warning', path: 'bad.jb', message: 'bad.jb: skipped: the file is binary' }],
    executionSuccessful: true,
    baselined: 2,
  };
}

describe('report: model', () => {
  it('drops fixes (they carry raw values for the vault) from report findings', () => {
    const r = sampleReport();
    for (const out of [formatJson(r), formatSarif(r), formatText(r), formatJunit(r)]) assert.ok(!out.includes('RAW-SECRET-VALUE-123'));
    assert.equal('fixes' in r.files[0].findings[0], false);
  });
});

describe('report: text', () => {
  it('prints path:line:col  severity  message  rule-id with 1-based positions and a summary', () => {
    const lines = formatText(sampleReport()).trimEnd().split('\n');
    assert.equal(lines[0], 'dir a/one.jb:3:5  error  Hard-coded credential Pw…3 in a script.  secrets/hardcoded-credential');
    assert.equal(lines[2], 'dir a/one.jb:6:1  warning  Password reaches WriteToOperationLog  logging/sensitive-data');
    assert.match(lines[3], /^pak\.jpk!\/Data\/Script\/x\.xml:1:1 {2}info {2}/);
    assert.equal(lines[4], '');
    assert.equal(lines[5], '✖ 4 problems (2 errors, 1 warning, 1 note) in 2 files · 3 files scanned · 2 baselined · 1 file problem (see stderr)');
  });
  it('every finding line matches the problem matcher pattern shipped in package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      contributes: { problemMatchers?: { name: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number } }[] };
    };
    const pm = pkg.contributes.problemMatchers?.find((m) => m.name === 'jitterbit-guard');
    assert.ok(pm, 'problem matcher jitterbit-guard is contributed');
    const re = new RegExp(pm.pattern.regexp);
    assert.equal(pm.pattern.regexp, TEXT_PROBLEM_PATTERN.source);
    const lines = formatText(sampleReport()).split('\n').filter((l) => /:\d+:\d+ {2}/.test(l));
    assert.equal(lines.length, 4);
    const m = re.exec(lines[2]);
    assert.ok(m);
    assert.deepEqual([m[pm.pattern.file], m[pm.pattern.line], m[pm.pattern.column], m[pm.pattern.severity], m[pm.pattern.code]], ['dir a/one.jb', '6', '1', 'warning', 'logging/sensitive-data']);
    assert.equal(m[pm.pattern.message], 'Password reaches WriteToOperationLog');
    assert.equal(re.exec('✖ 4 problems (2 errors, 1 warning, 1 note) in 2 files'), null);
  });
  it('says so when there is nothing to report', () => {
    assert.equal(formatText({ ...sampleReport(), files: [{ path: 'a.jb', findings: [] }], notifications: [], baselined: 0 }), '✔ no problems · 1 file scanned\n');
  });
});

describe('report: JSON', () => {
  it('has a documented shape with 1-based positions and a summary', () => {
    const doc = JSON.parse(formatJson(sampleReport()));
    assert.equal(doc.version, 1);
    assert.equal(doc.tool.version, '9.8.7');
    assert.deepEqual(doc.summary, { filesScanned: 3, filesWithFindings: 2, findings: 4, errors: 2, warnings: 1, notes: 1, baselined: 2, executionSuccessful: true });
    const f = doc.files[0].findings[0];
    assert.deepEqual(
      { ruleId: f.ruleId, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, masked: f.masked, fingerprint: f.fingerprint },
      { ruleId: 'secrets/hardcoded-credential', line: 3, column: 5, endLine: 3, endColumn: 15, masked: 'Pw…3', fingerprint: 'abc' },
    );
    assert.deepEqual(doc.files[0].findings[2].related, [{ path: 'dir a/zero.jb', line: 2, column: 1, message: 'global written here' }]);
    assert.equal(doc.notifications[0].message, 'bad.jb: skipped: the file is binary');
  });
});

describe('report: JUnit', () => {
  it('writes one suite per file, one failure per finding, escaped XML', () => {
    const x = formatJunit(sampleReport());
    assert.match(x, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="jitterbit-guard" tests="5" failures="4" errors="0"/);
    assert.equal((x.match(/<testsuite /g) ?? []).length, 3);
    assert.equal((x.match(/<failure /g) ?? []).length, 4);
    assert.ok(x.includes('message="Unexpected &lt;token&gt; &amp; &quot;quote&quot;"'));
    assert.ok(x.includes('<testsuite name="z-clean.jb" tests="1" failures="0"'));
  });
});

describe('report: SARIF', () => {
  it('describes the tool, every rule with CWE tags, and results located relative to %SRCROOT%', () => {
    const doc = buildSarif(sampleReport()) as any;
    assert.equal(doc.version, '2.1.0');
    assert.match(doc.$schema, /sarif-2\.1\.0/);
    const run = doc.runs[0];
    assert.equal(run.tool.driver.name, 'jitterbit-guard');
    assert.equal(run.tool.driver.version, '9.8.7');
    assert.equal(run.tool.driver.informationUri, 'https://example.invalid/jg');
    const ids = run.tool.driver.rules.map((r: any) => r.id);
    assert.deepEqual(ids, ['secrets/hardcoded-credential', 'logging/sensitive-data', 'pii/email', 'syntax/unexpected-token']);
    const r0 = run.tool.driver.rules[0];
    assert.deepEqual(r0.properties.tags, ['security', 'external/cwe/cwe-798']);
    assert.equal(r0.defaultConfiguration.level, 'error');
    assert.equal(r0.helpUri, 'https://example.invalid/docs/rules/secrets/hardcoded-credential.md');
    assert.equal(r0.name, 'SecretsHardcodedCredential');
    assert.equal(run.tool.driver.rules[1].defaultConfiguration.level, 'warning');
    assert.deepEqual(run.tool.driver.rules[2].properties.tags, ['security', 'external/cwe/cwe-359']);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/some%20root/');
    const res = run.results;
    assert.equal(res.length, 4);
    assert.equal(res[0].ruleIndex, 0);
    assert.equal(res[2].ruleIndex, 1);
    assert.equal(res[3].ruleIndex, 3);
    assert.equal(res[3].level, 'note');
    assert.deepEqual(res[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'dir%20a/one.jb', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 15 },
    });
    assert.equal(res[3].locations[0].physicalLocation.artifactLocation.uri, 'pak.jpk!/Data/Script/x.xml');
    assert.equal(res[2].relatedLocations[0].physicalLocation.artifactLocation.uri, 'dir%20a/zero.jb');
    assert.equal(run.invocations[0].executionSuccessful, true);
    assert.equal(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri, 'bad.jb');
  });
  it('fingerprints ignore the line and tell equal values in one file apart', () => {
    const a = buildSarif(sampleReport()) as any;
    const moved = sampleReport();
    moved.files[0].findings[0].range = { start: { line: 40, character: 4 }, end: { line: 40, character: 14 } };
    const b = buildSarif(moved) as any;
    assert.equal(a.runs[0].results[0].partialFingerprints[FINGERPRINT_KEY], 'abc');
    assert.equal(a.runs[0].results[1].partialFingerprints[FINGERPRINT_KEY], 'abc:1');
    assert.deepEqual(b.runs[0].results[0].partialFingerprints, a.runs[0].results[0].partialFingerprints);
  });
  it('sets automationDetails for a shard', () => {
    const doc = buildSarif(sampleReport(), { automationId: 'jitterbit-guard/shard-2-of-3/' }) as any;
    assert.equal(doc.runs[0].automationDetails.id, 'jitterbit-guard/shard-2-of-3/');
  });
  it('helpers: rule names, URIs', () => {
    assert.equal(ruleName('pii/e-mail'), 'PiiEMail');
    assert.equal(toUri('a b/c#d.jb'), 'a%20b/c%23d.jb');
    assert.equal(rootUri('C:/proj'), 'file:///C:/proj/');
  });
  it('passes Microsoft SARIF Multitool validation without errors or warnings', function () {
    this.timeout(60000);
    const file = path.join(tmpDir(), 'report.sarif');
    writeFileSync(file, formatSarif(sampleReport()));
    const v = validateSarif(file);
    assert.deepEqual(v.errors, []);
    assert.deepEqual(v.warnings, []);
  });
  it('the validator is not vacuous: a broken log (bad ruleIndex, 0-based line) is rejected', function () {
    this.timeout(60000);
    const doc = buildSarif(sampleReport()) as any;
    doc.runs[0].results[0].ruleIndex = 99;
    doc.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    const file = path.join(tmpDir(), 'broken.sarif');
    writeFileSync(file, JSON.stringify(doc));
    assert.ok(validateSarif(file).errors.length >= 1);
  });
});
