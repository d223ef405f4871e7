import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FORCE_SPLIT_ENV } from '../../core/src/cli/schedule';
import { cacheDir, RUN_FLAGS } from '../../core/src/cli/launch';
import { VERSION } from '../../core/src/version';
import { ensureBuilt, REPO, runCli, tmpDir, writeTree } from './helpers';

/**
 * dist/cli.js starts the CLI bundle from a V8 code cache in the user's cache folder. The cache only saves time: a
 * missing, corrupt or unwritable cache leaves every run's output as it would be without it.
 */
describe('cli: code cache of the launcher', function () {
  this.timeout(60000);
  before(ensureBuilt);

  const cacheFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

  it('finds the per-user cache folder of each platform, and is off when asked', () => {
    assert.equal(cacheDir({ JITTERBIT_GUARD_NO_CACHE: '1', JITTERBIT_GUARD_CACHE_DIR: '/x' }, 'linux', '/home/u'), undefined);
    assert.equal(cacheDir({ JITTERBIT_GUARD_CACHE_DIR: '/x' }, 'linux', '/home/u'), '/x');
    assert.equal(cacheDir({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'jitterbit-guard'));
    assert.equal(cacheDir({ XDG_CACHE_HOME: '/c' }, 'linux', '/home/u'), path.join('/c', 'jitterbit-guard'));
    assert.equal(cacheDir({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'jitterbit-guard'));
    assert.equal(cacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', ''), path.join('C:\\Users\\u\\AppData\\Local', 'jitterbit-guard', 'Cache'));
    assert.equal(cacheDir({}, 'win32', ''), undefined);
  });

  /** A folder with one small script and a cache folder beside it. */
  function work(): { dir: string; cache: string } {
    const dir = tmpDir('jg-cache-');
    writeTree(dir, { 'a.jb': '<trans>\n$n = Length($orders);\nWriteToOperationLog("orders " + $n);\n</trans>\n' });
    return { dir, cache: path.join(dir, 'cache') };
  }
  const lint = ['a.jb', '--format', 'json'];

  it('writes the cache after a run that lints, reads it on the next, with the same output', () => {
    const { dir, cache } = work();
    const env = { JITTERBIT_GUARD_CACHE_DIR: cache };
    const first = runCli(lint, dir, env);
    assert.equal(first.code, 0, first.stderr);
    const files = cacheFiles(cache);
    assert.equal(files.length, 1, `one cache file: ${files.join(', ')}`);
    const file = path.join(cache, files[0]);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o077, 0, 'readable by the user alone');
    const written = statSync(file).mtimeMs;
    const second = runCli(lint, dir, env);
    assert.equal(second.stdout, first.stdout);
    assert.equal(statSync(file).mtimeMs, written, 'a usable cache is not written again');
  });

  it('writes no cache for --version or --help (they compile next to nothing of the analysis)', () => {
    const { dir, cache } = work();
    const r = runCli(['--version'], dir, { JITTERBIT_GUARD_CACHE_DIR: cache });
    assert.equal(r.stdout.trim(), VERSION);
    runCli(['--help'], dir, { JITTERBIT_GUARD_CACHE_DIR: cache });
    assert.ok(!existsSync(cache) || cacheFiles(cache).length === 0);
  });

  it('replaces a corrupt cache file and still runs', () => {
    const { dir, cache } = work();
    const env = { JITTERBIT_GUARD_CACHE_DIR: cache };
    const first = runCli(lint, dir, env);
    const file = path.join(cache, cacheFiles(cache)[0]);
    writeFileSync(file, Buffer.from('not a V8 code cache at all'.repeat(40)));
    const r = runCli(lint, dir, env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, first.stdout);
    assert.ok(!readFileSync(file).toString('latin1').startsWith('not a V8'), 'the corrupt file was replaced');
  });

  it('runs as usual when the cache folder cannot be made (a file is in its place)', () => {
    const base = tmpDir('jg-cache-');
    const blocked = path.join(base, 'blocked');
    writeFileSync(blocked, 'a file, not a folder');
    writeTree(base, { 'a.jb': '<trans>\n$n = 1;\n</trans>\n' });
    const r = runCli(['a.jb', '--format', 'json'], base, { JITTERBIT_GUARD_CACHE_DIR: path.join(blocked, 'cache') });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).summary.filesScanned, 1);
    assert.equal(r.stderr, '');
  });

  it('switches V8 allocation-site pretenuring off for the run (a large project filled the old generation with trees)', () => {
    const dir = tmpDir('jg-pretenure-');
    // Ordinary scripts, enough for V8 to weigh its allocation sites a few dozen times.
    const files: Record<string, string> = {};
    for (let f = 0; f < 60; f++) {
      const lines = ['<trans>'];
      for (let l = 0; l < 300; l++) lines.push(`$erp.order_${l}_count = Length($erp.orders_${l % 7}) + ${l}; WriteToOperationLog("done " + $erp.order_${l}_count);`);
      files[`s${f}.jb`] = [...lines, '</trans>', ''].join('\n');
    }
    writeTree(dir, files);
    const trace = (entry: string): string =>
      spawnSync(process.execPath, ['--trace-pretenuring-statistics', entry, '.', '--format', 'json', '--output', 'out.json', '--workers', '1'], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1', JITTERBIT_GUARD_NO_CACHE: '1' }, maxBuffer: 64 * 1024 * 1024,
      }).stdout;
    // The bundle run directly weighs its sites (V8's default); through the launcher, as users run it, it does not.
    assert.ok(/pretenuring:/.test(trace(path.join(REPO, 'dist', 'cli-main.js'))), 'the trace shows V8 weighing allocation sites by default');
    assert.equal(trace(path.join(REPO, 'dist', 'cli.js')).match(/pretenuring:/g)?.length ?? 0, 0);
    assert.deepEqual(RUN_FLAGS, ['--no-allocation-site-pretenuring']);
  });

  it('worker threads start through the launcher too: a split run with the cache reports what a run without it does', () => {
    const work = tmpDir('jg-cache-work-');
    // A fake credential, generated for the test, logged in another script through a global.
    writeTree(work, {
      'a.jb': '<trans>\n$svc.api_token = "Tq8vN3xK5mW2pR7yL4zB";\n</trans>\n',
      'b.jb': '<trans>\nWriteToOperationLog("token " + $svc.api_token);\n</trans>\n',
      'c.jb': '<trans>\n$n = Length($svc.api_token);\n</trans>\n',
    });
    const dir = path.join(tmpDir('jg-cache-'), 'cache');
    const args = ['.', '--format', 'json', '--workers', '2'];
    // `strict`: a worker that fails to start through the launcher fails the run instead of being re-done quietly.
    const plain = runCli(args, work, { [FORCE_SPLIT_ENV]: 'strict', JITTERBIT_GUARD_NO_CACHE: '1' });
    const cold = runCli(args, work, { [FORCE_SPLIT_ENV]: 'strict', JITTERBIT_GUARD_CACHE_DIR: dir });
    const warm = runCli(args, work, { [FORCE_SPLIT_ENV]: 'strict', JITTERBIT_GUARD_CACHE_DIR: dir });
    for (const r of [plain, cold, warm]) assert.equal(r.code, 1, r.stderr);
    const strip = (s: string): string => s.replace(/"(durationMs|elapsedMs|startTime|endTime)":\s*[^,}]+/g, '');
    assert.equal(strip(cold.stdout), strip(plain.stdout));
    assert.equal(strip(warm.stdout), strip(plain.stdout));
    const doc = JSON.parse(warm.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    assert.ok(doc.files.find((f) => f.path === 'b.jb')?.findings.some((f) => f.ruleId === 'logging/sensitive-data'), 'the cross-file flow is found');
  });
});
