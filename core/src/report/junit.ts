import { oneLine, sarifLevel, type RunReport } from './model';

/**
 * JUnit XML (the Jenkins/GitLab/Azure flavour): one `<testsuite>` per scanned file, one failing `<testcase>` per
 * finding, and one passing test case for a file without findings so the totals show what was scanned.
 */
export function formatJunit(report: RunReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const file of report.files) {
    const n = file.findings.length;
    const cases: string[] = [];
    if (!n) {
      cases.push(`    <testcase classname="${xml(file.path)}" name="${xml(report.tool.name)}" time="0"/>`);
    }
    for (const f of file.findings) {
      const line = f.range.start.line + 1;
      const col = f.range.start.character + 1;
      const msg = oneLine(f.message);
      const level = sarifLevel(f.severity);
      cases.push(
        `    <testcase classname="${xml(file.path)}" name="${xml(`${f.ruleId} at ${line}:${col}`)}" time="0">\n` +
          `      <failure type="${xml(f.ruleId)}" message="${xml(msg)}">${xml(`${level}: ${msg} (${f.ruleId})\n${file.path}:${line}:${col}`)}</failure>\n` +
          `    </testcase>`,
      );
    }
    tests += cases.length;
    failures += n;
    suites.push(
      `  <testsuite name="${xml(file.path)}" tests="${cases.length}" failures="${n}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const errors = report.notifications.filter((x) => x.level === 'error').length;
  out.push(`<testsuites name="${xml(report.tool.name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/** Escapes text for an XML attribute or element; drops characters XML 1.0 cannot hold. */
export function xml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
