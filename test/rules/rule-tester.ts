import { strict as assert } from 'node:assert';
import { createProject, DEFAULT_CONFIG, type Finding, type TextEdit } from '../../core/src/index';
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
  /** Every finding's message must match (invalid cases). */
  message?: RegExp;
  /**
   * Invalid cases: apply the first fix (not a suppression) of the first finding that has one; the edited file must
   * re-parse without new syntax errors and report fewer findings of the rule. `output` also pins the edited text.
   */
  fix?: true | { output: string };
}

export interface RuleTable {
  valid: RuleCase[];
  invalid: RuleCase[];
}

export function findingsFor(ruleId: string, c: RuleCase): Finding[] {
  return allFindings(c).filter((f) => f.ruleId === ruleId);
}

/** Every finding (all rules, syntax included) of a case's main file. */
export function allFindings(c: RuleCase): Finding[] {
  const project = createProject();
  const file = c.file ?? 'case.jb';
  project.setFile(file, c.code);
  for (const [p, t] of Object.entries(c.others ?? {})) project.setFile(p, t);
  return project.analyzeFile(file, DEFAULT_CONFIG).findings;
}

/** Applies non-overlapping edits (host offsets) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * Applies the first non-suppression fix of the case's first fixable finding of `ruleId` and checks the result:
 * no new syntax error, fewer findings of the rule. Returns the edited text.
 */
export function checkFirstFix(ruleId: string, c: RuleCase): string {
  const before = allFindings(c);
  const target = before.find((f) => f.ruleId === ruleId && f.fixes.some((x) => x.kind !== 'suppress'));
  assert.ok(target, 'no finding of the rule offers a fix');
  const fix = target.fixes.find((x) => x.kind !== 'suppress');
  assert.ok(fix && fix.edits.length > 0, 'the fix has no edits');
  for (const e of fix.edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= c.code.length, 'edit outside the file');
  const edited = applyEdits(c.code, fix.edits);
  const after = allFindings({ ...c, code: edited });
  const syntax = (fs: Finding[]) => fs.filter((f) => f.ruleId.startsWith('syntax/')).map((f) => f.message);
  assert.deepEqual(syntax(after), syntax(before), `the fix "${fix.title}" changed the syntax diagnostics:\n${edited}`);
  const count = (fs: Finding[]) => fs.filter((f) => f.ruleId === ruleId).length;
  assert.ok(count(after) < count(before), `the finding is still there after "${fix.title}":\n${edited}`);
  assert.ok(!after.some((f) => f.ruleId === ruleId && f.fingerprint === target.fingerprint && f.start === target.start), 'same finding after the fix');
  return edited;
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
          if (c.message) assert.match(f.message, c.message);
        }
        if (c.fix) {
          const edited = checkFirstFix(ruleId, c);
          if (c.fix !== true) assert.equal(edited, c.fix.output);
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
