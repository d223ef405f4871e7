import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProject, DEFAULT_CONFIG, DIRECTIVE_RULES, INTERNAL_RULE, SYNTAX_RULE, type Finding, type RuleMeta } from '../../core/src/index';
import { docsUrl } from '../../core/src/engine/rule';
import { RULES } from '../../core/src/rules';
import { analyseFixture } from './leak-fixture';

// The rule contract (architecture.md "one id in three places") checked over every rule the engine ships.
const ROOT = join(__dirname, '..', '..');
const ALL: RuleMeta[] = [...RULES.map((r) => r.meta), ...DIRECTIVE_RULES];
const WITH_ENGINE: RuleMeta[] = [...ALL, SYNTAX_RULE, INTERNAL_RULE];

/** detection-policy: id prefix ↔ category ↔ CWE ↔ default severity of the three scored categories. */
const SECURITY: Record<string, { category: RuleMeta['category']; cwe: number[]; severity: RuleMeta['defaultSeverity'] }> = {
  'secrets/': { category: 'secret', cwe: [798, 259, 321], severity: 'error' },
  'logging/': { category: 'sensitive-logging', cwe: [532], severity: 'warning' },
  'pii/': { category: 'pii', cwe: [359], severity: 'warning' },
};
const OTHER_PREFIXES: Record<string, RuleMeta['category']> = {
  'hygiene/': 'hygiene',
  'script/': 'syntax',
  'directives/': 'directive',
  'syntax/': 'syntax',
  'internal/': 'internal',
};

function prefixOf(id: string): string {
  return id.slice(0, id.indexOf('/') + 1);
}

