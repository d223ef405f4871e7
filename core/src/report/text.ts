import { countFindings, oneLine, sarifLevel, type RunReport } from './model';

/**
 * Text report, one finding per line so a VS Code problem matcher can read it (see package.json
 * `contributes.problemMatchers`, `$jitterbit-guard`):
 *
 *   path:line:col  severity  message  rule-id
 *
 * followed by a blank line and a summary. Severities are `error`, `warning` and `info`. Paths are relative to the
 * scanned root; line and column are 1-based. Only masked messages are printed, never source lines.
 */
export function formatText(report: RunReport, opts: { summary?: boolean } = {}): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      const level = sarifLevel(f.severity);
      const word = level === 'note' ? 'info' : level;
      lines.push(`${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${word}  ${oneLine(f.message)}  ${f.ruleId}`);
    }
  }
  if (opts.summary !== false) {
    if (lines.length) lines.push('');
    lines.push(summaryLine(report));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function summaryLine(report: RunReport): string {
  const c = countFindings(report.files);
  const scanned = report.files.length;
  const extra: string[] = [`${scanned} ${plural(scanned, 'file')} scanned`];
  if (report.baselined) extra.push(`${report.baselined} baselined`);
  const problems = report.notifications.filter((n) => n.level !== 'note').length;
  if (problems) extra.push(`${problems} ${plural(problems, 'file problem')} (see stderr)`);
  if (!c.total) return `✔ no problems · ${extra.join(' · ')}`;
  return (
    `✖ ${c.total} ${plural(c.total, 'problem')} (${c.errors} ${plural(c.errors, 'error')}, ${c.warnings} ${plural(c.warnings, 'warning')}, ` +
    `${c.notes} ${plural(c.notes, 'note')}) in ${c.filesWithFindings} ${plural(c.filesWithFindings, 'file')} · ${extra.join(' · ')}`
  );
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** The problem matcher pattern for the text format; package.json carries the same regexp. */
export const TEXT_PROBLEM_PATTERN = /^(.+?):(\d+):(\d+) {2}(error|warning|info) {2}(.*) {2}(\S+)$/;
