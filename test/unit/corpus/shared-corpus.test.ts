import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createProject, DEFAULT_CONFIG, type Finding } from '../../../core/src/index';

// The reference corpora live beside the repository (../shared) on developer machines and in CI. They check the
// analyser against the policy's labels; the project's own rule tables use fixtures written in test/rules.
const SHARED = join(__dirname, '..', '..', '..', '..', 'shared');
const LABELED = join(SHARED, 'corpus', 'labeled');
const DOCS = join(SHARED, 'corpus', 'docs-examples');

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n !== 'README.md' && n !== 'labels.jsonl') out.push(p);
  }
  return out;
}

function analyseTree(root: string): { file: string; finding: Finding }[] {
  const files = walk(root);
  const project = createProject();
  for (const f of files) project.setFile(f, readFileSync(f, 'utf8'));
  return files.flatMap((f) => project.analyzeFile(f, DEFAULT_CONFIG).findings.map((finding) => ({ file: relative(root, f), finding })));
}

if (existsSync(LABELED) && existsSync(DOCS)) {
  describe('shared reference corpora', () => {
    it('labelled corpus: precision and recall ≥ 0.95 for each category', function () {
      this.timeout(60000);
      const project = createProject();
      const results = analyseTree(LABELED);
      const rules = project.rules().map((m) => ({ id: m.id, properties: { tags: m.cwe ? ['security', `external/cwe/cwe-${m.cwe}`] : [] } }));
      const sarif = {
        version: '2.1.0',
        runs: [{
          tool: { driver: { name: 'jitterbit-guard', rules } },
          results: results.map(({ file, finding }) => ({
            ruleId: finding.ruleId, message: { text: finding.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: finding.range.start.line + 1 } } }],
          })),
        }],
      };
      const dir = mkdtempSync(join(tmpdir(), 'jg-score-'));
      writeFileSync(join(dir, 'out.sarif'), JSON.stringify(sarif));
      const out = execFileSync(process.execPath, [join(SHARED, 'tools', 'score-sarif.mjs'), '--sarif', join(dir, 'out.sarif'), '--labels', join(LABELED, 'labels.jsonl'), '--root', LABELED], { encoding: 'utf8' });
      const score = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { per_category: Record<string, { precision: number; recall: number }> };
      for (const cat of ['secret', 'sensitive-logging', 'pii']) {
        assert.ok(score.per_category[cat].precision >= 0.95, `${cat} precision ${score.per_category[cat].precision}`);
        assert.ok(score.per_category[cat].recall >= 0.95, `${cat} recall ${score.per_category[cat].recall}`);
      }
    });

    it('generated realistic corpus: one finding per injected secret, sensitive log and PII value, nothing else', function () {
      this.timeout(120000);
      const dir = mkdtempSync(join(tmpdir(), 'jg-perfcorpus-'));
      const out = execFileSync(process.execPath, [join(SHARED, 'tools', 'gen-perf-corpus.mjs'), '--out', dir, '--files', '300', '--seed', 'jitterbit-guard'], { encoding: 'utf8' });
      const injected = (JSON.parse(out.trim().split('\n').pop() ?? '{}') as { injected: { secret: number; logging: number; pii: number } }).injected;
      const counts: Record<string, number> = { secret: 0, 'sensitive-logging': 0, pii: 0 };
      for (const { finding } of analyseTree(dir)) if (finding.category in counts) counts[finding.category]++;
      assert.deepEqual(counts, { secret: injected.secret, 'sensitive-logging': injected.logging, pii: injected.pii });
    });

    it('documentation examples: only the true findings', function () {
      this.timeout(60000);
      const got = analyseTree(DOCS)
        .map(({ file, finding }) => `${file}:${finding.range.start.line + 1} ${finding.ruleId}`)
        .sort();
      assert.deepEqual(got, [
        '14-cache-throttle-email.jb:15 hygiene/debug-break',
        '14-cache-throttle-email.jb:32 hygiene/debug-break',
        '14-cache-throttle-email.jb:4 hygiene/debug-break',
        '18-postgres-check-table.jb:22 hygiene/debug-break',
        // SendEmail's 7th argument is a literal password (positional, whatever local it assigns).
        '25-sendemail-hardcoded-password.jb:11 secrets/credential-argument',
        // The SAS token the plugin generates is written to the operation log.
        '27-azure-sas-plugin.jb:16 logging/sensitive-data',
        // The intentionally invalid example: its malformed number and nothing else.
        '31-invalid-user-sysvar-and-bad-token.jb:10 syntax/invalid-number',
      ]);
    });
  });
}