/** A template as a regex: placeholders match any text, everything else literally. */
function templateRegex(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

describe('rule metadata (all rules)', () => {
  let findings: Finding[] = [];
  before(() => {
    findings = analyseFixture();
  });

  it('has unique ids', () => {
    const ids = WITH_ENGINE.map((m) => m.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  for (const m of ALL) {
    describe(m.id, () => {
      it('id prefix matches the category, and the CWE and default severity match the policy', () => {
        const p = prefixOf(m.id);
        const sec = SECURITY[p];
        if (sec) {
          assert.equal(m.category, sec.category);
          assert.ok(sec.cwe.includes(m.cwe), `CWE-${m.cwe} is not one of ${sec.cwe.join('/')}`);
          assert.equal(m.defaultSeverity, sec.severity);
        } else {
          assert.ok(p in OTHER_PREFIXES, `unknown id prefix ${p}`);
          assert.equal(m.category, OTHER_PREFIXES[p]);
          if (m.category === 'hygiene') assert.ok(m.cwe > 0, 'a hygiene rule names its CWE');
        }
        // Conversely, a security category is only used under its prefix.
        for (const [prefix, s] of Object.entries(SECURITY)) if (m.category === s.category) assert.equal(p, prefix);
      });

      it('has a description, a short description and messages', () => {
        assert.ok(m.docs.description.trim().length > 20);
        assert.ok(m.shortDescription.trim().length > 3);
        assert.ok(Object.keys(m.messages).length > 0);
      });

      it('docs url ends with core/docs/rules/<id>.md and the page exists', () => {
        assert.ok(m.docs.url.endsWith(`core/docs/rules/${m.id}.md`), m.docs.url);
        assert.equal(m.docs.url, docsUrl(m.id));
        assert.ok(existsSync(join(ROOT, 'core', 'docs', 'rules', `${m.id}.md`)), `core/docs/rules/${m.id}.md is missing`);
      });

      it('the doc page states the metadata, and its Jitterbit examples behave as documented', () => {
        const page = join(ROOT, 'core', 'docs', 'rules', `${m.id}.md`);
        assert.ok(existsSync(page), `core/docs/rules/${m.id}.md is missing`);
        const text = readFileSync(page, 'utf8');
        assert.ok(text.startsWith(`# ${m.id}\n`), 'the page title is the rule id');
        if (m.category !== 'directive') {
          assert.ok(text.includes(`**Category:** ${m.category}`));
          assert.ok(text.includes(`| Default severity | ${m.defaultSeverity}`));
          assert.ok(text.includes(m.cwe > 0 ? `CWE-${m.cwe}` : '| CWE | none |'));
          assert.ok(text.includes(`| Fixable | ${m.fixable ? 'yes' : 'no'} |`));
          // Data files (exports, entities) take no comments: their pages explain the config allowlist instead.
          assert.ok(text.includes(`jitterbit-guard-disable-next-line ${m.id} -- `) || text.includes('allowlist.hashes'), 'no suppression example');
          assert.ok(text.includes(`"${m.id}": `), 'no configuration example');
        }
        for (const [heading, flagged] of [['### Flagged', true], ['### Not flagged', false]] as const) {
          const at = text.indexOf(heading);
          if (at < 0) continue;
          const block = /```(jitterbit|javascript)\n([\s\S]*?)```/.exec(text.slice(at, at + 4000));
          if (!block) continue;
          const js = block[1] === 'javascript';
          const project = createProject();
          const file = js ? 'example.js' : 'example.jb';
          project.setFile(file, js ? `<javascript>\n${block[2]}</javascript>` : `<trans>\n${block[2]}</trans>`);
          const found = project.analyzeFile(file, DEFAULT_CONFIG).findings.filter((f) => f.ruleId === m.id);
          if (flagged) assert.ok(found.length > 0, 'the "Flagged" example is not flagged');
          else assert.deepEqual(found.map((f) => f.message), [], 'the "Not flagged" example is flagged');
        }
      });

      it('every message template is used by a real finding, with its placeholders filled', () => {
        const mine = findings.filter((f) => f.ruleId === m.id);
        assert.ok(mine.length > 0, 'the fixture project produced no finding of this rule');
        const templates = Object.entries(m.messages).map(([k, t]) => ({ k, re: templateRegex(t) }));
        const used = new Set<string>();
        for (const f of mine) {
          assert.ok(!/\{\w+\}/.test(f.message), `unfilled placeholder: ${f.message}`);
          const t = templates.find((x) => x.re.test(f.message));
          assert.ok(t, `message matches no template: ${f.message}`);
          used.add(t.k);
        }
        assert.deepEqual(Object.keys(m.messages).filter((k) => !used.has(k)), [], 'templates never used by the fixture');
      });

      it('declares the fixes it produces (quick fix → fixable, suggestion → hasSuggestions)', () => {
        const fixes = findings.filter((f) => f.ruleId === m.id).flatMap((f) => f.fixes);
        if (fixes.some((x) => x.kind === 'quickfix')) assert.ok(m.fixable, 'produces a quick fix but is not fixable');
        if (fixes.some((x) => x.kind === 'suggestion')) assert.ok(m.hasSuggestions, 'produces a suggestion but hasSuggestions is false');
        if (m.fixable) assert.ok(fixes.some((x) => x.kind === 'quickfix'), 'fixable, but no quick fix in the fixture project');
        for (const x of fixes) {
          assert.ok(x.title.trim().length > 0);
          assert.ok(x.kind === 'suppress' || x.edits.length > 0, `fix "${x.title}" has no edits`);
        }
      });
    });
  }

  it('every rule in RULES has a rule table under test/rules/<id>.test.ts', () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !existsSync(join(ROOT, 'test', 'rules', `${id}.test.ts`)));
    assert.deepEqual(missing, []);
  });

  it('the engine pseudo-rules (syntax/error, internal/rule-error) have doc pages', () => {
    for (const m of [SYNTAX_RULE, INTERNAL_RULE]) {
      assert.ok(m.docs.url.endsWith(`core/docs/rules/${m.id}.md`));
      assert.ok(existsSync(join(ROOT, 'core', 'docs', 'rules', `${m.id}.md`)), `core/docs/rules/${m.id}.md is missing`);
    }
  });

  it('the committed rules index (core/docs/rules/README.md) is up to date', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'gen-rule-docs.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stderr}${r.stdout}`);
  });
});
