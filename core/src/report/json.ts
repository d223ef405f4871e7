import { countFindings, type RunReport } from './model';

/** Version of the JSON report layout; bump on an incompatible change. */
export const JSON_REPORT_VERSION = 1;

/**
 * JSON report: a stable, documented shape (not a dump of internal objects, so fixes and their raw values never
 * leave the process). Lines and columns are 1-based like every other CLI format.
 */
export function formatJson(report: RunReport): string {
  const c = countFindings(report.files);
  const doc = {
    version: JSON_REPORT_VERSION,
    tool: report.tool,
    root: report.root,
    summary: {
      filesScanned: report.files.length,
      filesWithFindings: c.filesWithFindings,
      findings: c.total,
      errors: c.errors,
      warnings: c.warnings,
      notes: c.notes,
      baselined: report.baselined,
      executionSuccessful: report.executionSuccessful,
    },
    files: report.files.map((file) => ({
      path: file.path,
      ...(file.skippedReason ? { skipped: file.skippedReason } : {}),
      findings: file.findings.map((f) => ({
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        ...(f.masked !== undefined ? { masked: f.masked } : {}),
        fingerprint: f.fingerprint,
        ...(f.docsUrl ? { docsUrl: f.docsUrl } : {}),
        ...(f.related?.length
          ? { related: f.related.map((r) => ({ path: r.path, line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message })) }
          : {}),
      })),
    })),
    notifications: report.notifications,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
