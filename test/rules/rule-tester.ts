import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG, type Finding } from '../../core/src/index';
import { RULES } from '../../core/src/rules';

/** One case of a rule table: source text (a `.jb` script unless `file` says otherwise). */
export interface RuleCase {
  code: string;
  file?: string;
  /** Other files of the same project (cross-script cases). */
  others?: Record<string, string>;
  /** Expected finding lines (1-based) for invalid cases. */
  lines?: number[];
  /** Raw values that must not appear in any message (defaults to every quoted string of 8+ chars in the code). */
  secrets?: string[];
  /** Expected severity of every finding, for invalid cases. */
  severity?: Finding['severity'];
}

export interface RuleTable {
  valid: RuleCase[];
  invalid: RuleCase[];
}

export function findingsFor(ruleId: string, c: RuleCase): Finding[] {
  const project = createProject();
  const file = c.file ?? 'case.jb';
  project.setFile(file, c.code);
  for (const [p, t] of Object.entries(c.others ?? {})) project.setFile(p, t);
  return project.analyzeFile(file, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === ruleId);
}

function quotedStrings(code: string): string[] {
  return [...code.matchAll(/"([^"\\\n]{8,})"|'([^'\\\n]{8,})'/g)].map((m) => m[1] ?? m[2]);
}

/**
 * Runs a rule's table: valid cases report nothing, invalid cases report exactly the expected lines, messages never
 * quote a value, fixes imply `fixable`. Like ESLint's RuleTester, sloppy tables (duplicates, no lines) are refused.
 */
export function runRuleTable(ruleId: string, table: RuleTable): void {
  const rule = RULES.find((r) => r.meta.id === ruleId);
  describe(`rule ${ruleId}`, () => {
    it('is registered', () => assert.ok(rule, `${ruleId} is not in RULES`));
    it('has no duplicate cases', () => {
      const all = [...table.valid, ...table.invalid].map((c) => `${c.file ?? ''}\u0000${c.code}`);
      assert.equal(new Set(all).size, all.length, 'duplicate case');
      assert.ok(table.valid.length > 0 && table.invalid.length > 0, 'a table needs valid and invalid cases');
    });
    table.valid.forEach((c, i) => {
      it(`valid #${i + 1}: ${firstLine(c.code)}`, () => {
        const found = findingsFor(ruleId, c);
        assert.deepEqual(found.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      });
    });
    table.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${firstLine(c.code)}`, () => {
        assert.ok(c.lines && c.lines.length > 0, 'invalid case without expected lines');
        const found = findingsFor(ruleId, c);
        assert.deepEqual(found.map((f) => f.range.start.line + 1), c.lines);
        const secrets = c.secrets ?? quotedStrings(c.code);
        for (const f of found) {
          for (const s of secrets) assert.ok(!f.message.includes(s), `message quotes a value: ${f.message}`);
          if (f.fixes.some((x) => x.kind !== 'suppress')) assert.ok(rule?.meta.fixable || rule?.meta.hasSuggestions, 'fix without fixable');
          if (c.severity) assert.equal(f.severity, c.severity);
          assert.ok(!/\{\w+\}/.test(f.message), `unfilled placeholder: ${f.message}`);
        }
      });
    });
  });
}

function firstLine(code: string): string {
  const l = code.split('\n').find((x) => x.trim() && !x.includes('<trans>')) ?? '';
  return l.trim().slice(0, 60);
}

/** Wraps lines in `<trans>` tags; line 1 is `<trans>`, so the first body line is line 2. */
export function jb(...lines: string[]): string {
  return ['<trans>', ...lines, '</trans>'].join('\n');
}
