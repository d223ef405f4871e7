import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createProject, DEFAULT_CONFIG } from '../../../core/src/index';
import { mulberry32 } from '../../support/rng';

// The whole pipeline (host format → regions → parse → flow → every rule → directives) must never throw, never
// hang and never produce a range outside the file, whatever the input. Mutations of the project's own fixtures of
// every host kind, deterministic (seeded), bounded so the suite stays fast; `npm run fuzz` runs the parser longer.

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (!n.endsWith('.md') && !n.endsWith('.png')) out.push(p);
  }
  return out;
}

const rng = mulberry32;

const PIECES = ['"', "'", '\\', '<trans>', '</trans>', '(', ')', '{', '}', '[', ']', ';', ',', '$', '=', '+', '/*', '*/', '//', '\n', '\\n', '\\u00', '&lt;', '<![CDATA[', ']]>', '#', '[SMTP]', 'password=', 'WriteToOperationLog(', 'Set("token", ', '-----BEGIN RSA PRIVATE KEY-----', 'eyJ', 'AKIA', '@', '0', '\u0000', '\ud800'];

function mutate(text: string, r: () => number): string {
  let t = text;
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (t.length + 1));
    const op = r();
    if (op < 0.35) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 20));
    else if (op < 0.75) t = t.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + t.slice(at);
    else {
      const from = Math.floor(r() * t.length);
      t = t.slice(0, at) + t.slice(from, from + Math.floor(r() * 80)) + t.slice(at);
    }
  }
  return t;
}

describe('pipeline fuzz: every host kind, every rule', () => {
  const all = files(FIXTURES);
  it('has fixtures of every host kind', () => {
    const exts = new Set(all.map((f) => (basename(f) === 'jitterbit.conf' ? 'conf' : f.split('.').pop())));
    for (const e of ['jb', 'js', 'json', 'xml', 'conf']) assert.ok(exts.has(e), `no .${e} fixture`);
  });

  it('never throws, never reports an internal rule error, keeps every range inside the file', function () {
    this.timeout(120000);
    const r = rng(20261126);
    let runs = 0;
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      for (let k = 0; k < 12; k++) {
        const mutated = mutate(text, r);
        const project = createProject();
        project.setFile(f, mutated);
        const a = project.analyzeFile(f, DEFAULT_CONFIG);
        runs++;
        for (const x of a.findings) {
          assert.notEqual(x.ruleId, 'internal/rule-error', `${basename(f)} mutation ${k}: ${x.message}`);
          assert.ok(x.start >= 0 && x.end >= x.start && x.end <= mutated.length, `${basename(f)}: range ${x.start}-${x.end} outside ${mutated.length}`);
          assert.ok(x.range.start.line >= 0 && x.range.end.line >= x.range.start.line);
        }
      }
    }
    assert.ok(runs > 100, `only ${runs} runs`);
  });

  it('analyses a pathological project (deep nesting, huge concatenations, thousands of globals) in bounded time', function () {
    this.timeout(60000);
    const project = createProject();
    const deep = '<trans>\n' + 'x = '.concat('('.repeat(5000), '1', ')'.repeat(5000), ';\n</trans>');
    const concat = '<trans>\n$msg = "a"' + ' + $p'.repeat(20000) + ';\nWriteToOperationLog($msg);\n</trans>';
    const globals = '<trans>\n' + Array.from({ length: 5000 }, (_, i) => `$g${i} = $password;`).join('\n') + '\n</trans>';
    const logs = '<trans>\n' + Array.from({ length: 5000 }, (_, i) => `WriteToOperationLog($g${i});`).join('\n') + '\n</trans>';
    project.setFile('deep.jb', deep);
    project.setFile('concat.jb', concat);
    project.setFile('globals.jb', globals);
    project.setFile('logs.jb', logs);
    const results = project.analyzeAll(() => DEFAULT_CONFIG);
    assert.equal(results.length, 4);
    const logFindings = results.find((x) => x.path === 'logs.jb')?.findings.filter((x) => x.ruleId === 'logging/sensitive-data') ?? [];
    assert.equal(logFindings.length, 5000, 'every cross-script log of a password-derived global is found');
  });
});
