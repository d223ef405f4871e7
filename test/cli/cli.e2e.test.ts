/* eslint-disable @typescript-eslint/no-explicit-any -- reports are walked as untyped JSON in assertions */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { TEXT_PROBLEM_PATTERN } from '../../core/src/report/text';
import { ensureBuilt, fakeSecrets, projectFiles, runCli, tmpDir, validateSarif, writeTree } from './helpers';

/** Runs the built dist/cli.js as a child process on generated fixture trees. */

function project(seed = 7): { dir: string; secrets: string[] } {
  const dir = tmpDir();
  const p = projectFiles(seed);
  writeTree(dir, p.files);
  return { dir, secrets: p.secrets };
}

function json(dir: string, args: string[] = []): any {
  const r = runCli(['.', '--format', 'json', ...args], dir);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const idsOf = (doc: any): string[] => doc.files.flatMap((f: any) => f.findings.map((x: any) => `${f.path}:${x.line} ${x.ruleId}`));

describe('cli (end to end, dist/cli.js)', function () {
  this.timeout(120000);
  before(() => ensureBuilt());

  describe('exit codes', () => {
    it('0 for a clean tree, 1 for findings, 2 for usage errors', () => {
      const clean = tmpDir();
      writeTree(clean, { 'a.jb': '<trans>\nn = 1;\nWriteToOperationLog("n=" + n);\n</trans>\n' });
      const ok = runCli(['.'], clean);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /✔ no problems · 1 file scanned/);
      const { dir } = project();
      assert.equal(runCli(['.'], dir).code, 1);
      const bad = runCli(['--format', 'yaml'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--format must be text, json, sarif or junit/);
      assert.equal(runCli(['--shard', '3/2'], dir).code, 2);
      assert.equal(runCli(['--update-baseline'], dir).code, 2);
      const missing = runCli(['no-such-folder'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no-such-folder: no such file or folder/);
    });
    it('--version prints the package version; --help documents every option', () => {
      const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
      assert.equal(runCli(['--version'], tmpDir()).stdout.trim(), pkg.version);
      const help = runCli(['--help'], tmpDir()).stdout;
      for (const o of ['--format', '--output', '--config', '--baseline', '--update-baseline', '--quiet', '--max-warnings', '--fail-level', '--shard', '--workers', '--no-progress']) assert.ok(help.includes(o), o);
    });
    it('--fail-level and --max-warnings decide on warnings', () => {
      const dir = tmpDir();
      writeTree(dir, { 'contacts.jb': projectFiles().files['scripts/contacts.jb'] });
      assert.equal(runCli(['.'], dir).code, 1, 'the default fail level (warning) fails on a PII warning');
      assert.equal(runCli(['.', '--fail-level', 'error'], dir).code, 0);
      assert.equal(runCli(['.', '--fail-level', 'error', '--max-warnings', '0'], dir).code, 1);
      assert.equal(runCli(['.', '--fail-level', 'error', '--max-warnings', '1'], dir).code, 0);
      const quiet = runCli(['.', '--quiet', '--fail-level', 'error', '--max-warnings', '0'], dir);
      assert.equal(quiet.code, 1, '--quiet hides warnings from the report, not from --max-warnings');
      assert.ok(!quiet.stdout.includes('pii/email'));
      writeTree(dir, { '.jitterbit-guard.json': '{ "root": true, "failLevel": "error" }' });
      assert.equal(runCli(['.'], dir).code, 0, 'failLevel from the config file');
      assert.equal(runCli(['.', '--fail-level', 'warning'], dir).code, 1, 'the flag beats the config');
    });
  });

  describe('formats', () => {
    it('text: one problem-matcher line per finding, sorted, then a summary', () => {
      const { dir } = project();
      const r = runCli(['.'], dir);
      const lines = r.stdout.trimEnd().split('\n');
      const findings = lines.filter((l) => TEXT_PROBLEM_PATTERN.test(l));
      assert.deepEqual(
        findings.map((l) => { const m = TEXT_PROBLEM_PATTERN.exec(l) as RegExpExecArray; return `${m[1]}:${m[2]} ${m[4]} ${m[6]}`; }),
        ['javascript/charge.js:3 error secrets/known-token', 'scripts/auth.jb:4 error secrets/credential-name', 'scripts/contacts.jb:3 warning pii/email', 'scripts/post.jb:5 error logging/sensitive-data'],
      );
      assert.equal(lines.at(-1), '✖ 4 problems (3 errors, 1 warning, 0 notes) in 4 files · 5 files scanned');
    });
    it('json: files with 1-based positions, masked values, summary', () => {
      const { dir } = project();
      const doc = json(dir);
      assert.equal(doc.summary.filesScanned, 5);
      assert.equal(doc.summary.findings, 4);
      const post = doc.files.find((f: any) => f.path === 'scripts/post.jb');
      assert.equal(post.findings[0].line, 5);
      assert.equal(post.findings[0].column, 1);
      assert.equal(post.findings[0].category, 'sensitive-logging');
      assert.ok(doc.files.find((f: any) => f.path === 'scripts/clean.jb'), 'clean files are listed as scanned');
    });
    it('sarif: valid per SARIF Multitool; full rules list with CWE tags; relative locations; fingerprints', () => {
      const { dir } = project();
      const out = path.join(dir, 'out', 'report.sarif');
      const r = runCli(['.', '--format', 'sarif', '--output', out], dir);
      assert.equal(r.code, 1, r.stderr);
      const v = validateSarif(out);
      assert.deepEqual(v.errors, []);
      assert.deepEqual(v.warnings, []);
      const doc = JSON.parse(readFileSync(out, 'utf8'));
      const run = doc.runs[0];
      const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
      assert.equal(run.tool.driver.version, pkg.version);
      assert.ok(run.tool.driver.rules.length >= 10, 'the whole registry is listed, not only rules with results');
      for (const rule of run.tool.driver.rules.filter((x: any) => /^(secrets|logging|pii)\//.test(x.id))) {
        assert.ok(rule.properties.tags.includes('security'), rule.id);
        assert.ok(rule.properties.tags.some((t: string) => /^external\/cwe\/cwe-\d+$/.test(t)), rule.id);
        assert.ok(rule.helpUri && rule.shortDescription.text && rule.fullDescription.text, rule.id);
      }
      assert.equal(run.results.length, 4);
      for (const res of run.results) {
        assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(!loc.artifactLocation.uri.startsWith('/') && !loc.artifactLocation.uri.includes(dir));
        assert.ok(res.partialFingerprints['jitterbitGuard/v1']);
      }
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
      assert.equal(run.invocations[0].executionSuccessful, true);
    });
    it('junit: a suite per file and a failure per finding', () => {
      const { dir } = project();
      const r = runCli(['.', '--format', 'junit'], dir);
      assert.match(r.stdout, /<testsuites name="jitterbit-guard" tests="5" failures="4" errors="0"/);
      assert.equal((r.stdout.match(/<testsuite /g) ?? []).length, 5);
      assert.ok(r.stdout.includes('<failure type="logging/sensitive-data"'));
    });
    it('--output writes the report and prints only the summary; --quiet keeps findings at or above the fail level', () => {
      const { dir } = project();
      const r = runCli(['.', '--output', 'report.txt'], dir);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /✖ 4 problems/);
      assert.match(readFileSync(path.join(dir, 'report.txt'), 'utf8'), /scripts\/auth\.jb:4:18 {2}error/);
      const blocked = path.join(dir, 'report.txt', 'sub', 'r.txt'); // a file where a folder must be
      const w = runCli(['.', '--output', blocked], dir);
      assert.equal(w.code, 2);
      assert.match(w.stderr, /cannot write the report/);
      const q = runCli(['.', '--quiet', '--fail-level', 'error'], dir);
      assert.ok(!q.stdout.includes('pii/email'));
      assert.ok(q.stdout.includes('secrets/credential-name'));
    });
  });

  describe('secrets never leave masked', () => {
    it('no format, message, baseline or stderr line holds a raw fixture value', () => {
      const { dir, secrets } = project(11);
      writeTree(dir, { 'broken.jb': `<trans>\n$x = "${secrets[0]}" +;\n</trans>\n`, 'bin.jb': Buffer.from([0, 1, 2, 3, 0, 0x41]) });
      const outputs: string[] = [];
      for (const format of ['text', 'json', 'sarif', 'junit']) {
        const r = runCli(['.', '--format', format], dir);
        outputs.push(r.stdout, r.stderr);
      }
      const b = runCli(['.', '--baseline', 'bl.json', '--update-baseline'], dir);
      outputs.push(b.stdout, b.stderr, readFileSync(path.join(dir, 'bl.json'), 'utf8'));
      assert.ok(outputs.join('').includes('secrets/credential-name'), 'the findings are there');
      for (const s of secrets) {
        for (const o of outputs) assert.ok(!o.includes(s), `raw value ${s.slice(0, 3)}… leaked`);
        // nor a long piece of it
        for (const o of outputs) assert.ok(!o.includes(s.slice(2, 12)), `a 10-character piece of ${s.slice(0, 3)}… leaked`);
      }
    });
  });

  describe('baseline', () => {
    it('round trip: a moved line stays baselined, a changed secret does not, a new one is reported', () => {
      const { dir } = project();
      const up = runCli(['.', '--baseline', '.jg-baseline.json', '--update-baseline'], dir);
      assert.equal(up.code, 0, up.stderr);
      const bl = JSON.parse(readFileSync(path.join(dir, '.jg-baseline.json'), 'utf8'));
      assert.equal(bl.findings.length, 4);
      for (const e of bl.findings) assert.deepEqual(Object.keys(e).sort(), ['count', 'fingerprint', 'path', 'ruleId']);
      assert.ok(!JSON.stringify(bl).includes('"line"'));

      const same = runCli(['.', '--baseline', '.jg-baseline.json'], dir);
      assert.equal(same.code, 0, same.stdout);
      assert.match(same.stdout, /✔ no problems · 5 files scanned · 4 baselined/);

      // Move the secret down five lines: still baselined.
      const auth = path.join(dir, 'scripts/auth.jb');
      const text = readFileSync(auth, 'utf8');
      writeFileSync(auth, text.replace('// Login step\n', '// Login step\n// one\n// two\n// three\n// four\n// five\n'));
      const moved = runCli(['.', '--baseline', '.jg-baseline.json'], dir);
      assert.equal(moved.code, 0, moved.stdout);

      // Change the secret value: a new finding.
      const fresh = fakeSecrets(99).password;
      writeFileSync(auth, readFileSync(auth, 'utf8').replace(/\$session\.auth = "[^"]*"/, `$session.auth = "${fresh}"`));
      const changed = json(dir, ['--baseline', '.jg-baseline.json']);
      assert.deepEqual(idsOf(changed), ['scripts/auth.jb:9 secrets/credential-name']);
      assert.equal(changed.summary.baselined, 3);
    });
    it('a missing or broken baseline is a usage error naming the file', () => {
      const { dir } = project();
      const r = runCli(['.', '--baseline', 'nope.json'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /nope\.json: cannot read the baseline/);
      writeTree(dir, { 'broken.json': '{"findings": [' });
      const b = runCli(['scripts', '--baseline', 'broken.json'], dir);
      assert.equal(b.code, 2);
      assert.match(b.stderr, /broken\.json: the baseline is not valid JSON/);
    });
  });

  describe('file selection', () => {
    it('honours .jitterbit-guardignore (gitignore syntax, nested, negation) and skips node_modules/.git', () => {
      const { dir } = project();
      const s = fakeSecrets(3);
      const secretScript = `<trans>\n$db_password = "${s.password}";\n</trans>\n`;
      writeTree(dir, {
        '.jitterbit-guardignore': '# generated\ngenerated/\n*.bak.jb\n!keep.bak.jb\n',
        'generated/a.jb': secretScript,
        'x.bak.jb': secretScript,
        'keep.bak.jb': secretScript,
        'nested/.jitterbit-guardignore': 'local.jb\n',
        'nested/local.jb': secretScript,
        'nested/other.jb': secretScript,
        'node_modules/pkg/a.jb': secretScript,
        '.git/hooks/a.jb': secretScript,
      });
      const paths = json(dir).files.map((f: any) => f.path);
      assert.ok(paths.includes('keep.bak.jb'));
      assert.ok(paths.includes('nested/other.jb'));
      for (const p of ['generated/a.jb', 'x.bak.jb', 'nested/local.jb', 'node_modules/pkg/a.jb', '.git/hooks/a.jb']) assert.ok(!paths.includes(p), p);
      // Also for a file named on the command line.
      const named = runCli(['x.bak.jb'], dir);
      assert.equal(named.code, 0, 'pre-commit may pass an ignored file: it is skipped, not an error');
      assert.match(named.stdout, /✔ no problems · 0 files scanned/);
    });
    it('globs, named files and config allowlist.paths', () => {
      const { dir } = project();
      const viaGlob = JSON.parse(runCli(['scripts/*.jb', '--format', 'json'], dir).stdout);
      assert.deepEqual(viaGlob.files.map((f: any) => f.path), ['scripts/auth.jb', 'scripts/clean.jb', 'scripts/contacts.jb', 'scripts/post.jb']);
      const named = JSON.parse(runCli(['scripts/post.jb', 'scripts/auth.jb', '--format', 'json'], dir).stdout);
      assert.deepEqual(idsOf(named), ['scripts/auth.jb:4 secrets/credential-name', 'scripts/post.jb:5 logging/sensitive-data'], 'named files are one project');
      writeTree(dir, { '.jitterbit-guard.json': JSON.stringify({ root: true, allowlist: { paths: ['javascript/**'] } }) });
      const allowed = json(dir);
      assert.ok(!allowed.files.some((f: any) => f.path.startsWith('javascript/')));
    });
    it('--config uses one file for everything; an invalid config is reported by name and the run goes on', () => {
      const { dir } = project();
      writeTree(dir, { 'ci/strict.json': JSON.stringify({ rules: { 'pii/email': 'off' } }), 'ci/broken.json': '{ "rules": { ' });
      const off = json(dir, ['--config', 'ci/strict.json']);
      assert.ok(!idsOf(off).some((x) => x.includes('pii/email')));
      assert.equal(off.summary.findings, 3);
      const r = runCli(['.', '--config', 'ci/broken.json'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /ci\/broken\.json:1:\d+: invalid JSON/);
      assert.match(r.stdout, /✖ 4 problems/);
      // A misspelt rule id is named (it would silently do nothing); parser diagnostic ids are not checked.
      writeTree(dir, { 'ci/typo.json': JSON.stringify({ rules: { 'pii/emial': 'off', 'syntax/unterminated-string': 'off', 'pii/email': 'off' } }) });
      const typo = runCli(['.', '--config', 'ci/typo.json'], dir);
      assert.equal(typo.code, 1);
      assert.deepEqual(typo.stderr.split('\n').filter((l) => /unknown rule id/.test(l)).length, 1, typo.stderr);
      assert.match(typo.stderr, /ci\/typo\.json: unknown rule id "pii\/emial" in "rules"; did you mean "pii\/email"\?/);
      assert.match(typo.stdout, /✖ 3 problems/, 'the rest of the file applies');
      const missing = runCli(['.', '--config', 'ci/nope.json'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /ci\/nope\.json: the config file given with --config does not exist/);
    });
    it('unreadable, binary and huge files: one stderr line each naming the file; the run goes on', () => {
      const { dir } = project();
      writeTree(dir, { 'scripts/blob.jb': Buffer.from([0x3c, 0x74, 0, 0, 1, 2, 3, 0xff, 0xfe, 0]) });
      writeFileSync(path.join(dir, 'scripts/huge.jb'), '');
      truncateSync(path.join(dir, 'scripts/huge.jb'), 9 * 1024 * 1024);
      symlinkSync('loop.jb', path.join(dir, 'scripts/loop.jb'));
      const r = runCli(['.', '--format', 'json'], dir);
      assert.equal(r.code, 1);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.filter((l) => l.includes('scripts/blob.jb') && /binary/.test(l)).length, 1, r.stderr);
      assert.equal(lines.filter((l) => l.includes('scripts/huge.jb') && /too large/.test(l)).length, 1, r.stderr);
      assert.equal(lines.filter((l) => l.includes('scripts/loop.jb') && /cannot read/.test(l)).length, 1, r.stderr);
      const doc = JSON.parse(r.stdout);
      assert.equal(doc.summary.findings, 4, 'the readable files are still analysed');
      assert.equal(doc.notifications.length, 3);
      const s = JSON.parse(runCli(['.', '--format', 'sarif'], dir).stdout);
      assert.equal(s.runs[0].invocations[0].toolExecutionNotifications.length, 3);
    });
    it('a broken link is reported once, and only when the glob walking its folder names it', () => {
      const { dir } = project();
      symlinkSync('gone.jb', path.join(dir, 'scripts/dangling.jb'));
      const named = (r: { stderr: string }): number => r.stderr.split('\n').filter((l) => l.includes('scripts/dangling.jb')).length;
      assert.equal(named(runCli(['.', 'scripts', '--no-progress'], dir)), 1, 'overlapping inputs: one message');
      assert.equal(named(runCli(['scripts/*.jb', '--no-progress'], dir)), 1);
      assert.equal(named(runCli(['scripts/*.js', 'scripts/**/post.jb', '--no-progress'], dir)), 0, 'the globs do not name it');
    });
    it('Jitterpak members are analysed in place and reported as file.jpk!/path/inside', () => {
      const dir = tmpDir();
      const s = fakeSecrets(21);
      const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const script = `<trans>\n// dock login\n$dock.password = "${s.password}";\nWriteToOperationLog("ok");\n</trans>`;
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Entity type="Script">\n  <Header ID="6f1c2b7a-93de-4f10-8a45-2c7e9b1d0f63" Name="Dock Login" Deleted="false"/>\n  <konga.string name="script">${esc(script)}</konga.string>\n</Entity>\n`;
      const zip = zipSync({ 'Dock/Data/Script/6f1c2b7a-93de-4f10-8a45-2c7e9b1d0f63.xml': strToU8(xml), 'Dock/Data/Images/logo.png': new Uint8Array([137, 80, 78, 71, 0, 0]) });
      mkdirSync(path.join(dir, 'paks'));
      writeFileSync(path.join(dir, 'paks', 'dock.jpk'), zip);
      writeFileSync(path.join(dir, 'paks', 'broken.jpk'), 'not a zip at all');
      const r = runCli(['.', '--format', 'json'], dir);
      const doc = JSON.parse(r.stdout);
      assert.deepEqual(idsOf(doc), ['paks/dock.jpk!/Dock/Data/Script/6f1c2b7a-93de-4f10-8a45-2c7e9b1d0f63.xml:6 secrets/credential-name']);
      assert.match(r.stderr, /paks\/broken\.jpk: not a readable Jitterpak/);
      assert.ok(!r.stdout.includes(s.password));
      const sarif = JSON.parse(runCli(['.', '--format', 'sarif'], dir).stdout);
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'paks/dock.jpk!/Dock/Data/Script/6f1c2b7a-93de-4f10-8a45-2c7e9b1d0f63.xml');
    });
  });

  describe('projects, shards, workers, order', () => {
    /** Four projects (two exports, one Design Studio folder, one loose folder), each with a cross-script flow. */
    function multiProject(): string {
      const dir = tmpDir();
      for (const [i, name] of ['alpha', 'bravo', 'charlie', 'echo'].entries()) {
        const s = fakeSecrets(100 + i);
        const marker = i === 0 ? { [`${name}/export.json`]: JSON.stringify({ name, metadataVersion: '3.0.1', components: [] }) }
          : i === 1 ? { [`${name}/Data/Readme.xml`]: '<?xml version="1.0"?><Entity type="Folder"/>' } : {};
        writeTree(dir, {
          ...marker,
          [`${name}/scripts/write.jb`]: `<trans>\n$${name}.token = "${s.password}";\n</trans>\n`,
          [`${name}/scripts/deep/log.jb`]: `<trans>\nWriteToOperationLog("t=" + $${name}.token);\n</trans>\n`,
        });
      }
      return dir;
    }
    it('--shard I/N: every project lands in exactly one shard, whole, with its cross-script flow; the union is the full run', () => {
      const dir = multiProject();
      // Each top folder given is a project of its own when it holds no marker: give all four.
      const args = ['alpha', 'bravo', 'charlie', 'echo', '--format', 'json'];
      const full = JSON.parse(runCli(args, dir).stdout);
      const union: string[] = [];
      const owner = new Map<string, number>();
      for (let i = 1; i <= 3; i++) {
        const part = JSON.parse(runCli([...args, '--shard', `${i}/3`], dir).stdout);
        union.push(...idsOf(part));
        for (const f of part.files) {
          const proj = f.path.split('/')[0];
          assert.ok(!owner.has(proj) || owner.get(proj) === i, `project ${proj} split across shards`);
          owner.set(proj, i);
        }
      }
      assert.deepEqual(union.sort(), idsOf(full).sort());
      assert.equal(idsOf(full).filter((x) => x.endsWith('logging/sensitive-data')).length, 4, 'the four cross-script flows are found');
      assert.equal(owner.size, 4);
      assert.ok(new Set(owner.values()).size >= 2, 'the split is not trivial');
      // A glob naming the folders is the same as naming them; SARIF of a shard carries its own automation id.
      const viaGlob = JSON.parse(runCli(['*', '--format', 'json'], dir).stdout);
      assert.deepEqual(idsOf(viaGlob), idsOf(full));
      const sarif = JSON.parse(runCli(['*', '--format', 'sarif', '--shard', '2/3'], dir).stdout);
      assert.equal(sarif.runs[0].automationDetails.id, 'jitterbit-guard/shard-2-of-3/');
    });
    it('worker threads give the same, deterministically ordered output as one thread', () => {
      const dir = multiProject();
      // Enough files to cross the worker threshold, spread over the projects.
      for (const name of ['alpha', 'bravo', 'charlie', 'echo']) {
        for (let k = 0; k < 60; k++) writeTree(dir, { [`${name}/scripts/bulk/s${String(k).padStart(3, '0')}.jb`]: `<trans>\n$${name}.n${k} = ${k};\nWriteToOperationLog("n " + $${name}.n${k});\n</trans>\n` });
      }
      const strip = (t: string): string => t.replace(/"(startTimeUtc|endTimeUtc)": "[^"]*"/g, '');
      const one = runCli(['alpha', 'bravo', 'charlie', 'echo', '--workers', '1'], dir);
      const two = runCli(['alpha', 'bravo', 'charlie', 'echo', '--workers', '2'], dir);
      const auto = runCli(['alpha', 'bravo', 'charlie', 'echo'], dir);
      assert.equal(one.code, 1);
      assert.equal(two.stdout, one.stdout);
      assert.equal(auto.stdout, one.stdout);
      assert.match(one.stdout, /250 files scanned/);
      const s1 = runCli(['alpha', 'bravo', 'charlie', 'echo', '--format', 'sarif', '--workers', '2'], dir).stdout;
      const s2 = runCli(['alpha', 'bravo', 'charlie', 'echo', '--format', 'sarif', '--workers', '2'], dir).stdout;
      assert.equal(strip(s1), strip(s2));
      const lines = one.stdout.split('\n').filter((l) => TEXT_PROBLEM_PATTERN.test(l)).map((l) => l.split(':')[0]);
      assert.deepEqual(lines, [...lines].sort());
    });
    it('a folder holding an export or a Design Studio Data/ folder is a project inside a larger tree', () => {
      const dir = multiProject();
      // alpha (export) and bravo (Data/) are their own projects under ".", charlie and echo belong to "." itself.
      const doc = json(dir);
      assert.equal(idsOf(doc).filter((x) => x.endsWith('logging/sensitive-data')).length, 4);
      const shards = [1, 2].map((i) => JSON.parse(runCli(['.', '--format', 'json', '--shard', `${i}/2`], dir).stdout));
      const top = (d: any): Set<string> => new Set(d.files.map((f: any) => f.path.split('/')[0]));
      const [a, b] = shards.map(top);
      for (const p of a) assert.ok(!b.has(p), `${p} in both shards`);
      assert.ok((a.has('charlie') && a.has('echo')) || (b.has('charlie') && b.has('echo')), 'the loose folders stay together');
    });
  });
});
